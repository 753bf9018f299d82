/**
 * Every way the ledger refuses its input. Callers (API, console) map a code to
 * a translated message and an HTTP problem, so codes are stable identifiers:
 * add new ones, never rename.
 */
export const DOMAIN_ERROR_CODES = [
  'invalid_amount',
  'invalid_rate',
  'invalid_installment_count',
  'invalid_method',
  'invalid_frequency',
  'invalid_date',
  'invalid_date_range',
  'invalid_time_zone',
  'invalid_due_day',
  'invalid_grace_days',
  'invalid_threshold',
  'invalid_days_past_due',
  'invalid_schedule',
  'unknown_installment',
  'amount_overflow',
  'invalid_penalty_policy',
] as const;
export type DomainErrorCode = (typeof DOMAIN_ERROR_CODES)[number];

export class DomainError extends Error {
  override readonly name = 'DomainError';

  constructor(
    readonly code: DomainErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export function isDomainError(value: unknown, code?: DomainErrorCode): value is DomainError {
  return value instanceof DomainError && (code === undefined || value.code === code);
}
