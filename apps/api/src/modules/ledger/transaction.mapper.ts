import type { TransactionResponse } from '@kotizo/contracts';
import { isoTimestamp } from '../../platform/database/timestamps.js';
import type { TransactionRow } from './ledger.repository.js';

export function toTransactionResponse(row: TransactionRow): TransactionResponse {
  return {
    id: row.id,
    seq: Number(row.seq),
    kind: row.kind,
    direction: Number(row.direction) === -1 ? -1 : 1,
    amount: Number(row.amount),
    currency: row.currency.trim(),
    memberId: row.member_id,
    memberName: row.member_name,
    loanId: row.loan_id,
    category: row.category,
    channel: row.channel,
    externalRef: row.external_ref,
    memo: row.memo,
    occurredOn: row.occurred_on,
    recordedBy: row.recorded_by,
    recordedAt: isoTimestamp(row.recorded_at),
    reversesId: row.reverses_id,
    reversedById: row.reversed_by_id,
    reason: row.reason,
    hash: row.hash,
  };
}
