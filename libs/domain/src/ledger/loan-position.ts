import { MAX_AMOUNT_MINOR } from '../money.js';
import { DomainError } from './domain-error.js';
import { requireNonNegativeAmount, requirePositiveAmount } from './guards.js';
import { assertIsoDate, daysBetween, type IsoDate } from './iso-date.js';
import { type ScheduledInstallment } from './loan-schedule.js';
import { allocateRepayment, type InstallmentBalance } from './repayment-allocation.js';

export interface LoanPayment {
  readonly date: IsoDate;
  readonly amount: number;
}

/** A penalty the cooperative charged against one installment (its policy decides when and how much). */
export interface PenaltyCharge {
  readonly installmentNumber: number;
  readonly assessedOn: IsoDate;
  readonly amount: number;
}

export const INSTALLMENT_STATUSES = ['paid', 'partial', 'due', 'late', 'upcoming'] as const;
/**
 * paid: principal and interest settled. late: due before asOf and not settled
 * (even if partly paid). partial: partly paid, not yet late. due: falls due on
 * asOf, nothing paid. upcoming: falls due after asOf, nothing paid.
 */
export type InstallmentStatus = (typeof INSTALLMENT_STATUSES)[number];

export interface InstallmentPosition {
  readonly number: number;
  readonly dueDate: IsoDate;
  readonly status: InstallmentStatus;
  readonly principal: number;
  readonly interest: number;
  /** Penalties charged to this installment up to asOf. */
  readonly penalty: number;
  readonly paidPrincipal: number;
  readonly paidInterest: number;
  readonly paidPenalty: number;
  /** Principal, interest and penalty still unpaid. */
  readonly remaining: number;
}

export interface LoanPosition {
  readonly asOf: IsoDate;
  /** Principal not yet repaid, due or not. */
  readonly outstandingPrincipal: number;
  /** Unpaid principal of installments due on or before asOf. */
  readonly principalDue: number;
  /** Unpaid interest of installments due on or before asOf. */
  readonly interestDue: number;
  /** Unpaid penalties charged on or before asOf. */
  readonly penaltiesDue: number;
  /** principalDue + interestDue + penaltiesDue: what the member should have paid by asOf and has not. */
  readonly arrears: number;
  /** Age in days of the oldest installment due and not settled; 0 when none (and on its due date). */
  readonly daysPastDue: number;
  /** Payments beyond everything the loan owed: a credit for the member, never silently kept. */
  readonly unallocated: number;
  readonly installments: readonly InstallmentPosition[];
}

interface Paid {
  penalty: number;
  interest: number;
  principal: number;
}

/**
 * Where a loan stands on `asOf`, replaying its payments in date order through
 * allocateRepayment (oldest installment first; penalty, interest, principal).
 * Payments and penalties dated after asOf are ignored. A penalty charged on the
 * day of a payment is settled by it. Statuses and days past due look at principal
 * and interest only: penalties are reported, but unpaid penalties alone do not
 * make a loan "at risk" in PAR.
 */
export function loanPosition(
  schedule: readonly ScheduledInstallment[],
  payments: readonly LoanPayment[],
  asOf: IsoDate,
  penalties: readonly PenaltyCharge[] = [],
): LoanPosition {
  validate(schedule, payments, asOf, penalties);
  const byDate = <T>(items: readonly T[], date: (item: T) => IsoDate): T[] =>
    items.filter((item) => date(item) <= asOf).sort((a, b) => (date(a) < date(b) ? -1 : date(a) > date(b) ? 1 : 0));
  const charges = byDate(penalties, (c) => c.assessedOn);
  const received = byDate(payments, (p) => p.date);

  let balances: InstallmentBalance[] = schedule.map((i) => ({
    number: i.number,
    dueDate: i.dueDate,
    penalty: 0,
    interest: i.interest,
    principal: i.principal,
  }));
  const charged = new Map<number, number>();
  const paid = new Map<number, Paid>(schedule.map((i) => [i.number, { penalty: 0, interest: 0, principal: 0 }]));
  let chargeIndex = 0;
  const chargeUpTo = (date: IsoDate): void => {
    for (; chargeIndex < charges.length && charges[chargeIndex].assessedOn <= date; chargeIndex += 1) {
      const charge = charges[chargeIndex];
      charged.set(charge.installmentNumber, (charged.get(charge.installmentNumber) ?? 0) + charge.amount);
      balances = balances.map((b) =>
        b.number === charge.installmentNumber ? { ...b, penalty: b.penalty + charge.amount } : b,
      );
    }
  };

  let unallocated = 0;
  for (const payment of received) {
    chargeUpTo(payment.date);
    const result = allocateRepayment(balances, payment.amount, payment.date);
    for (const allocation of result.allocations) {
      const sums = paid.get(allocation.number) as Paid;
      sums.penalty += allocation.penalty;
      sums.interest += allocation.interest;
      sums.principal += allocation.principal;
    }
    balances = [...result.remaining];
    unallocated += result.unallocated;
  }
  chargeUpTo(asOf);

  const installments = schedule.map((i) =>
    installmentPosition(i, charged.get(i.number) ?? 0, paid.get(i.number) as Paid, asOf),
  );
  return summarise(installments, asOf, unallocated);
}

