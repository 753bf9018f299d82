import { z } from 'zod';
import {
  FREQUENCIES,
  MAX_ANNUAL_RATE_BASIS_POINTS,
  MAX_GRACE_DAYS,
  MAX_INSTALLMENTS,
  MAX_PENALTY_BASIS_POINTS,
  PENALTY_PERIODS,
} from '@kotizo/domain';
import { amountField, CHANNELS } from './ledger.js';
import { isoDateField } from './members.js';
import { pageQuery } from './queries.js';

const memberRef = z.uuid({ message: 'must be a member id' });

export const requestLoanRequest = z
  .strictObject({
    memberId: memberRef,
    principal: amountField,
    /** Nominal yearly rate in basis points: 12 % a year is 1200; 2 % a month is 2400. */
    annualRateBasisPoints: z
      .number({ message: 'must be a number' })
      .int('must be a whole number of basis points')
      .min(0, 'cannot be negative')
      .max(MAX_ANNUAL_RATE_BASIS_POINTS, `must be at most ${MAX_ANNUAL_RATE_BASIS_POINTS}`),
    method: z.enum(['flat', 'declining']),
    installments: z.number({ message: 'must be a number' }).int().min(1).max(MAX_INSTALLMENTS),
    frequency: z.enum(FREQUENCIES),
    purpose: z.string().trim().min(3, 'say what the loan is for').max(300),
    guarantorIds: z.array(memberRef).max(5).default([]),
  })
  .refine((v) => !v.guarantorIds.includes(v.memberId), {
    message: 'the borrower cannot guarantee their own loan',
    path: ['guarantorIds'],
  })
  .refine((v) => new Set(v.guarantorIds).size === v.guarantorIds.length, {
    message: 'a guarantor is listed twice',
    path: ['guarantorIds'],
  });
export type RequestLoanRequest = z.input<typeof requestLoanRequest>;
export type RequestLoanCommand = z.output<typeof requestLoanRequest>;

export const loanDecisionRequest = z.strictObject({
  decision: z.enum(['approve', 'reject']),
  note: z.string().trim().max(500).optional(),
});
export type LoanDecisionRequest = z.infer<typeof loanDecisionRequest>;

export const disburseLoanRequest = z.strictObject({
  channel: z.enum(CHANNELS),
  externalRef: z.string().trim().min(1).max(80).optional(),
  occurredOn: isoDateField.optional(),
});
export type DisburseLoanRequest = z.infer<typeof disburseLoanRequest>;

export const repayLoanRequest = z.strictObject({
  amount: amountField,
  channel: z.enum(CHANNELS),
  externalRef: z.string().trim().min(1).max(80).optional(),
  occurredOn: isoDateField.optional(),
});
export type RepayLoanRequest = z.infer<typeof repayLoanRequest>;

export const assessPenaltyRequest = z.strictObject({
  installmentNumber: z.number({ message: 'must be a number' }).int().min(1),
  amount: amountField,
  reason: z.string().trim().min(3, 'give a reason (3 characters or more)').max(300),
});
export type AssessPenaltyRequest = z.infer<typeof assessPenaltyRequest>;

const penaltyBasisPoints = z
  .number({ message: 'must be a number' })
  .int('must be a whole number of basis points')
  .min(1, 'must be at least 1 basis point')
  .max(MAX_PENALTY_BASIS_POINTS, `must be at most ${MAX_PENALTY_BASIS_POINTS} (100 %)`);

/**
 * The automatic penalty on late installments (cooperative setting): per
 * period late once the grace days are over, a fixed amount or basis points of
 * what is overdue on the installment, up to a cap per installment.
 */
export const penaltyPolicyRequest = z.strictObject({
  enabled: z.boolean(),
  charge: z.discriminatedUnion(
    'kind',
    [
      z.strictObject({ kind: z.literal('fixed'), amount: amountField }),
      z.strictObject({ kind: z.literal('rate'), basisPoints: penaltyBasisPoints }),
    ],
    { message: 'must be fixed or rate' },
  ),
  period: z.enum(PENALTY_PERIODS, { message: 'must be day, week or month' }),
  graceDays: z
    .number({ message: 'must be a number' })
    .int('must be a whole number of days')
    .min(0, 'cannot be negative')
    .max(MAX_GRACE_DAYS, `must be at most ${MAX_GRACE_DAYS}`),
  /** The most charged on one installment; null: no cap. */
  cap: z
    .discriminatedUnion(
      'kind',
      [
        z.strictObject({ kind: z.literal('amount'), amount: amountField }),
        z.strictObject({ kind: z.literal('rate'), basisPoints: penaltyBasisPoints }),
      ],
      { message: 'must be amount or rate' },
    )
    .nullable(),
});
export type PenaltyPolicyRequest = z.infer<typeof penaltyPolicyRequest>;

export interface PenaltyPolicyResponse extends PenaltyPolicyRequest {
  currency: string;
  /** The day the policy as it stands took effect: periods that started before are never charged. */
  effectiveFrom: string | null;
}

export const writeOffLoanRequest = z.strictObject({
  reason: z.string().trim().min(3, 'give a reason (3 characters or more)').max(500),
});
export type WriteOffLoanRequest = z.infer<typeof writeOffLoanRequest>;

export const LOAN_STATUSES = ['requested', 'approved', 'rejected', 'disbursed', 'closed', 'written_off'] as const;

export const listLoansQuery = pageQuery.extend({
  status: z.enum(LOAN_STATUSES).optional(),
  memberId: z.uuid().optional(),
});
export type ListLoansQuery = z.output<typeof listLoansQuery>;

export interface InstallmentView {
  number: number;
  dueDate: string;
  principal: number;
  interest: number;
  /** Penalties charged on this installment. */
  penalty: number;
  total: number;
  status: string;
  paid: number;
  remaining: number;
}

export interface LoanResponse {
  id: string;
  number: number;
  memberId: string;
  memberName: string;
  principal: number;
  currency: string;
  annualRateBasisPoints: number;
  method: string;
  installments: number;
  frequency: string;
  purpose: string;
  guarantorIds: string[];
  status: string;
  requestedBy: string;
  requestedAt: string;
  decidedBy: string | null;
  decisionNote: string | null;
  disbursedOn: string | null;
  writeOffReason: string | null;
  /** Totals of the schedule (a preview until disbursement fixes the dates). */
  totalInterest: number;
  /** Where the loan stands today, in the cooperative's calendar; null before disbursement. */
  position: {
    asOf: string;
    outstandingPrincipal: number;
    outstandingTotal: number;
    arrears: number;
    daysPastDue: number;
    penaltiesDue: number;
    paid: number;
  } | null;
  schedule: InstallmentView[];
}

export interface RepaymentResponse {
  transactionId: string;
  allocation: { number: number; penalty: number; interest: number; principal: number }[];
  loan: LoanResponse;
}

export interface PortfolioResponse {
  currency: string;
  outstanding: number;
  atRisk30: number;
  par30BasisPoints: number;
  activeLoans: number;
  lateLoans: number;
}
