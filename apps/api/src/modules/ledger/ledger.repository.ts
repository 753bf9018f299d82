import { Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { uuid7 } from '../../platform/database/uuid7.js';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { ListTransactionsQuery } from '@kotizo/contracts';
import { CompiledQuery } from 'kysely';
import { bulkInsert } from '../../platform/database/bulk-insert.js';
import { entryHash, type SealedEntry } from './ledger-hash.js';

export interface TransactionRow {
  id: string;
  seq: string;
  kind: string;
  direction: number;
  amount: string;
  currency: string;
  member_id: string | null;
  loan_id: string | null;
  category: string | null;
  channel: string;
  external_ref: string | null;
  memo: string | null;
  occurred_on: string;
  recorded_by: string;
  recorded_at: string;
  reverses_id: string | null;
  reversed_by_id: string | null;
  member_name: string | null;
  reason: string | null;
  prev_hash: string;
  hash: string;
}

export type NewEntry = Omit<SealedEntry, 'seq' | 'id' | 'recordedAt'>;

const INSERT_BATCH = 5_000;

const TRANSACTION_COLUMNS = [
  { name: 'id', type: 'uuid' },
  { name: 'seq', type: 'bigint' },
  { name: 'kind', type: 'text' },
  { name: 'direction', type: 'smallint' },
  { name: 'amount', type: 'bigint' },
  { name: 'currency', type: 'text' },
  { name: 'member_id', type: 'uuid' },
  { name: 'loan_id', type: 'uuid' },
  { name: 'category', type: 'text' },
  { name: 'channel', type: 'text' },
  { name: 'external_ref', type: 'text' },
  { name: 'memo', type: 'text' },
  { name: 'occurred_on', type: 'date' },
  { name: 'recorded_by', type: 'uuid' },
  { name: 'recorded_at', type: 'timestamptz' },
  { name: 'reverses_id', type: 'uuid' },
  { name: 'reason', type: 'text' },
  { name: 'prev_hash', type: 'text' },
  { name: 'hash', type: 'text' },
] as const;

const COLUMNS = `t.id, t.seq, t.kind, t.direction, t.amount, t.currency, t.member_id, t.loan_id, t.category,
  t.channel, t.external_ref, t.memo, to_char(t.occurred_on, 'YYYY-MM-DD') as occurred_on, t.recorded_by,
  t.recorded_at, t.reverses_id, r.id as reversed_by_id, t.reason, t.prev_hash, t.hash, m.full_name as member_name`;
const FROM = `from transactions t left join transactions r on r.reverses_id = t.id
  left join members m on m.id = t.member_id`;

export function sealedFromRow(row: TransactionRow): SealedEntry {
  return {
    seq: Number(row.seq),
    id: row.id,
    kind: row.kind,
    direction: Number(row.direction),
    amount: Number(row.amount),
    currency: row.currency.trim(),
    memberId: row.member_id,
    loanId: row.loan_id,
    category: row.category,
    channel: row.channel,
    externalRef: row.external_ref,
    memo: row.memo,
    occurredOn: row.occurred_on,
    recordedBy: row.recorded_by,
    recordedAt: new Date(row.recorded_at).toISOString(),
    reversesId: row.reverses_id,
    reason: row.reason,
  };
}

/** The append-only journal of one cooperative (the EntityManager is bound to its schema). */
@Injectable()
export class LedgerRepository {
  /**
   * Appends an entry at the head of the hash chain. Locks the head row, so
   * appends of one cooperative are serialised and sequence numbers gapless.
   */
  async append(tx: EntityManager, entry: NewEntry): Promise<TransactionRow> {
    const [id] = await this.appendMany(tx, [entry]);
    return (await this.find(tx, id!))!;
  }

  /** Appends entries in order, chaining each to the previous; one statement per 5,000 rows. */
  async appendMany(tx: EntityManager, entries: readonly NewEntry[]): Promise<string[]> {
    if (entries.length === 0) return [];
    const [head] = await tx.execute<{ seq: string; hash: string; cash: string }[]>(
      'select seq, hash, cash from ledger_head where id = 1 for update',
    );
    let seq = Number(head!.seq);
    let cash = Number(head!.cash);
    let previous = head!.hash;
    const recordedAt = new Date().toISOString();
    const ids: string[] = [];
    for (let start = 0; start < entries.length; start += INSERT_BATCH) {
      const columns: unknown[][] = TRANSACTION_COLUMNS.map(() => []);
      for (const entry of entries.slice(start, start + INSERT_BATCH)) {
        seq += 1;
        cash += entry.direction * entry.amount;
        const sealed: SealedEntry = { ...entry, seq, id: uuid7(), recordedAt };
        const hash = entryHash(previous, sealed);
        const row = [
          sealed.id,
          sealed.seq,
          sealed.kind,
          sealed.direction,
          sealed.amount,
          sealed.currency,
          sealed.memberId,
          sealed.loanId,
          sealed.category,
          sealed.channel,
          sealed.externalRef,
          sealed.memo,
          sealed.occurredOn,
          sealed.recordedBy,
          sealed.recordedAt,
          sealed.reversesId,
          sealed.reason,
          previous,
          hash,
        ];
        row.forEach((value, i) => columns[i]!.push(value));
        previous = hash;
        ids.push(sealed.id);
      }
      await bulkInsert(tx, 'transactions', TRANSACTION_COLUMNS, columns);
    }
    await tx.execute('update ledger_head set seq = ?, hash = ?, cash = ? where id = 1', [seq, previous, cash]);
    return ids;
  }

  /**
   * The bulk path (an import: up to millions of entries): appends entries
   * staged in a table, chained in the order `source.batches()` gives them,
   * one INSERT ... SELECT per batch. Only what the chain adds (ids, hashes)
   * travels with each statement; the rest is read from the staging table,
   * from the same rows whose values were hashed. The next batch is sealed
   * while PostgreSQL writes the previous one, and memory holds a batch or
   * two whatever the count. `batches` is opened once the head is locked:
   * what it reads (the references already in the ledger, say) cannot change
   * until this transaction ends. Returns how many entries were appended.
   */
  async appendStaged(tx: EntityManager, source: StagedEntries): Promise<number> {
    const [head] = await tx.execute<{ seq: string; hash: string; cash: string }[]>(
      'select seq, hash, cash from ledger_head where id = 1 for update',
    );
    let seq = Number(head!.seq);
    let cash = Number(head!.cash);
    let previous = head!.hash;
    const recordedAt = new Date().toISOString();
    let appended = 0;
    let writing: Promise<void> | null = null;
    try {
      for await (const batch of source.batches()) {
        if (batch.length === 0) continue;
        const sealed: SealedBatch = {
          keys: batch.map((b) => b.key),
          ids: randomBytes(16 * batch.length),
          hashes: Buffer.alloc(32 * batch.length),
          firstSeq: seq + 1,
          previous,
        };
        const now = Date.now();
        batch.forEach(({ entry }, i) => {
          seq += 1;
          cash += entry.direction * entry.amount;
          const id = uuid7Into(sealed.ids, i * 16, now);
          const hash = entryHash(previous, { ...entry, seq, id, recordedAt });
          sealed.hashes.write(hash, i * 32, 'hex');
          previous = hash;
        });
        if (writing) await writing;
        writing = insertStaged(tx, source, sealed, recordedAt);
        // Handled here too, so that a failure while the next batch is read is not reported as unhandled.
        writing.catch(() => undefined);
        appended += batch.length;
      }
      if (writing) await writing;
    } catch (error) {
      // A failed write is the cause of what failed after it (the transaction is aborted): report that.
      if (writing) await writing;
      throw error;
    }
    if (appended > 0) {
      await tx.execute('update ledger_head set seq = ?, hash = ?, cash = ? where id = 1', [seq, previous, cash]);
    }
    return appended;
  }

  async find(em: EntityManager, id: string): Promise<TransactionRow | null> {
    const [row] = await em.execute<TransactionRow[]>(`select ${COLUMNS} ${FROM} where t.id = ?`, [id]);
    return row ?? null;
  }

  async list(
    em: EntityManager,
    query: ListTransactionsQuery,
    onlyMemberId?: string,
  ): Promise<{ items: TransactionRow[]; total: number }> {
    const where: string[] = [];
    const params: unknown[] = [];
    const memberId = onlyMemberId ?? query.memberId;
    if (memberId) {
      where.push('t.member_id = ?');
      params.push(memberId);
    }
    if (query.loanId) {
      where.push('t.loan_id = ?');
      params.push(query.loanId);
    }
    if (query.kind) {
      where.push('t.kind = ?');
      params.push(query.kind);
    }
    if (query.from) {
      where.push('t.occurred_on >= ?');
      params.push(query.from);
    }
    if (query.to) {
      where.push('t.occurred_on <= ?');
      params.push(query.to);
    }
    const clause = where.length ? `where ${where.join(' and ')}` : '';
    const items = await em.execute<TransactionRow[]>(
      `select ${COLUMNS} ${FROM} ${clause} order by t.seq desc limit ? offset ?`,
      [...params, query.limit, query.offset],
    );
    const [count] = await em.execute<{ total: string }[]>(
      `select count(*) as total from transactions t ${clause}`,
      params,
    );
    return { items, total: Number(count?.total ?? 0) };
  }

  /** Net amount per kind, a reversal counting against the kind it reverses. */
  async netByKind(em: EntityManager, memberId?: string): Promise<Map<string, number>> {
    const rows = await em.execute<{ kind: string; net: string }[]>(
      `select coalesce(o.kind, t.kind) as kind,
              sum(case when t.kind = 'reversal' then -t.amount else t.amount end) as net
         from transactions t left join transactions o on o.id = t.reverses_id
        ${memberId ? 'where t.member_id = ?' : ''}
        group by 1`,
      memberId ? [memberId] : [],
    );
    return new Map(rows.map((r) => [r.kind, Number(r.net)]));
  }

  /** The cash balance, kept at the head of the chain by every append. */
  async cash(em: EntityManager): Promise<number> {
    const [row] = await em.execute<{ cash: string }[]>('select cash from ledger_head where id = 1');
    return Number(row!.cash);
  }

  /** The cash balance summed from the journal itself: what the kept balance must equal. */
  async cashFromJournal(em: EntityManager): Promise<number> {
    const [row] = await em.execute<{ cash: string | null }[]>(
      'select sum(direction * amount) as cash from transactions',
    );
    return Number(row?.cash ?? 0);
  }

  /** Entries in chain order, a batch at a time (keyset paging). */
  async *chain(em: EntityManager, batch = 5_000): AsyncGenerator<TransactionRow> {
    let after = 0;
    for (;;) {
      const rows = await em.execute<TransactionRow[]>(
        `select ${COLUMNS} ${FROM} where t.seq > ? order by t.seq limit ?`,
        [after, batch],
      );
      for (const row of rows) yield row;
      if (rows.length < batch) return;
      after = Number(rows.at(-1)!.seq);
    }
  }

  async head(em: EntityManager): Promise<{ seq: number; hash: string }> {
    const [row] = await em.execute<{ seq: string; hash: string }[]>('select seq, hash from ledger_head where id = 1');
    return { seq: Number(row!.seq), hash: row!.hash };
  }
}

/**
 * Entries waiting in a staging table, for `appendStaged`.
 *
 * `relation(bind)` is SQL for a relation with a unique bigint-compatible
 * `key` and, named as in `transactions`, every column an entry brings: kind,
 * direction, amount, currency, member_id, loan_id, category, channel,
 * external_ref, memo, occurred_on, recorded_by, reverses_id, reason (`bind`
 * adds a parameter and returns its placeholder). `batches()` gives the same
 * rows' values, in ledger order, each with its key: those values are hashed
 * and the relation's rows inserted, so both must come from the same rows.
 * Each batch reads the relation between its lowest and highest key: keys
 * that grow in ledger order (an import's line numbers) make that a range.
 */
export interface StagedEntries {
  relation(bind: (value: unknown) => string): string;
  batches(): AsyncIterable<readonly { key: number; entry: NewEntry }[]>;
}

interface SealedBatch {
  keys: number[];
  /** 16 bytes of id per entry. */
  ids: Buffer;
  /** 32 bytes of hash per entry. */
  hashes: Buffer;
  firstSeq: number;
  /** The hash the batch's first entry is chained to. */
  previous: string;
}

interface QueryExecutor {
  executeQuery(query: CompiledQuery): Promise<{ numAffectedRows?: bigint }>;
}

/** One batch: the staged rows, in the batch's order, with their sequence numbers, ids and hashes. */
async function insertStaged(
  tx: EntityManager,
  source: StagedEntries,
  batch: SealedBatch,
  recordedAt: string,
): Promise<void> {
  const params: unknown[] = [];
  const bind = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  const [keys, ids, hashes, seq, previous, at, lowest, highest] = [
    batch.keys,
    batch.ids,
    batch.hashes,
    batch.firstSeq - 1,
    batch.previous,
    recordedAt,
    batch.keys.reduce((a, b) => Math.min(a, b)),
    batch.keys.reduce((a, b) => Math.max(a, b)),
  ].map(bind);
  const slice = (bytes: string, size: number, offset: number) =>
    `encode(substring(${bytes}::bytea from (b.n::integer - ${offset}) * ${size} + 1 for ${size}), 'hex')`;
  const sql = `
    insert into transactions (id, seq, kind, direction, amount, currency, member_id, loan_id, category, channel,
                              external_ref, memo, occurred_on, recorded_by, recorded_at, reverses_id, reason,
                              prev_hash, hash)
    select ${slice(ids!, 16, 1)}::uuid, ${seq}::bigint + b.n, e.kind, e.direction, e.amount, e.currency, e.member_id,
           e.loan_id, e.category, e.channel, e.external_ref, e.memo, e.occurred_on, e.recorded_by,
           ${at}::timestamptz, e.reverses_id, e.reason,
           case when b.n = 1 then ${previous}::text else ${slice(hashes!, 32, 2)} end, ${slice(hashes!, 32, 1)}
      from unnest(${keys}::bigint[]) with ordinality as b(key, n)
      join (${source.relation(bind)}) e on e.key = b.key and e.key between ${lowest} and ${highest}
     order by b.n`;
  const executor = tx.getTransactionContext<QueryExecutor>();
  if (!executor) throw new Error('appendStaged needs a transaction');
  const result = await executor.executeQuery(CompiledQuery.raw(sql, params));
  // A key without its row would leave a hole in the chain: refuse the whole batch (and transaction).
  if (Number(result.numAffectedRows ?? -1) !== batch.keys.length)
    throw new Error(`appendStaged: ${result.numAffectedRows} rows inserted for ${batch.keys.length} keys`);
}

/**
 * Writes a UUIDv7 (as `uuid7()` makes it: 48 bits of milliseconds, then
 * random bits) over 16 random bytes of `bytes` at `offset`, and returns it as
 * text. A batch draws its random bytes at once: a draw per id costs more than
 * the rest of sealing an entry.
 */
function uuid7Into(bytes: Buffer, offset: number, now: number): string {
  bytes.writeUIntBE(now, offset, 6);
  bytes[offset + 6] = (bytes[offset + 6]! & 0x0f) | 0x70;
  bytes[offset + 8] = (bytes[offset + 8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex', offset, offset + 16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
