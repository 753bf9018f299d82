import { type SupportedLocale, formatMoney } from '@kotizo/domain';
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

/**
 * `{name}`, or `{name, format}` for a value said the language's way:
 * - `money`: an amount in minor units of the `currency` param (`{owed, money}` with
 *   `{ owed: 15000, currency: 'XOF' }` says "15 000 F CFA" in French);
 * - a section of words (`WORD_SECTIONS`): the value's word there (`{status, loanStatus}`).
 */
const PLACEHOLDER = /\{(\w+)(?:, (\w+))?\}/g;

/** Sections that name things (statuses) rather than say a message: a placeholder's format may be one. */
const WORD_SECTIONS = [
  'loanStatus',
  'investigationStatus',
  'movementKind',
  'dateFormat',
  'languageName',
] as const satisfies readonly Section[];
type Format = 'money' | (typeof WORD_SECTIONS)[number];

export function isFormat(name: string): name is Format {
  return name === 'money' || (WORD_SECTIONS as readonly string[]).includes(name);
}

/** A message of the catalog in a language, its `{name}` placeholders filled from params. */
export function translate<S extends Section>(
  language: Language,
  section: S,
  code: keyof Sections[S],
  params: MessageParams = {},
): string {
  const template = (CATALOGS[language][section] as Record<PropertyKey, string>)[code];
  if (template === undefined) throw new Error(`No ${section} message "${String(code)}" in the catalog`);
  return fill(template, params, language);
}

/** Fills `{name}` placeholders; one without a value stays as written, so a missing param shows. */
export function fill(template: string, params: MessageParams, language: Language = DEFAULT_LANGUAGE): string {
  return template.replace(PLACEHOLDER, (whole, name: string, format: string | undefined) => {
    const value = params[name];
    if (value === undefined) return whole;
    if (format === undefined) return String(value);
    return formatted(value, format, params, language) ?? whole;
  });
}

function formatted(
  value: string | number | boolean,
  format: string,
  params: MessageParams,
  language: Language,
): string | undefined {
  if (!isFormat(format)) throw new Error(`Unknown message format "${format}"`);
  if (format === 'money') {
    const currency = params['currency'];
    if (typeof value !== 'number' || !Number.isSafeInteger(value) || typeof currency !== 'string') return undefined;
    return formatMoney(value, currency, language);
  }
  const words = CATALOGS[language][format] as Readonly<Record<string, string>>;
  // A value the section does not know (a status added later) is said as it is rather than not at all.
  return (Object.hasOwn(words, String(value)) ? words[String(value)] : undefined) ?? String(value);
}

/** The names of the placeholders of a template. */
export function placeholders(template: string): string[] {
  return [...template.matchAll(PLACEHOLDER)].map((match) => match[1]!);
}

/** The placeholders of a template as written, format included (`{owed, money}`). */
export function placeholderTokens(template: string): string[] {
  return [...template.matchAll(PLACEHOLDER)].map((match) => match[0]);
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
