import { HttpErrorResponse } from '@angular/common/http';
import { type MonoTypeOperatorFunction, retry, throwError, timer } from 'rxjs';
import { toProblem } from './problem';

/**
 * A random UUID v4 for the Idempotency-Key header. `crypto.randomUUID` exists only in secure
 * contexts; a console reached over plain HTTP on a local network still has getRandomValues.
 */
export function newIdempotencyKey(): string {
  const crypto = globalThis.crypto;
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Canonical JSON (sorted keys, no undefined) so that equal bodies compare equal. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/**
 * The Idempotency-Key of one form's submissions. Sending the same operation and body again
 * (a double tap, "retry" after a network error whose request may well have been recorded)
 * reuses the key, so the API answers with the first result instead of recording twice. Once
 * the API has answered with success, or when the user changes the form, the next submission
 * gets a new key: it is a new movement of money.
 */
export class SubmissionKey {
  private pending: { fingerprint: string; key: string } | null = null;

  constructor(private readonly generate: () => string = newIdempotencyKey) {}

  keyFor(operation: string, body: unknown): string {
    const fingerprint = `${operation}\n${canonical(body)}`;
    if (this.pending?.fingerprint !== fingerprint) {
      this.pending = { fingerprint, key: this.generate() };
    }
    return this.pending.key;
  }

  /** The write went through: forget the key. */
  settle(): void {
    this.pending = null;
  }
}

/** Failures after which the same request may simply be sent again, with the same key. */
export function isTransient(error: unknown): boolean {
  if (!(error instanceof HttpErrorResponse)) return false;
  if ([0, 502, 503, 504].includes(error.status)) return true;
  return error.status === 409 && toProblem(error).code === 'idempotency_in_flight';
}

/**
 * Retries an idempotent write on a flaky network: the request is re-sent as is, same
 * Idempotency-Key, after 1 s then 2 s. Anything else goes back to the form at once.
 */
export function retryTransient<T>(count = 2, delayMs = 1000): MonoTypeOperatorFunction<T> {
  return retry({
    count,
    delay: (error: unknown, attempt) => (isTransient(error) ? timer(delayMs * attempt) : throwError(() => error)),
  });
}
