import { createHash } from 'node:crypto';

export const GENESIS_HASH = '0'.repeat(64);

/** The fields of an entry that its hash seals, in a fixed order. */
export interface SealedEntry {
  seq: number;
  id: string;
  kind: string;
  direction: number;
  amount: number;
  currency: string;
  memberId: string | null;
  loanId: string | null;
  category: string | null;
  channel: string;
  externalRef: string | null;
  memo: string | null;
  occurredOn: string;
  recordedBy: string;
  recordedAt: string;
  reversesId: string | null;
  reason: string | null;
}

/**
 * hash(n) = SHA-256(hash(n-1) + "\n" + JSON of entry n's fields). Changing,
 * removing or reordering any entry breaks every hash after it.
 */
export function entryHash(previousHash: string, entry: SealedEntry): string {
  const fields = [
    entry.seq,
    entry.id,
    entry.kind,
    entry.direction,
    entry.amount,
    entry.currency,
    entry.memberId,
    entry.loanId,
    entry.category,
    entry.channel,
    entry.externalRef,
    entry.memo,
    entry.occurredOn,
    entry.recordedBy,
    entry.recordedAt,
    entry.reversesId,
    entry.reason,
  ];
  return createHash('sha256')
    .update(`${previousHash}\n${JSON.stringify(fields)}`)
    .digest('hex');
}
