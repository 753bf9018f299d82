import { MAX_AMOUNT_MINOR } from '../money.js';
import { DomainError } from './domain-error.js';
import { MAX_GRACE_DAYS } from './dues.js';
import { requireIntegerInRange, requireNonNegativeAmount, requireOneOf, requirePositiveAmount } from './guards.js';
import { divRoundHalfUp, toAmount } from './integer-math.js';
import { addDays, addMonths, assertIsoDate, daysBetween, type IsoDate, maxIsoDate, monthsBetween } from './iso-date.js';

export const PENALTY_PERIODS = ['day', 'week', 'month'] as const;
export type PenaltyPeriod = (typeof PENALTY_PERIODS)[number];

/** 100 %: neither a rate per period nor a cap goes beyond the installment itself. */
export const MAX_PENALTY_BASIS_POINTS = 10_000;

/** What one period late costs: a fixed amount, or basis points of what is overdue on the installment. */
export type LatePenaltyCharge =
  { readonly kind: 'fixed'; readonly amount: number } | { readonly kind: 'rate'; readonly basisPoints: number };

/** The most the policy charges on one installment: an amount, or basis points of the installment. */
export type LatePenaltyCap =
  { readonly kind: 'amount'; readonly amount: number } | { readonly kind: 'rate'; readonly basisPoints: number };

/**
 * A cooperative's automatic penalty on late installments. A period that has
 * started is due in full ("tout mois entamé est dû"): with 7 days of grace
 * and monthly periods, an installment due on the 10th costs one period from
 * the 18th, a second from the 18th of the next month, and so on until it is
 * paid or the cap is reached.
 */
export interface LatePenaltyPolicy {
  readonly enabled: boolean;
  readonly charge: LatePenaltyCharge;
  readonly period: PenaltyPeriod;
  /** Days after the due date before the first period starts. */
  readonly graceDays: number;
  readonly cap: LatePenaltyCap | null;
  /**
   * The day the policy, as it stands, was set: periods that started before it
   * are never charged, so turning the policy on (or changing it) does not
   * reach back into lateness that was judged under other terms. Null: never set.
   */
  readonly effectiveFrom: IsoDate | null;
}

/** One late installment as the policy sees it on a given day. */
export interface PolicyInstallment {
  readonly number: number;
  readonly dueDate: IsoDate;
  /** Principal + interest as scheduled: the base of a cap in basis points. */
  readonly scheduled: number;
  /** Principal + interest still unpaid (penalties aside): the base of a rate; 0 once settled. */
  readonly overdue: number;
  /** What the policy has charged on this installment so far (penalties charged by hand aside). */
  readonly chargedByPolicy: number;
  /** Where the last period the policy charged ends (the next one may start there), or null. */
  readonly chargedUntil: IsoDate | null;
}

/** A period late the policy charges now. */
export interface PolicyPenalty {
  readonly installmentNumber: number;
  /** 1 for the first period after the grace days. */
  readonly period: number;
  readonly startsOn: IsoDate;
  /** The first day of the next period: this one covers startsOn up to the day before. */
  readonly endsBefore: IsoDate;
  readonly amount: number;
}

export function validateLatePenaltyPolicy(policy: LatePenaltyPolicy): void {
  requireOneOf(policy.period, PENALTY_PERIODS, 'period', 'invalid_penalty_policy');
  requireIntegerInRange(policy.graceDays, 0, MAX_GRACE_DAYS, 'graceDays', 'invalid_grace_days');
  if (policy.charge.kind === 'fixed') requirePositiveAmount(policy.charge.amount, 'charge.amount');
  else requireBasisPoints(policy.charge.basisPoints, 'charge.basisPoints');
  if (policy.cap?.kind === 'amount') requirePositiveAmount(policy.cap.amount, 'cap.amount');
  else if (policy.cap?.kind === 'rate') requireBasisPoints(policy.cap.basisPoints, 'cap.basisPoints');
  if (policy.effectiveFrom !== null) assertIsoDate(policy.effectiveFrom, 'effectiveFrom');
}

/** The first day of period `index` (1-based) of an installment due on `dueDate`. */
export function penaltyPeriodStart(
  dueDate: IsoDate,
  policy: Pick<LatePenaltyPolicy, 'graceDays' | 'period'>,
  index: number,
): IsoDate {
  // Counted from the first day after the grace each time, so month ends do not drift (Jan 31, Feb 28, Mar 31).
  const first = addDays(dueDate, policy.graceDays + 1);
  switch (policy.period) {
    case 'day':
      return addDays(first, index - 1);
    case 'week':
      return addDays(first, 7 * (index - 1));
    case 'month':
      return addMonths(first, index - 1);
  }
}

