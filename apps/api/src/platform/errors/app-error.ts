import type { ProblemFieldError } from '@kotizo/contracts';
import {
  DEFAULT_LANGUAGE,
  type FieldCode,
  type Language,
  type MessageParams,
  type ProblemCode,
  type Resource,
  isResource,
  statusTitle,
  translate,
} from './messages/catalog.js';

/** A field error: a stable code, the values its message speaks of, and its words in each language. */
export interface FieldError {
  readonly field: string;
  readonly code: string;
  readonly params?: MessageParams;
  say(language: Language): string;
}

/**
 * @deprecated English only and without a code, until its module adopts the catalog: use
 * `fieldError(field, code, params)`. A problem holding one is answered in English.
 */
export interface UntranslatedFieldError {
  readonly field: string;
  readonly message: string;
}

export type AnyFieldError = FieldError | UntranslatedFieldError;

/** A field error worded by the catalog (messages/en.ts `field`): `fieldError('amount', 'too_big', { max: 1000 })`. */
export function fieldError(field: string, code: FieldCode, params?: MessageParams): FieldError {
  return {
    field,
    code,
    ...(params ? { params } : {}),
    say: (language) => translate(language, 'field', code, params),
  };
}

export interface ProblemOptions {
  /** Values the detail speaks of (`{slug}` in "The slug "{slug}" is already used…"). */
  params?: MessageParams;
  /** Other words for the detail than the code's own, or what a 404 did not find. */
  detail?: ProblemCode | { notFound: Resource };
  errors?: AnyFieldError[];
}

/** How the title and detail are said: from the catalog, or (not yet adopted) in English. */
type Wording =
  | { readonly detail: ProblemCode | { notFound: Resource }; readonly params?: MessageParams }
  | { readonly englishTitle: string; readonly englishDetail?: string };

function wordingOf(titleOrOptions: string | ProblemOptions | undefined, code: string, detail?: string): Wording {
  if (typeof titleOrOptions === 'string') return { englishTitle: titleOrOptions, englishDetail: detail };
  return { detail: titleOrOptions?.detail ?? (code as ProblemCode), params: titleOrOptions?.params };
}

function detailOf(wording: Wording, language: Language): string | undefined {
  if ('englishTitle' in wording) return wording.englishDetail;
  if (typeof wording.detail === 'object') return translate(language, 'notFound', wording.detail.notFound);
  return translate(language, 'problem', wording.detail, wording.params);
}

/**
 * Errors the application means to show. Each has a stable code (the console reacts to it) and
 * words from the catalog (messages/), said in the caller's language by ProblemFilter.
 */
export class AppError extends Error {
  readonly errors?: readonly AnyFieldError[];
  private readonly wording: Wording;

  constructor(status: number, code: ProblemCode, options?: ProblemOptions);
  /** @deprecated English only: give a code of the catalog (messages/en.ts `problem`) and its params. */
  constructor(status: number, code: string, title: string, detail?: string, errors?: AnyFieldError[]);
  constructor(
    readonly status: number,
    readonly code: string,
    titleOrOptions?: string | ProblemOptions,
    detail?: string,
    errors?: AnyFieldError[],
  ) {
    const wording = wordingOf(titleOrOptions, code, detail);
    super(detailOf(wording, DEFAULT_LANGUAGE) ?? ('englishTitle' in wording ? wording.englishTitle : code));
    this.wording = wording;
    const fields = typeof titleOrOptions === 'string' ? errors : titleOrOptions?.errors;
    if (fields) this.errors = fields;
  }

  /** Whether every word has its translations; if not, the whole problem is said in English. */
  get translated(): boolean {
    return !('englishTitle' in this.wording) && (this.errors ?? []).every((e) => 'say' in e);
  }

  titleIn(language: Language): string {
    if ('englishTitle' in this.wording) return this.wording.englishTitle;
    return statusTitle(this.status, language);
  }

  detailIn(language: Language): string | undefined {
    return detailOf(this.wording, language);
  }

  fieldErrorsIn(language: Language): ProblemFieldError[] | undefined {
    return this.errors?.map((e) =>
      'say' in e
        ? { field: e.field, code: e.code, ...(e.params ? { params: e.params } : {}), message: e.say(language) }
        : { field: e.field, message: e.message },
    );
  }
}

type ErrorOptions = Omit<ProblemOptions, 'errors'>;

export class ValidationFailed extends AppError {
  constructor(errors: AnyFieldError[], options?: ErrorOptions);
  /** @deprecated English only: give `{ detail: code }` of the catalog. */
  constructor(errors: AnyFieldError[], detail: string);
  constructor(errors: AnyFieldError[], options?: string | ErrorOptions) {
    if (typeof options === 'string') super(422, 'validation_failed', 'Invalid request', options, errors);
    else super(422, 'validation_failed', { ...options, errors });
  }
}

export class BadRequest extends AppError {
  constructor(code: ProblemCode, options?: ProblemOptions);
  /** @deprecated English only: give a code of the catalog and its params. */
  constructor(code: string, detail: string);
  constructor(code: string, options?: string | ProblemOptions) {
    if (typeof options === 'string') super(400, code, 'Bad request', options);
    else super(400, code as ProblemCode, options);
  }
}

export class Unauthenticated extends AppError {
  constructor(code?: ProblemCode, options?: ProblemOptions);
  /** @deprecated English only: give a code of the catalog and its params. */
  constructor(code: string, detail: string);
  constructor(code = 'unauthenticated', options?: string | ProblemOptions) {
    if (typeof options === 'string') super(401, code, 'Unauthorized', options);
    else super(401, code as ProblemCode, options);
  }
}

export class Forbidden extends AppError {
  constructor(code?: ProblemCode, options?: ProblemOptions);
  /** @deprecated English only: give a code of the catalog and its params. */
  constructor(code: string, detail: string);
  constructor(code = 'forbidden', options?: string | ProblemOptions) {
    if (typeof options === 'string') super(403, code, 'Forbidden', options);
    else super(403, code as ProblemCode, options);
  }
}

export class NotFound extends AppError {
  /** `what`: a resource of the catalog (messages/en.ts `notFound`), e.g. `new NotFound('member')`. */
  constructor(what: Resource);
  /** @deprecated English only ("The loan"): give a resource of the catalog. */
  constructor(what: string);
  constructor(what: string) {
    if (isResource(what)) super(404, 'not_found', { detail: { notFound: what } });
    else super(404, 'not_found', 'Not found', `${what} was not found.`);
  }
}

export class Conflict extends AppError {
  constructor(code: ProblemCode, options?: ProblemOptions);
  /** @deprecated English only: give a code of the catalog and its params. */
  constructor(code: string, detail: string, errors?: AnyFieldError[]);
  constructor(code: string, options?: string | ProblemOptions, errors?: AnyFieldError[]) {
    if (typeof options === 'string') super(409, code, 'Conflict', options, errors);
    else super(409, code as ProblemCode, options);
  }
}
