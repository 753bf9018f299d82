import { z } from 'zod';
import { FREQUENCIES, MAX_GRACE_DAYS } from '@kotizo/domain';
import { amountField } from './ledger.js';
import { isoDateField } from './members.js';

export const contributionPlanRequest = z
  .strictObject({
    amount: amountField,
    frequency: z.enum(FREQUENCIES),
    /** Weekly or biweekly: ISO weekday (1 = Monday). Monthly: day of the month, clamped to its end. */
    dueDay: z.number({ message: 'must be a number' }).int().min(1).max(31),
    startDate: isoDateField,
    graceDays: z.number({ message: 'must be a number' }).int().min(0).max(MAX_GRACE_DAYS),
  })
  .refine((p) => p.frequency === 'monthly' || p.dueDay <= 7, {
    message: 'must be a weekday from 1 (Monday) to 7 (Sunday) for a weekly or biweekly plan',
    path: ['dueDay'],
  });
export type ContributionPlanRequest = z.infer<typeof contributionPlanRequest>;

export const contributionOverrideRequest = z.strictObject({
  /** The member's own amount per period; null returns them to the plan's amount. */
  amount: amountField.nullable(),
});
export type ContributionOverrideRequest = z.infer<typeof contributionOverrideRequest>;

export interface ContributionPlanResponse extends ContributionPlanRequest {
  currency: string;
}

export interface DuePeriodView {
  periodStart: string;
  dueDate: string;
  amount: number;
  status: string;
  paid: number;
  settledOn: string | null;
}

export interface MemberDuesResponse {
  memberId: string;
  currency: string;
  asOf: string;
  /** The member's own amount when it differs from the plan. */
  overrideAmount: number | null;
  periods: DuePeriodView[];
  amountDue: number;
  amountLate: number;
  unallocated: number;
}

export interface DuesOverviewResponse {
  currency: string;
  asOf: string;
  members: {
    memberId: string;
    number: number;
    fullName: string;
    amountDue: number;
    amountLate: number;
    latePeriods: number;
  }[];
}
