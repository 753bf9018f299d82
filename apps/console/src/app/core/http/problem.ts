import { HttpErrorResponse } from '@angular/common/http';
import type { AbstractControl } from '@angular/forms';
import type { Problem, ProblemFieldError } from '@kotizo/contracts';

function isProblemBody(body: unknown): body is Problem {
  return (
    typeof body === 'object' &&
    body !== null &&
    typeof (body as Partial<Problem>).status === 'number' &&
    typeof (body as Partial<Problem>).title === 'string'
  );
}

/** Any failed call as a problem document, including network failures and non-JSON errors. */
export function toProblem(error: unknown): Problem {
  if (error instanceof HttpErrorResponse) {
    if (isProblemBody(error.error)) return { ...error.error, code: error.error.code ?? 'unknown' };
    if (error.status === 0) {
      return { type: 'about:blank', title: 'Network error', status: 0, code: 'network' };
    }
    return {
      type: 'about:blank',
      title: error.statusText || 'Error',
      status: error.status,
      code: `http_${error.status}`,
    };
  }
  return { type: 'about:blank', title: 'Unexpected error', status: -1, code: 'unexpected' };
}

/** Field paths come as `admin.email`, or JSON-pointer style `/admin/email`: use dots. */
export function normalizeFieldPath(field: string): string {
  return field.replace(/^\/+/, '').replaceAll('/', '.');
}

/** One message per field (several from the server are joined). */
export function fieldErrors(problem: Problem): Record<string, string> {
  const byField: Record<string, string> = {};
  for (const { field, message } of problem.errors ?? []) {
    const path = normalizeFieldPath(field);
    byField[path] = byField[path] ? `${byField[path]}; ${message}` : message;
  }
  return byField;
}

/**
 * Puts the server's field errors on the matching form controls (as the `server` error, shown by
 * the field's <mat-error>) and returns those that match no control, to show above the form. The
 * messages are shown as sent: the API words them in the language of our `Accept-Language`
 * (languageInterceptor), and gives their `code` and `params` besides.
 */
export function applyProblemToForm(form: AbstractControl, problem: Problem): ProblemFieldError[] {
  const unmatched: ProblemFieldError[] = [];
  for (const [field, message] of Object.entries(fieldErrors(problem))) {
    const control = field ? form.get(field) : null;
    if (!control) {
      const first = problem.errors?.find((e) => normalizeFieldPath(e.field) === field);
      unmatched.push({ ...first, field, message });
      continue;
    }
    control.setErrors({ ...control.errors, server: message });
    control.markAsTouched();
  }
  return unmatched;
}

/** Translation key of the general message for a problem. */
export function problemMessageKey(problem: Problem): string {
  const { status } = problem;
  if (status === 0) return 'errors.network';
  if (status >= 500) return 'errors.server';
  return STATUS_KEYS[status] ?? 'errors.generic';
}

const STATUS_KEYS: Record<number, string> = {
  400: 'errors.validation',
  401: 'errors.unauthorized',
  403: 'errors.forbidden',
  404: 'errors.notFound',
  409: 'errors.conflict',
  422: 'errors.validation',
  429: 'errors.rateLimited',
};

/** Seconds to wait from a 429's `Retry-After` header (seconds or an HTTP date), if given. */
export function retryAfterSeconds(error: unknown, now = Date.now()): number | null {
  if (!(error instanceof HttpErrorResponse)) return null;
  const header = error.headers?.get('Retry-After');
  if (!header) return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, Math.ceil(seconds));
  const date = Date.parse(header);
  return Number.isNaN(date) ? null : Math.max(0, Math.ceil((date - now) / 1000));
}
