import type { InstallmentView, LoanResponse } from '@kotizo/contracts';
import {
  buildSchedule,
  dateAfterPeriods,
  type IsoDate,
  loanPosition,
  type PenaltyCharge,
  type ScheduledInstallment,
  scheduleTotals,
} from '@kotizo/domain';
import { isoTimestamp } from '../../platform/database/timestamps.js';
import type { InstallmentRow, LoanRow } from './loans.repository.js';

/**
 * Installment n falls n periods after the disbursement, each date counted from
 * the disbursement itself: paid out on Jan 31, a monthly loan is due Feb 28,
 * Mar 31, Apr 30 (not Feb 28, Mar 28, Apr 28).
 */
export function scheduleFor(loan: LoanRow, disbursedOn: IsoDate): ScheduledInstallment[] {
  const schedule = buildSchedule({
    principal: Number(loan.principal),
    annualRateBasisPoints: loan.annual_rate_bp,
    method: loan.method,
    installments: loan.installments,
    frequency: loan.frequency,
    firstDueDate: dateAfterPeriods(disbursedOn, loan.frequency, 1),
  });
  return schedule.map((i) => ({ ...i, dueDate: dateAfterPeriods(disbursedOn, loan.frequency, i.number) }));
}

export function savedSchedule(rows: InstallmentRow[]): ScheduledInstallment[] {
  return rows.map((r) => {
    const principal = Number(r.principal);
    const interest = Number(r.interest);
    return { number: r.number, dueDate: r.due_on, principal, interest, total: principal + interest };
  });
}

/**
 * A loan as the console shows it: before disbursement, a preview schedule as
 * if paid out today; afterwards the fixed schedule with each installment's
 * status and the loan's position in the cooperative's calendar.
 */
export function toLoanResponse(
  loan: LoanRow,
  data: {
    guarantorIds: string[];
    installments: InstallmentRow[];
    repayments: { date: string; amount: number }[];
    penalties: PenaltyCharge[];
    today: IsoDate;
  },
): LoanResponse {
  const fixed = data.installments.length > 0;
  const schedule = fixed ? savedSchedule(data.installments) : scheduleFor(loan, data.today);
  const totals = scheduleTotals(schedule);
  let views: InstallmentView[] = schedule.map((i) => ({
    ...i,
    penalty: 0,
    status: 'planned',
    paid: 0,
    remaining: i.total,
  }));
  let position: LoanResponse['position'] = null;
  if (fixed) {
    const p = loanPosition(schedule, data.repayments, data.today, data.penalties);
    views = p.installments.map((i) => ({
      number: i.number,
      dueDate: i.dueDate,
      principal: i.principal,
      interest: i.interest,
      penalty: i.penalty,
      total: i.principal + i.interest + i.penalty,
      status: i.status,
      paid: i.paidPrincipal + i.paidInterest + i.paidPenalty,
      remaining: i.remaining,
    }));
    const paid = data.repayments.reduce((sum, r) => sum + r.amount, 0);
    position = {
      asOf: p.asOf,
      outstandingPrincipal: p.outstandingPrincipal,
      outstandingTotal: views.reduce((sum, v) => sum + v.remaining, 0),
      arrears: p.arrears,
      daysPastDue: p.daysPastDue,
      penaltiesDue: p.penaltiesDue,
      paid,
    };
  }
  return {
    id: loan.id,
    number: loan.number,
    memberId: loan.member_id,
    memberName: loan.member_name,
    principal: Number(loan.principal),
    currency: loan.currency.trim(),
    annualRateBasisPoints: loan.annual_rate_bp,
    method: loan.method,
    installments: loan.installments,
    frequency: loan.frequency,
    purpose: loan.purpose,
    guarantorIds: data.guarantorIds,
    status: loan.status,
    requestedBy: loan.requested_by,
    requestedAt: isoTimestamp(loan.requested_at),
    decidedBy: loan.decided_by,
    decisionNote: loan.decision_note,
    disbursedOn: loan.disbursed_on,
    writeOffReason: loan.write_off_reason,
    totalInterest: totals.interest,
    position,
    schedule: views,
  };
}
