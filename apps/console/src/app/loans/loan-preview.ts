import {
  type Frequency,
  type InterestMethod,
  type IsoDate,
  type ScheduleTotals,
  type ScheduledInstallment,
  addDays,
  addMonths,
  buildSchedule,
  scheduleTotals,
} from '@kotizo/domain';

export interface LoanTermsInput {
  principal: number;
  annualRateBasisPoints: number;
  method: InterestMethod;
  installments: number;
  frequency: Frequency;
}

export interface LoanPreview {
  schedule: ScheduledInstallment[];
  totals: ScheduleTotals;
}

/** The first installment falls one period after the disbursement (as the API fixes it). */
export function firstDueDate(disbursedOn: IsoDate, frequency: Frequency): IsoDate {
  switch (frequency) {
    case 'weekly':
      return addDays(disbursedOn, 7);
    case 'biweekly':
      return addDays(disbursedOn, 14);
    case 'monthly':
      return addMonths(disbursedOn, 1);
  }
}

/**
 * The schedule a loan would have if paid out today, computed in the browser with the same
 * domain rules the API uses (libs/domain buildSchedule), so the treasurer sees it before
 * sending the request: the API only returns its preview once the request is recorded.
 * Null when the terms are not a valid loan.
 */
export function previewSchedule(terms: LoanTermsInput, today: IsoDate): LoanPreview | null {
  try {
    const schedule = buildSchedule({ ...terms, firstDueDate: firstDueDate(today, terms.frequency) });
    return { schedule, totals: scheduleTotals(schedule) };
  } catch {
    return null;
  }
}