/** How many periods late have started by `asOf` (0 up to and including the last day of grace). */
export function penaltyPeriodsStarted(
  dueDate: IsoDate,
  policy: Pick<LatePenaltyPolicy, 'graceDays' | 'period'>,
  asOf: IsoDate,
): number {
  const first = addDays(dueDate, policy.graceDays + 1);
  if (asOf < first) return 0;
  switch (policy.period) {
    case 'day':
      return daysBetween(first, asOf) + 1;
    case 'week':
      return Math.floor(daysBetween(first, asOf) / 7) + 1;
    case 'month': {
      const months = monthsBetween(first, asOf);
      return addMonths(first, months) <= asOf ? months + 1 : months;
    }
  }
}

/** One period's penalty: the fixed amount, or the rate on what is overdue, rounded to the minor unit (halves up). */
export function penaltyPerPeriod(charge: LatePenaltyCharge, overdue: number): number {
  requireNonNegativeAmount(overdue, 'overdue');
  if (charge.kind === 'fixed') return charge.amount;
  return toAmount(divRoundHalfUp(BigInt(overdue) * BigInt(charge.basisPoints), 10_000n), 'penalty per period');
}

/**
 * The most the policy may charge on an installment of `scheduled` (principal
 * + interest); null when uncapped. A rate cap rounds down: "at most 10 %"
 * never becomes a franc more than 10 %.
 */
export function penaltyCapFor(cap: LatePenaltyCap | null, scheduled: number): number | null {
  requireNonNegativeAmount(scheduled, 'scheduled');
  if (cap === null) return null;
  if (cap.kind === 'amount') return cap.amount;
  return toAmount((BigInt(scheduled) * BigInt(cap.basisPoints)) / 10_000n, 'penalty cap');
}

/**
 * The periods the policy charges on `asOf` for one installment: those that
 * have started, not before the policy took effect nor before the end of the
 * last period it charged, while the installment is still unpaid, up to the
 * cap. Periods are charged in order; the one that reaches the cap is charged
 * only what is left under it. An installment settled (even late) gets
 * nothing more: a period missed while it was late is not charged afterwards.
 * Deterministic, so running it twice on the same state charges the same
 * periods (the caller keeps each period to one row).
 */
export function policyPenaltiesDue(
  policy: LatePenaltyPolicy,
  installment: PolicyInstallment,
  asOf: IsoDate,
): PolicyPenalty[] {
  validateLatePenaltyPolicy(policy);
  validateInstallment(installment, asOf);
  if (!policy.enabled || policy.effectiveFrom === null || installment.overdue === 0) return [];
  const started = penaltyPeriodsStarted(installment.dueDate, policy, asOf);
  const earliest = maxIsoDate(policy.effectiveFrom, installment.chargedUntil ?? policy.effectiveFrom);
  // Periods that started before `earliest` are out of reach; the next one is the first to charge.
  const first = penaltyPeriodsStarted(installment.dueDate, policy, addDays(earliest, -1)) + 1;
  const cap = penaltyCapFor(policy.cap, installment.scheduled);
  let room = cap === null ? MAX_AMOUNT_MINOR : cap - installment.chargedByPolicy;
  const perPeriod = penaltyPerPeriod(policy.charge, installment.overdue);
  const due: PolicyPenalty[] = [];
  for (let period = first; period <= started && room > 0 && perPeriod > 0; period += 1) {
    const amount = Math.min(perPeriod, room);
    due.push({
      installmentNumber: installment.number,
      period,
      startsOn: penaltyPeriodStart(installment.dueDate, policy, period),
      endsBefore: penaltyPeriodStart(installment.dueDate, policy, period + 1),
      amount,
    });
    room -= amount;
  }
  return due;
}

function requireBasisPoints(value: number, field: string): void {
  requireIntegerInRange(value, 1, MAX_PENALTY_BASIS_POINTS, field, 'invalid_penalty_policy');
}

function validateInstallment(installment: PolicyInstallment, asOf: IsoDate): void {
  assertIsoDate(asOf, 'asOf');
  assertIsoDate(installment.dueDate, 'dueDate');
  if (installment.chargedUntil !== null) assertIsoDate(installment.chargedUntil, 'chargedUntil');
  requireNonNegativeAmount(installment.scheduled, 'scheduled');
  requireNonNegativeAmount(installment.overdue, 'overdue');
  requireNonNegativeAmount(installment.chargedByPolicy, 'chargedByPolicy');
  if (installment.overdue > installment.scheduled) {
    throw new DomainError('invalid_amount', `overdue (${installment.overdue}) exceeds the installment's own amount`);
  }
}
