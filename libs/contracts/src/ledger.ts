import { z } from 'zod';
import { MAX_AMOUNT_MINOR } from '@kotizo/domain';
import { isoDateField } from './members.js';
import { pageQuery } from './queries.js';

/**
 * An amount in the currency's minor unit: a JSON number that is a positive
 * safe integer. Strings, fractions, zero, negatives and anything beyond the
 * maximum are refused (a JSON number past 2^53 arrives already rounded).
 */
export const amountField = z
  .number({ message: 'must be a number' })
  .refine(Number.isSafeInteger, 'must be a whole number of the currency’s smallest unit')
  .refine((v) => v > 0, 'must be more than zero')
  .refine((v) => v <= MAX_AMOUNT_MINOR, `must be at most ${MAX_AMOUNT_MINOR}`);

export const CHANNELS = ['cash', 'mobile_money', 'bank'] as const;
export const RECORDABLE_KINDS = ['contribution', 'expense', 'income', 'penalty', 'adjustment'] as const;
export const TRANSACTION_KINDS = [
  'contribution',
  'loan_disbursement',
  'repayment',
  'penalty',
  'expense',
  'income',
  'adjustment',
  'reversal',
] as const;
export const EXPENSE_CATEGORIES = ['transport', 'supplies', 'rent', 'fees', 'social', 'bank_charges', 'other'] as const;

const common = {
  amount: amountField,
  channel: z.enum(CHANNELS),
  externalRef: z.string().trim().min(1).max(80).optional(),
  memo: z.string().trim().max(500).optional(),
  occurredOn: isoDateField.optional(),
};
const memberId = z.uuid({ message: 'must be a member id' });

/** One movement of money; the fields that apply depend on its kind. */
export const recordTransactionRequest = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({ kind: z.literal('contribution'), memberId, ...common }),
    z.strictObject({ kind: z.literal('penalty'), memberId, ...common }),
    z.strictObject({
      kind: z.literal('expense'),
      category: z.enum(EXPENSE_CATEGORIES),
      memberId: memberId.optional(),
      ...common,
    }),
    z.strictObject({ kind: z.literal('income'), memberId: memberId.optional(), ...common }),
    z.strictObject({
      kind: z.literal('adjustment'),
      direction: z.enum(['in', 'out']),
      memberId: memberId.optional(),
      ...common,
      memo: z.string().trim().min(3, 'explain the adjustment').max(500),
    }),
  ],
  { message: `kind must be one of ${RECORDABLE_KINDS.join(', ')}` },
);
export type RecordTransactionRequest = z.infer<typeof recordTransactionRequest>;

export const reverseTransactionRequest = z.strictObject({
  reason: z.string().trim().min(3, 'give a reason (3 characters or more)').max(500),
});
export type ReverseTransactionRequest = z.infer<typeof reverseTransactionRequest>;

export const listTransactionsQuery = pageQuery.extend({
  kind: z.enum(TRANSACTION_KINDS).optional(),
  memberId: z.uuid().optional(),
  loanId: z.uuid().optional(),
  from: isoDateField.optional(),
  to: isoDateField.optional(),
});
export type ListTransactionsQuery = z.output<typeof listTransactionsQuery>;

export interface TransactionResponse {
  id: string;
  seq: number;
  kind: string;
  /** +1 money in, -1 money out of the cooperative's cash. */
  direction: 1 | -1;
  amount: number;
  currency: string;
  memberId: string | null;
  memberName: string | null;
  loanId: string | null;
  category: string | null;
  channel: string;
  externalRef: string | null;
  memo: string | null;
  occurredOn: string;
  recordedBy: string;
  recordedAt: string;
  reversesId: string | null;
  reversedById: string | null;
  reason: string | null;
  hash: string;
}

export interface LedgerVerification {
  ok: boolean;
  checked: number;
  /** The first entry whose hash does not match what its content and predecessor give. */
  firstBroken: { seq: number; id: string | null; expected: string; actual: string } | null;
}

export interface BalancesResponse {
  currency: string;
  cash: number;
  contributions: number;
  expenses: number;
  income: number;
  penalties: number;
}

export interface MemberSummaryResponse {
  memberId: string;
  currency: string;
  savings: number;
  penalties: number;
}
