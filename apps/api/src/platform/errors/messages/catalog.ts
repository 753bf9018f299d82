import type { SupportedLocale } from '@kotizo/domain';
import { en } from './en.js';
import { fr } from './fr.js';

/** A language the API answers in. */
export type Language = SupportedLocale;

/** English first: it is the fallback, and what `Accept-Language: *` gets. */
export const LANGUAGES: readonly Language[] = ['en', 'fr'];
export const DEFAULT_LANGUAGE: Language = 'en';

type Sections = typeof en;
export type Section = keyof Sections;
/** Every language has every message of en.ts (the compiler checks fr.ts against this). */
export type Catalog = { readonly [S in Section]: { readonly [K in keyof Sections[S]]: string } };

export type ProblemCode = keyof Sections['problem'];
export type FieldCode = keyof Sections['field'];
/** What a 404 says was not found. */
export type Resource = keyof Sections['notFound'];

/** The values a message speaks of, e.g. `{ max: 1000 }`; sent to clients beside the code. */
export type MessageParams = Readonly<Record<string, string | number | boolean>>;

const CATALOGS: Readonly<Record<Language, Catalog>> = { en, fr };

const PLACEHOLDER = /\{(\w+)\}/g;

/** A message of the catalog in a language, its `{name}` placeholders filled from params. */
export function translate<S extends Section>(
  language: Language,
  section: S,
  code: keyof Sections[S],
  params: MessageParams = {},
): string {
  const template = (CATALOGS[language][section] as Record<PropertyKey, string>)[code];
  if (template === undefined) throw new Error(`No ${section} message "${String(code)}" in the catalog`);
  return fill(template, params);
}

/** Fills `{name}` placeholders; one without a value stays as written, so a missing param shows. */
export function fill(template: string, params: MessageParams): string {
  return template.replace(PLACEHOLDER, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
}

/** The names of the placeholders of a template. */
export function placeholders(template: string): string[] {
  return [...template.matchAll(PLACEHOLDER)].map((match) => match[1]!);
}

export function isProblemCode(code: string): code is ProblemCode {
  return Object.hasOwn(en.problem, code);
}

export function isResource(what: string): what is Resource {
  return Object.hasOwn(en.notFound, what);
}

/** The catalogs themselves, for the parity test. */
export function catalogs(): Readonly<Record<Language, Catalog>> {
  return CATALOGS;
}

/** The title of a problem with this HTTP status. */
export function statusTitle(status: number, language: Language): string {
  const key = String(status);
  return translate(language, 'title', Object.hasOwn(en.title, key) ? (key as keyof Sections['title']) : 'other');
}
