import { DomainError } from './domain-error.js';
import { FREQUENCIES, type Frequency } from './frequency.js';
import { requireIntegerInRange, requireOneOf, requirePositiveAmount } from './guards.js';
import {
  addDays,
  addMonths,
  assertIsoDate,
  daysBetween,
  type IsoDate,
  isoWeekday,
  monthsBetween,
  withDayOfMonth,
} from './iso-date.js';

/** A cooperative's contribution rule (cotisation), the same for every member unless overridden. */
export interface DuesPlan {
  /** Contribution per period, in minor units. */
  readonly amount: number;
  readonly frequency: Frequency;
  /**
   * weekly / biweekly: ISO weekday, 1 = Monday ... 7 = Sunday.
   * monthly: day of the month 1..31, clamped to the month's last day (31 -> Feb 28/29, Apr 30).
   */
  readonly dueDay: number;
  /** First day the plan applies; the first due date is the first due day on or after it. */
  readonly startDate: IsoDate;
  /** Days after the due date before an unpaid period counts as late. */
  readonly graceDays: number;
}

/** A member who contributes a different amount (reduced dues, founding members...). */
export interface MemberDuesOverride {
  readonly amount: number;
}

export interface DuePeriod {
  /** The day after the previous due date (the plan's startDate for the first period). */
  readonly periodStart: IsoDate;
  readonly dueDate: IsoDate;
  readonly amount: number;
}

export const MAX_GRACE_DAYS = 365;
/** Enough for 100 years of weekly dues; more means a wrong range. */
export const MAX_DUE_PERIODS = 5_300;

export function validateDuesPlan(plan: DuesPlan): void {
  requirePositiveAmount(plan.amount, 'amount');
  requireOneOf(plan.frequency, FREQUENCIES, 'frequency', 'invalid_frequency');
  const lastDueDay = plan.frequency === 'monthly' ? 31 : 7;
  requireIntegerInRange(plan.dueDay, 1, lastDueDay, 'dueDay', 'invalid_due_day');
  assertIsoDate(plan.startDate, 'startDate');
  requireIntegerInRange(plan.graceDays, 0, MAX_GRACE_DAYS, 'graceDays', 'invalid_grace_days');
}

/**
 * The periods whose due date falls between `from` and `to` (both included). Each
 * period runs from the day after the previous due date to its own due date, so
 * every day from startDate on belongs to exactly one period. Monthly due dates are
 * recomputed from dueDay each month: dueDay 31 gives Jan 31, Feb 28, Mar 31.
 */
export function duePeriods(plan: DuesPlan, from: IsoDate, to: IsoDate, override?: MemberDuesOverride): DuePeriod[] {
  validateDuesPlan(plan);
  assertIsoDate(from, 'from');
  assertIsoDate(to, 'to');
  if (from > to) throw new DomainError('invalid_date_range', `from (${from}) is after to (${to})`);
  if (override) requirePositiveAmount(override.amount, 'override amount');
  const amount = override?.amount ?? plan.amount;

  const first = firstContributionDueDate(plan);
  // Jump close to `from` instead of walking from startDate, then step period by period.
  let index = Math.max(0, firstIndexNear(plan.frequency, first, from));
  let previous = index === 0 ? null : nthDueDate(plan, first, index - 1);
  const periods: DuePeriod[] = [];
  for (;;) {
    const dueDate = nthDueDate(plan, first, index);
    if (dueDate > to) break;
    if (dueDate >= from) {
      if (periods.length === MAX_DUE_PERIODS)
        throw new DomainError('invalid_date_range', `More than ${MAX_DUE_PERIODS} periods between ${from} and ${to}`);
      periods.push({ periodStart: previous === null ? plan.startDate : addDays(previous, 1), dueDate, amount });
    }
    previous = dueDate;
    index += 1;
  }
  return periods;
}

/** The first due date on or after the plan's start. */
export function firstContributionDueDate(plan: DuesPlan): IsoDate {
  if (plan.frequency !== 'monthly') return addDays(plan.startDate, (plan.dueDay - isoWeekday(plan.startDate) + 7) % 7);
  const sameMonth = withDayOfMonth(plan.startDate, plan.dueDay);
  return sameMonth >= plan.startDate
    ? sameMonth
    : withDayOfMonth(addMonths(withDayOfMonth(plan.startDate, 1), 1), plan.dueDay);
}

function nthDueDate(plan: DuesPlan, first: IsoDate, index: number): IsoDate {
  switch (plan.frequency) {
    case 'weekly':
      return addDays(first, 7 * index);
    case 'biweekly':
      return addDays(first, 14 * index);
    case 'monthly':
      return withDayOfMonth(addMonths(withDayOfMonth(first, 1), index), plan.dueDay);
  }
}

/**
 * The index of the first period due on or after `from`, or of the one just before
 * it (the loop skips that one): the period due in `from`'s own week, fortnight or
 * month.
 */
function firstIndexNear(frequency: Frequency, first: IsoDate, from: IsoDate): number {
  switch (frequency) {
    case 'weekly':
      return Math.floor(daysBetween(first, from) / 7);
    case 'biweekly':
      return Math.floor(daysBetween(first, from) / 14);
    case 'monthly':
      return monthsBetween(first, from);
  }
}
