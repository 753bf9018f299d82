import { DomainError } from './domain-error.js';
import { type DuePeriod, MAX_GRACE_DAYS } from './dues.js';
import { requireIntegerInRange, requirePositiveAmount } from './guards.js';
import { addDays, assertIsoDate, type IsoDate } from './iso-date.js';
import { MAX_AMOUNT_MINOR } from '../money.js';

export interface Contribution {
  readonly date: IsoDate;
  readonly amount: number;
}

export const DUES_STATUSES = ['paid', 'partial', 'late', 'due', 'upcoming'] as const;
/**
 * paid: fully paid. late: not fully paid and asOf is after dueDate + graceDays
 * (even if partly paid). partial: partly paid, not late. due: nothing paid, due
 * date reached, still within grace. upcoming: nothing paid, due date ahead.
 */
export type DuesStatus = (typeof DUES_STATUSES)[number];

export interface PeriodStatus extends DuePeriod {
  readonly status: DuesStatus;
  readonly paid: number;
  /** Date of the contribution that completed the period; null while not fully paid. */
  readonly settledOn: IsoDate | null;
}

export interface DuesStatement {
  readonly asOf: IsoDate;
  readonly periods: readonly PeriodStatus[];
  /** Unpaid amount of periods due on or before asOf, grace or not. */
  readonly amountDue: number;
  /** Unpaid amount of late periods (past their grace days). */
  readonly amountLate: number;
  /** Contributions beyond every listed period: a credit for the member, shown, never absorbed. */
  readonly unallocated: number;
}

/**
 * Where a member stands on `asOf`. Contributions dated on or before asOf fill the
 * oldest period not yet fully paid, whatever period the member had in mind: a
 * member who pays late clears the old debt first, the way cooperatives count, and
 * one allocation rule gives everyone the same answer. Listed periods not yet due
 * are paid in advance in the same order; money beyond the last listed period comes
 * back as `unallocated`.
 */
export function duesStatus(
  periods: readonly DuePeriod[],
  contributions: readonly Contribution[],
  asOf: IsoDate,
  graceDays: number,
): DuesStatement {
  assertIsoDate(asOf, 'asOf');
  requireIntegerInRange(graceDays, 0, MAX_GRACE_DAYS, 'graceDays', 'invalid_grace_days');
  const ordered = validatedPeriods(periods);
  const received = validatedContributions(contributions, asOf);

  const paid = ordered.map(() => 0);
  const settledOn: (IsoDate | null)[] = ordered.map(() => null);
  let next = 0;
  let unallocated = 0;
  for (const contribution of received) {
    let left = contribution.amount;
    while (left > 0 && next < ordered.length) {
      const take = Math.min(left, ordered[next].amount - paid[next]);
      paid[next] += take;
      left -= take;
      if (paid[next] === ordered[next].amount) {
        settledOn[next] = contribution.date;
        next += 1;
      }
    }
    unallocated += left;
  }

  let amountDue = 0;
  let amountLate = 0;
  const statuses = ordered.map((period, i): PeriodStatus => {
    const unpaid = period.amount - paid[i];
    const status = periodStatus(period, paid[i], asOf, graceDays);
    if (period.dueDate <= asOf) amountDue += unpaid;
    if (status === 'late') amountLate += unpaid;
    return { ...period, status, paid: paid[i], settledOn: settledOn[i] };
  });
  return { asOf, periods: statuses, amountDue, amountLate, unallocated };
}

function periodStatus(period: DuePeriod, paid: number, asOf: IsoDate, graceDays: number): DuesStatus {
  if (paid === period.amount) return 'paid';
  if (asOf > addDays(period.dueDate, graceDays)) return 'late';
  if (paid > 0) return 'partial';
  return period.dueDate <= asOf ? 'due' : 'upcoming';
}

function validatedPeriods(periods: readonly DuePeriod[]): DuePeriod[] {
  let total = 0;
  for (const period of periods) {
    assertIsoDate(period.periodStart, 'periodStart');
    assertIsoDate(period.dueDate, 'dueDate');
    requirePositiveAmount(period.amount, 'period amount');
    total += period.amount;
  }
  if (total > MAX_AMOUNT_MINOR)
    throw new DomainError('amount_overflow', `Periods add up to more than ${MAX_AMOUNT_MINOR} minor units`);
  return [...periods].sort((a, b) => (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : 0));
}

/** Contributions up to asOf, oldest first (stable for same-day ones). */
function validatedContributions(contributions: readonly Contribution[], asOf: IsoDate): Contribution[] {
  let total = 0;
  for (const contribution of contributions) {
    assertIsoDate(contribution.date, 'contribution date');
    requirePositiveAmount(contribution.amount, 'contribution amount');
    total += contribution.amount;
  }
  if (total > MAX_AMOUNT_MINOR)
    throw new DomainError('amount_overflow', `Contributions add up to more than ${MAX_AMOUNT_MINOR} minor units`);
  return contributions.filter((c) => c.date <= asOf).sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}
