import { DomainError } from './domain-error.js';
import { requireNonNegativeAmount, requirePositiveAmount } from './guards.js';
import { assertIsoDate, type IsoDate } from './iso-date.js';

/** What one installment still owes, per component. */
export interface InstallmentBalance {
  readonly number: number;
  readonly dueDate: IsoDate;
  readonly penalty: number;
  readonly interest: number;
  readonly principal: number;
}

export interface InstallmentAllocation {
  readonly number: number;
  readonly dueDate: IsoDate;
  readonly penalty: number;
  readonly interest: number;
  readonly principal: number;
  readonly total: number;
}

export interface RepaymentAllocation {
  /** Installments that received part of the payment, in the order they were settled. */
  readonly allocations: readonly InstallmentAllocation[];
  /**
   * What the loan could not take. Never absorbed: the caller refuses the payment
   * ("repayment above what is outstanding") or books it as a member credit.
   */
  readonly unallocated: number;
  /** Every installment's balance after the payment, in due-date order. */
  readonly remaining: readonly InstallmentBalance[];
}

export interface AllocationOptions {
  /**
   * Whether money left after the installments due on or before `asOf` pays the
   * upcoming ones in advance (default true: members often pay ahead of a trip or
   * a harvest). When false it comes back as `unallocated`. Prepaid interest is
   * not rebated: an early-repayment discount is the cooperative's decision.
   */
  readonly prepayUpcoming?: boolean;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** The cooperative's rule inside one installment: penalty first, then interest, then principal. */
export const ALLOCATION_ORDER = ['penalty', 'interest', 'principal'] as const;

/**
 * Applies a payment received on `asOf`. Installments are settled one at a time,
 * oldest due date first; each is cleared completely (penalty, then interest, then
 * principal) before the next receives anything, so the oldest arrears, which age
 * the loan, go first.
 */
export function allocateRepayment(
  balances: readonly InstallmentBalance[],
  amount: number,
  asOf: IsoDate,
  options: AllocationOptions = {},
): RepaymentAllocation {
  requirePositiveAmount(amount, 'amount');
  assertIsoDate(asOf, 'asOf');
  const ordered = validatedInOrder(balances);
  const prepay = options.prepayUpcoming ?? true;

  let left = amount;
  const allocations: InstallmentAllocation[] = [];
  const remaining = ordered.map((balance) => {
    if (left === 0 || (!prepay && balance.dueDate > asOf)) return balance;
    const owed: Mutable<InstallmentBalance> = { ...balance };
    const taken = { penalty: 0, interest: 0, principal: 0 };
    for (const component of ALLOCATION_ORDER) {
      const take = Math.min(left, owed[component]);
      taken[component] = take;
      owed[component] -= take;
      left -= take;
    }
    const total = taken.penalty + taken.interest + taken.principal;
    if (total > 0) allocations.push({ number: balance.number, dueDate: balance.dueDate, ...taken, total });
    return owed;
  });
  return { allocations, unallocated: left, remaining };
}

/** Outstanding total of one installment. */
export function balanceTotal(balance: InstallmentBalance): number {
  return balance.penalty + balance.interest + balance.principal;
}

function validatedInOrder(balances: readonly InstallmentBalance[]): InstallmentBalance[] {
  const seen = new Set<number>();
  for (const balance of balances) {
    if (!Number.isSafeInteger(balance.number) || balance.number < 1 || seen.has(balance.number)) {
      throw new DomainError(
        'invalid_schedule',
        `Installment numbers must be distinct positive integers, got ${balance.number}`,
      );
    }
    seen.add(balance.number);
    assertIsoDate(balance.dueDate, `installment ${balance.number} dueDate`);
    for (const component of ALLOCATION_ORDER)
      requireNonNegativeAmount(balance[component], `installment ${balance.number} ${component}`);
  }
  // Due date decides seniority; the number breaks ties between same-day installments.
  return [...balances].sort((a, b) => (a.dueDate === b.dueDate ? a.number - b.number : a.dueDate < b.dueDate ? -1 : 1));
}