function installmentPosition(
  installment: ScheduledInstallment,
  penalty: number,
  paid: Paid,
  asOf: IsoDate,
): InstallmentPosition {
  const scheduledLeft = installment.principal - paid.principal + installment.interest - paid.interest;
  const status: InstallmentStatus =
    scheduledLeft === 0
      ? 'paid'
      : installment.dueDate < asOf
        ? 'late'
        : paid.principal + paid.interest > 0
          ? 'partial'
          : installment.dueDate === asOf
            ? 'due'
            : 'upcoming';
  return {
    number: installment.number,
    dueDate: installment.dueDate,
    status,
    principal: installment.principal,
    interest: installment.interest,
    penalty,
    paidPrincipal: paid.principal,
    paidInterest: paid.interest,
    paidPenalty: paid.penalty,
    remaining: scheduledLeft + penalty - paid.penalty,
  };
}

function summarise(installments: InstallmentPosition[], asOf: IsoDate, unallocated: number): LoanPosition {
  let outstandingPrincipal = 0;
  let principalDue = 0;
  let interestDue = 0;
  let penaltiesDue = 0;
  let oldestUnsettled: IsoDate | null = null;
  for (const i of installments) {
    const principalLeft = i.principal - i.paidPrincipal;
    outstandingPrincipal += principalLeft;
    penaltiesDue += i.penalty - i.paidPenalty;
    if (i.dueDate > asOf) continue;
    principalDue += principalLeft;
    interestDue += i.interest - i.paidInterest;
    if (i.status !== 'paid' && (oldestUnsettled === null || i.dueDate < oldestUnsettled)) oldestUnsettled = i.dueDate;
  }
  return {
    asOf,
    outstandingPrincipal,
    principalDue,
    interestDue,
    penaltiesDue,
    arrears: principalDue + interestDue + penaltiesDue,
    daysPastDue: oldestUnsettled === null ? 0 : daysBetween(oldestUnsettled, asOf),
    unallocated,
    installments,
  };
}

function validate(
  schedule: readonly ScheduledInstallment[],
  payments: readonly LoanPayment[],
  asOf: IsoDate,
  penalties: readonly PenaltyCharge[],
): void {
  assertIsoDate(asOf, 'asOf');
  const numbers = new Set<number>();
  let owed = 0;
  for (const i of schedule) {
    if (!Number.isSafeInteger(i.number) || i.number < 1 || numbers.has(i.number)) {
      throw new DomainError(
        'invalid_schedule',
        `Installment numbers must be distinct positive integers, got ${i.number}`,
      );
    }
    numbers.add(i.number);
    assertIsoDate(i.dueDate, `installment ${i.number} dueDate`);
    requireNonNegativeAmount(i.principal, `installment ${i.number} principal`);
    requireNonNegativeAmount(i.interest, `installment ${i.number} interest`);
    owed += i.principal + i.interest;
  }
  let received = 0;
  for (const p of payments) {
    assertIsoDate(p.date, 'payment date');
    requirePositiveAmount(p.amount, 'payment amount');
    received += p.amount;
  }
  for (const c of penalties) {
    if (!numbers.has(c.installmentNumber))
      throw new DomainError('unknown_installment', `No installment ${c.installmentNumber} to charge a penalty to`);
    assertIsoDate(c.assessedOn, 'penalty assessedOn');
    requirePositiveAmount(c.amount, 'penalty amount');
    owed += c.amount;
  }
  // Sums of amounts stay exact only below 2^53; the money cap keeps well inside it.
  if (owed > MAX_AMOUNT_MINOR || received > MAX_AMOUNT_MINOR) {
    throw new DomainError('amount_overflow', `A loan's amounts must add up to at most ${MAX_AMOUNT_MINOR} minor units`);
  }
}
