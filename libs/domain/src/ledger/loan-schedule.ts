import { DomainError } from './domain-error.js';
import { dateAfterPeriods, FREQUENCIES, type Frequency, PERIODS_PER_YEAR } from './frequency.js';
import { requireIntegerInRange, requireOneOf, requirePositiveAmount } from './guards.js';
import { divRoundHalfUp, splitRemainderLast, toAmount } from './integer-math.js';
import { assertIsoDate, type IsoDate } from './iso-date.js';

export const INTEREST_METHODS = ['flat', 'declining'] as const;
export type InterestMethod = (typeof INTEREST_METHODS)[number];

/** Ten years of weekly installments: longer terms are a data-entry mistake. */
export const MAX_INSTALLMENTS = 520;
/**
 * 1000 % a year. Informal lenders do charge 10 % a month (12 000 bp); the cap only
 * catches a rate typed in the wrong unit, it is not a usury rule.
 */
export const MAX_ANNUAL_RATE_BASIS_POINTS = 100_000;
const BASIS_POINTS_PER_UNIT = 10_000n;

export interface LoanTerms {
  /** Amount lent, in minor units (1 = 1 FCFA for XOF). */
  readonly principal: number;
  /**
   * Nominal annual rate in basis points (1 bp = 0.01 %): 12 %/year = 1200. A
   * cooperative quoting "2 % per month" enters 2400. The per-period rate is
   * annual / 52, / 26 or / 12 and is kept as an exact fraction, never rounded.
   */
  readonly annualRateBasisPoints: number;
  /**
   * flat: interest on the original principal for the whole term, spread evenly.
   * declining: equal installments (annuity) whose interest is charged on the
   * balance still owed at the start of each period.
   */
  readonly method: InterestMethod;
  readonly installments: number;
  readonly frequency: Frequency;
  /** Later due dates are 1, 2... weeks, fortnights or months after this one (month end clamped). */
  readonly firstDueDate: IsoDate;
}

export interface ScheduledInstallment {
  /** 1-based, in due-date order. */
  readonly number: number;
  readonly dueDate: IsoDate;
  readonly principal: number;
  readonly interest: number;
  readonly total: number;
}

interface Split {
  principal: bigint;
  interest: bigint;
}

/**
 * The repayment schedule of a loan. Amounts are whole minor units; rounding never
 * loses or creates one: the principals add up to the principal exactly and the
 * interests to the loan's total interest exactly (see flatSplits/decliningSplits
 * for where the odd francs go).
 */
export function buildSchedule(terms: LoanTerms): ScheduledInstallment[] {
  validate(terms);
  const principal = BigInt(terms.principal);
  const rate = BigInt(terms.annualRateBasisPoints);
  // Per-period rate = rate / perPeriodDenominator, exactly.
  const perPeriodDenominator = BigInt(PERIODS_PER_YEAR[terms.frequency]) * BASIS_POINTS_PER_UNIT;
  const splits =
    terms.method === 'flat'
      ? flatSplits(principal, rate, perPeriodDenominator, terms.installments)
      : decliningSplits(principal, rate, perPeriodDenominator, terms.installments);

  const grandTotal = splits.reduce((sum, s) => sum + s.principal + s.interest, 0n);
  toAmount(grandTotal, 'Total repayable');
  return splits.map((split, index) => ({
    number: index + 1,
    dueDate: dateAfterPeriods(terms.firstDueDate, terms.frequency, index),
    principal: toAmount(split.principal, 'Installment principal'),
    interest: toAmount(split.interest, 'Installment interest'),
    total: toAmount(split.principal + split.interest, 'Installment total'),
  }));
}

export interface ScheduleTotals {
  readonly principal: number;
  readonly interest: number;
  readonly total: number;
}

export function scheduleTotals(schedule: readonly ScheduledInstallment[]): ScheduleTotals {
  let principal = 0;
  let interest = 0;
  for (const installment of schedule) {
    principal += installment.principal;
    interest += installment.interest;
  }
  return { principal, interest, total: principal + interest };
}

/**
 * Flat: total interest = principal x periodic rate x number of periods, rounded
 * half up once for the whole loan. Principal and interest are each split evenly;
 * the remainder of each division goes on the last installment.
 */
function flatSplits(principal: bigint, rate: bigint, denominator: bigint, count: number): Split[] {
  const totalInterest = divRoundHalfUp(principal * rate * BigInt(count), denominator);
  const principals = splitRemainderLast(principal, count);
  const interests = splitRemainderLast(totalInterest, count);
  return principals.map((p, i) => ({ principal: p, interest: interests[i] ?? 0n }));
}

/**
 * Declining balance, annuity style, as a treasurer does it with a calculator: the
 * installment A = P.r / (1 - (1 + r)^-n) is computed exactly then rounded half up
 * once; each period's interest is the balance x r rounded half up, and the
 * principal is A minus that interest. The last installment repays whatever
 * balance is left, so it absorbs the accumulated rounding (a few francs either
 * way on ordinary loans). With a 0 % rate the principal is split evenly.
 */
function decliningSplits(principal: bigint, rate: bigint, denominator: bigint, count: number): Split[] {
  if (rate === 0n) return splitRemainderLast(principal, count).map((p) => ({ principal: p, interest: 0n }));
  // With r = rate / denominator: A = P.rate.(rate + d)^n / (d.((rate + d)^n - d^n)).
  const growth = (rate + denominator) ** BigInt(count);
  const payment = divRoundHalfUp(principal * rate * growth, denominator * (growth - denominator ** BigInt(count)));

  const splits: Split[] = [];
  let balance = principal;
  for (let k = 1; k <= count; k += 1) {
    const interest = divRoundHalfUp(balance * rate, denominator);
    // A >= the first period's interest (rounding is monotonic and A > P.r), so the
    // floor at 0 never binds in practice; the cap at the balance can, on tiny loans.
    const part = k === count ? balance : min(balance, max(payment - interest, 0n));
    splits.push({ principal: part, interest });
    balance -= part;
  }
  return splits;
}

function validate(terms: LoanTerms): void {
  requirePositiveAmount(terms.principal, 'principal');
  requireIntegerInRange(
    terms.annualRateBasisPoints,
    0,
    MAX_ANNUAL_RATE_BASIS_POINTS,
    'annualRateBasisPoints',
    'invalid_rate',
  );
  requireIntegerInRange(terms.installments, 1, MAX_INSTALLMENTS, 'installments', 'invalid_installment_count');
  requireOneOf(terms.method, INTEREST_METHODS, 'method', 'invalid_method');
  requireOneOf(terms.frequency, FREQUENCIES, 'frequency', 'invalid_frequency');
  assertIsoDate(terms.firstDueDate, 'firstDueDate');
  // The last due date must be representable too (year 9999 at most).
  try {
    dateAfterPeriods(terms.firstDueDate, terms.frequency, terms.installments - 1);
  } catch (error) {
    if (error instanceof DomainError) throw new DomainError('invalid_date', 'The schedule would end after year 9999');
    throw error;
  }
}

function min(a: bigint, b: bigint): bigint {
  return a < b ? a : b;
}

function max(a: bigint, b: bigint): bigint {
  return a > b ? a : b;
}
