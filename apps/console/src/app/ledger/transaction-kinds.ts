import type { CHANNELS, EXPENSE_CATEGORIES, RECORDABLE_KINDS, TRANSACTION_KINDS } from '@kotizo/contracts';

// Types only from the contracts (their values would pull zod into the bundle); the records
// below must name every value of each contract type, so the lists cannot drift from the API.
export type Channel = (typeof CHANNELS)[number];
export type TransactionKind = (typeof TRANSACTION_KINDS)[number];
export type RecordableKind = (typeof RECORDABLE_KINDS)[number];
export type ExpenseCategory = (typeof EXPENSE_CATEGORIES)[number];

const channels: Record<Channel, true> = { cash: true, mobile_money: true, bank: true };
const recordable: Record<RecordableKind, true> = {
  contribution: true,
  penalty: true,
  expense: true,
  income: true,
  adjustment: true,
};
const kinds: Record<TransactionKind, true> = {
  contribution: true,
  repayment: true,
  penalty: true,
  income: true,
  expense: true,
  loan_disbursement: true,
  adjustment: true,
  reversal: true,
};
const categories: Record<ExpenseCategory, true> = {
  transport: true,
  supplies: true,
  rent: true,
  fees: true,
  social: true,
  bank_charges: true,
  other: true,
};

export const CHANNEL_VALUES = Object.keys(channels) as Channel[];
/** In the order a treasurer meets them: contributions first. */
export const RECORDABLE_KIND_VALUES = Object.keys(recordable) as RecordableKind[];
export const TRANSACTION_KIND_VALUES = Object.keys(kinds) as TransactionKind[];
export const EXPENSE_CATEGORY_VALUES = Object.keys(categories) as ExpenseCategory[];

export function isRecordableKind(value: string | null | undefined): value is RecordableKind {
  return RECORDABLE_KIND_VALUES.includes(value as RecordableKind);
}

/** Contributions and penalties are always a member's; an adjustment may name one. */
export function memberRule(kind: RecordableKind): 'required' | 'optional' | 'none' {
  switch (kind) {
    case 'contribution':
    case 'penalty':
      return 'required';
    case 'adjustment':
      return 'optional';
    case 'expense':
    case 'income':
      return 'none';
  }
}
