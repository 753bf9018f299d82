import type { MemberResponse, RecordTransactionRequest } from '@kotizo/contracts';
import { parseAmount } from '../core/money/parse-amount';
import type { Channel, ExpenseCategory, RecordableKind } from './transaction-kinds';

/** The record form as typed. */
export interface RecordFormValue {
  member: MemberResponse | null;
  amount: string;
  category: ExpenseCategory | '';
  direction: 'in' | 'out';
  channel: Channel;
  occurredOn: string;
  externalRef: string;
  memo: string;
}

/**
 * The request for a movement of `kind`, from a valid form: the amount in minor units, empty
 * optional fields left out, and only the fields that kind takes (the API refuses others).
 * Null when the form does not hold what the kind needs.
 */
export function recordRequest(
  kind: RecordableKind,
  form: RecordFormValue,
  currency: string,
  today: string,
): RecordTransactionRequest | null {
  const parsed = parseAmount(form.amount, currency);
  if (!parsed.ok) return null;
  const externalRef = form.externalRef.trim();
  const memo = form.memo.trim();
  const common = {
    amount: parsed.minor,
    channel: form.channel,
    ...(externalRef ? { externalRef } : {}),
    ...(memo ? { memo } : {}),
    // Today is the API's default: sending it would only risk a clock mismatch at midnight.
    ...(form.occurredOn && form.occurredOn !== today ? { occurredOn: form.occurredOn } : {}),
  };
  const memberId = form.member?.id;
  switch (kind) {
    case 'contribution':
    case 'penalty':
      return memberId ? { kind, memberId, ...common } : null;
    case 'expense':
      return form.category ? { kind, category: form.category, ...common } : null;
    case 'income':
      return { kind, ...common };
    case 'adjustment':
      return memo ? { kind, direction: form.direction, ...(memberId ? { memberId } : {}), ...common, memo } : null;
  }
}
