import { z } from 'zod';
import type { FieldError } from '../errors/app-error.js';
import {
  type FieldCode,
  type Language,
  type MessageParams,
  placeholders,
  translate,
} from '../errors/messages/catalog.js';
import { contractWording } from './contract-wording.js';

type Issue = z.core.$ZodIssue;

/** What one issue says: a code, its values, and its words in each language. */
interface IssueWording {
  code: string;
  params?: MessageParams;
  say: (language: Language) => string;
}

// zod's own words for what neither we nor the contracts word (formats, unions, lists of values…).
// Called per message, not installed with z.config(): nothing global, whatever the request.
const zodLocales: Readonly<Record<Language, z.core.$ZodErrorMap>> = {
  en: z.locales.en().localeError,
  fr: z.locales.fr().localeError,
};

function zodSays(language: Language, issue: Issue): string {
  const said = zodLocales[language](issue as z.core.$ZodRawIssue);
  return (typeof said === 'string' ? said : said?.message) ?? issue.message;
}

/**
 * One entry per bad field, nested paths dotted, each unknown key named by its own path. Several
 * problems with one field are joined in its message; the code and values are the first one's.
 * Issues need their input (`safeParse(value, { reportInput: true })`) to tell a missing field.
 */
export function zodIssuesToFieldErrors(issues: readonly Issue[]): FieldError[] {
  const byField = new Map<string, IssueWording[]>();
  const add = (field: string, wording: IssueWording) => byField.set(field, [...(byField.get(field) ?? []), wording]);
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) add([...issue.path, key].join('.'), ours('not_allowed', {}));
      continue;
    }
    add(issue.path.join('.') || '(body)', wordingOf(issue));
  }
  return [...byField].map(([field, [first, ...others]]) => ({
    field,
    code: first!.code,
    ...(first!.params ? { params: first!.params } : {}),
    say: (language: Language) => [...new Set([first!, ...others].map((w) => w.say(language)))].join('; '),
  }));
}

/**
 * Our words where we have them: the pipe's own (required, wrong type, sizes), then those of the
 * contracts (contract-wording.ts); zod's words, in the caller's language, for the rest. Only
 * a text in no catalog (a contracts text missing from contract-wording.ts) stays English.
 */
function wordingOf(issue: Issue): IssueWording {
  if (issue.code === 'invalid_type' && issue.input === undefined) return ours('required', {});
  const { code, params } = zodCodeOf(issue);
  const own = contractWording(issue.code, issue.message, params) ?? houseWording(issue, params);
  if (own) return ours(own.code, own.params);
  if (issue.message === zodSays('en', issue)) return { code, params, say: (language) => zodSays(language, issue) };
  return { code, params, say: () => issue.message };
}

function ours(code: FieldCode, values: MessageParams): IssueWording {
  // Only the values the words speak of go to the client.
  const params = Object.fromEntries(placeholders(translate('en', 'field', code)).map((name) => [name, values[name]!]));
  return {
    code,
    ...(Object.keys(params).length > 0 ? { params } : {}),
    say: (language) => translate(language, 'field', code, params),
  };
}

const sizeCodes = {
  too_small: { string: 'too_short', number: 'too_small', array: 'too_few', set: 'too_few' },
  too_big: { string: 'too_long', number: 'too_big', array: 'too_many', set: 'too_many' },
} as const satisfies Record<string, Record<string, FieldCode>>;

const typeCodes: Readonly<Record<string, FieldCode>> = {
  string: 'must_be_string',
  number: 'must_be_number',
  int: 'must_be_integer',
  boolean: 'must_be_boolean',
  object: 'must_be_object',
  record: 'must_be_object',
  array: 'must_be_array',
};

/** Our words for a wrong type, and for a size limit (an inclusive one, on a text, a number or a list). */
function houseWording(issue: Issue, params: MessageParams): { code: FieldCode; params: MessageParams } | undefined {
  if (issue.code === 'invalid_type') return { code: typeCodes[issue.expected] ?? 'must_be_type', params };
  if ((issue.code === 'too_small' || issue.code === 'too_big') && issue.inclusive !== false) {
    const code = (sizeCodes[issue.code] as Record<string, FieldCode>)[issue.origin];
    return code ? { code, params } : undefined;
  }
  return undefined;
}

/** zod's issue code and the values of the issue, for what we have no words of our own. */
function zodCodeOf(issue: Issue): { code: string; params: MessageParams } {
  switch (issue.code) {
    case 'invalid_type':
      return { code: issue.code, params: { expected: issue.expected } };
    case 'too_small':
      return { code: issue.code, params: bound('min', issue.minimum, issue.inclusive) };
    case 'too_big':
      return { code: issue.code, params: bound('max', issue.maximum, issue.inclusive) };
    case 'invalid_format':
      return { code: issue.code, params: { format: issue.format } };
    case 'invalid_value':
      return { code: issue.code, params: { values: issue.values.map(String).join(', ') } };
    case 'not_multiple_of':
      return { code: issue.code, params: { divisor: Number(issue.divisor) } };
    case 'unrecognized_keys':
      return { code: 'not_allowed', params: {} };
    case 'invalid_union':
    case 'invalid_key':
    case 'invalid_element':
    case 'custom':
      return { code: issue.code, params: {} };
  }
}

function bound(name: 'min' | 'max', value: number | bigint, inclusive: boolean | undefined): MessageParams {
  return { [name]: typeof value === 'bigint' ? String(value) : value, ...(inclusive === false ? { inclusive } : {}) };
}
