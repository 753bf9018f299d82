import { MAX_AMOUNT_MINOR } from '../money.js';
import { DomainError, type DomainErrorCode } from './domain-error.js';

/*
 * Input checks shared by the ledger modules. Amounts arrive from JSON and forms,
 * so they are checked at run time even though the types already say `number`.
 */

/** A strictly positive amount in minor units (a loan, a payment, a contribution). */
export function requirePositiveAmount(value: number, field: string): void {
  if (!Number.isSafeInteger(value) || value <= 0 || value > MAX_AMOUNT_MINOR) {
    throw new DomainError(
      'invalid_amount',
      `${field} must be a whole number of minor units between 1 and ${MAX_AMOUNT_MINOR}, got ${value}`,
    );
  }
}

/** An amount that may be zero (an outstanding balance, an already paid part). */
export function requireNonNegativeAmount(value: number, field: string): void {
  if (!Number.isSafeInteger(value) || value < 0 || value > MAX_AMOUNT_MINOR) {
    throw new DomainError(
      'invalid_amount',
      `${field} must be a whole number of minor units between 0 and ${MAX_AMOUNT_MINOR}, got ${value}`,
    );
  }
}

export function requireIntegerInRange(
  value: number,
  min: number,
  max: number,
  field: string,
  code: DomainErrorCode,
): void {
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    throw new DomainError(code, `${field} must be a whole number between ${min} and ${max}, got ${value}`);
  }
}

export function requireOneOf<T extends string>(
  value: string,
  allowed: readonly T[],
  field: string,
  code: DomainErrorCode,
): asserts value is T {
  if (!(allowed as readonly string[]).includes(value)) {
    throw new DomainError(code, `${field} must be one of ${allowed.join(', ')}, got "${value}"`);
  }
}
