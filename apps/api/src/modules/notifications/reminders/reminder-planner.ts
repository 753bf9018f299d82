import type { ReminderKind } from '@kotizo/contracts';
import {
  addDays,
  type DuesPlan,
  duePeriods,
  duesStatus,
  type IsoDate,
  loanPosition,
  type LoanPayment,
  maxIsoDate,
  type PenaltyCharge,
  type ScheduledInstallment,
} from '@kotizo/domain';

export interface MemberDues {
  memberId: string;
  joinedOn: IsoDate;
  overrideAmount: number | null;
  contributions: readonly { date: IsoDate; amount: number }[];
}

export interface RunningLoan {
  loanId: string;
  memberId: string;
  schedule: readonly ScheduledInstallment[];
  payments: readonly LoanPayment[];
  penalties: readonly PenaltyCharge[];
}

export interface ReminderInput {
  today: IsoDate;
  /** Remind this many days before a due date (the cooperative's `reminders.daysBefore`). */
  daysBefore: number;
  /** Whether members late on dues or installments are reminded (the cooperative's `reminders.lateReminders`). */
  lateReminders: boolean;
  plan: DuesPlan | null;
  members: readonly MemberDues[];
  loans: readonly RunningLoan[];
}

export interface PlannedReminder {
  kind: ReminderKind;
  memberId: string;
  /** What makes it the same reminder again (a due date, a loan's installment): sent once. */
  ref: string;
  dueOn: IsoDate;
  amount: number;
  loanId: string | null;
  installmentNumber: number | null;
}

/**
 * Which reminders are due today, on the cooperative's own calendar:
 * - a due or an installment falling due within `daysBefore` days (today
 *   included) and not fully paid: "coming", with what is left to pay;
 * - a member late on dues (past the grace days) or on a loan: one "late"
 *   reminder for the most recent late period or installment, with everything
 *   late, so someone behind for months gets one message, not one per month
 *   (unless the cooperative turned late reminders off).
 * Pure: the job stores what it decides, once per `(kind, member, ref)`.
 */
export function planReminders(input: ReminderInput): PlannedReminder[] {
  return [...duesReminders(input), ...loanReminders(input)];
}

function duesReminders({ today, daysBefore, lateReminders, plan, members }: ReminderInput): PlannedReminder[] {
  if (!plan) return [];
  const horizon = addDays(today, daysBefore);
  const out: PlannedReminder[] = [];
  for (const member of members) {
    const from = maxIsoDate(plan.startDate, member.joinedOn);
    if (from > horizon) continue;
    const override = member.overrideAmount === null ? undefined : { amount: member.overrideAmount };
    const periods = duePeriods({ ...plan, startDate: from }, from, horizon, override);
    const status = duesStatus(
      periods,
      member.contributions.filter((c) => c.date <= today),
      today,
      plan.graceDays,
    );
    const late = status.periods.filter((p) => p.status === 'late');
    const lastLate = late[late.length - 1];
    if (lastLate && lateReminders) {
      out.push({
        kind: 'due.late',
        memberId: member.memberId,
        ref: lastLate.dueDate,
        dueOn: lastLate.dueDate,
        amount: status.amountLate,
        loanId: null,
        installmentNumber: null,
      });
    }
    for (const p of status.periods) {
      const left = p.amount - p.paid;
      if (p.status === 'late' || left <= 0 || p.dueDate < today || p.dueDate > horizon) continue;
      out.push({
        kind: 'due.upcoming',
        memberId: member.memberId,
        ref: p.dueDate,
        dueOn: p.dueDate,
        amount: left,
        loanId: null,
        installmentNumber: null,
      });
    }
  }
  return out;
}

function loanReminders({ today, daysBefore, lateReminders, loans }: ReminderInput): PlannedReminder[] {
  const horizon = addDays(today, daysBefore);
  const out: PlannedReminder[] = [];
  for (const loan of loans) {
    if (loan.schedule.length === 0) continue;
    const position = loanPosition(loan.schedule, loan.payments, today, loan.penalties);
    const late = position.installments.filter((i) => i.status === 'late');
    const lastLate = late[late.length - 1];
    if (lastLate && lateReminders) {
      out.push({
        kind: 'installment.late',
        memberId: loan.memberId,
        ref: `${loan.loanId}:${lastLate.number}`,
        dueOn: lastLate.dueDate,
        amount: position.arrears,
        loanId: loan.loanId,
        installmentNumber: lastLate.number,
      });
    }
    for (const i of position.installments) {
      if (i.status === 'late' || i.remaining <= 0 || i.dueDate < today || i.dueDate > horizon) continue;
      out.push({
        kind: 'installment.upcoming',
        memberId: loan.memberId,
        ref: `${loan.loanId}:${i.number}`,
        dueOn: i.dueDate,
        amount: i.remaining,
        loanId: loan.loanId,
        installmentNumber: i.number,
      });
    }
  }
  return out;
}
