import { DomainError, type DomainErrorCode } from '../domain-error.js';
import { type DuesPlan } from '../dues.js';
import { type LoanTerms } from '../loan-schedule.js';
import { type InstallmentBalance } from '../repayment-allocation.js';

/*
 * Fixture builders: a valid default, overridden field by field, so each test states
 * only what it is about. Test support only; not exported from the library.
 */

/** The fixed "today" of the ledger specs; nothing reads the host clock. */
export const TODAY = '2024-06-15';

/** 100 000 FCFA at 2 % a month (2400 bp a year), flat, 12 monthly installments. */
export function loanTerms(overrides: Partial<LoanTerms> = {}): LoanTerms {
  return {
    principal: 100_000,
    annualRateBasisPoints: 2_400,
    method: 'flat',
    installments: 12,
    frequency: 'monthly',
    firstDueDate: '2024-02-15',
    ...overrides,
  };
}

/** 1 000 FCFA every Sunday from Wednesday 3 January 2024, three days of grace. */
export function duesPlan(overrides: Partial<DuesPlan> = {}): DuesPlan {
  return { amount: 1_000, frequency: 'weekly', dueDay: 7, startDate: '2024-01-03', graceDays: 3, ...overrides };
}

export function installmentBalance(
  overrides: Partial<InstallmentBalance> & Pick<InstallmentBalance, 'number'>,
): InstallmentBalance {
  return { dueDate: '2024-01-31', penalty: 0, interest: 0, principal: 0, ...overrides };
}

/** The code of the DomainError `action` throws; fails loudly if it throws nothing or something else. */
export function domainErrorCode(action: () => unknown): DomainErrorCode {
  try {
    action();
  } catch (error) {
    if (error instanceof DomainError) return error.code;
    throw error;
  }
  throw new Error('Expected a DomainError, nothing was thrown');
}
