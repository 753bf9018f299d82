import { Injectable } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { NewEntry } from '../ledger/ledger.repository.js';
import { CompiledQuery } from 'kysely';
import type { CsvRecord } from './csv-file.js';
import type { ImportedRow } from './row-reader.js';

interface QueryExecutor {
  executeQuery(query: CompiledQuery): Promise<{ rows: unknown[] }>;
}

/** What a fresh entry's row brings that is not the same for the whole import (see `ledgerEntry`). */
interface FreshRow {
  key: number;
  kind: string;
  amount: string;
  member_id: string | null;
  category: string | null;
  channel: string;
  external_ref: string | null;
  memo: string | null;
  occurred_on: string;
}

/** Who records an import's entries, in which currency. */
export interface Recording {
  importId: string;
  currency: string;
  recordedBy: string;
}

export interface RepeatedReference {
  line: number;
  first: number;
}

export interface KindTotal {
  kind: string;
  fresh: number;
  amount: number;
  duplicates: number;
}

/** How many stored record groups one read brings back (a thousand records each). */
const GROUPS_PER_READ = 5;
const FRESH_CURSOR = 'import_fresh_entries';

/**
 * The staging tables of imports (migration 20261207000000): the records of
 * uploaded files, and the entries a mapping read from them. Queries go
 * through the transaction's own connection with bound parameters (MikroORM's
 * `execute` would inline a 60 kB group of records into the SQL text).
 */
@Injectable()
export class ImportStagingRepository {
  /** Keeps records of an upload, a group in one row. */
  async storeRecords(tx: EntityManager, importId: string, records: readonly CsvRecord[]): Promise<void> {
    const json = JSON.stringify(records.map((r) => [r.line, ...r.values]));
    await run(tx, 'insert into import_records (import_id, first_line, records) values ($1, $2, $3)', [
      importId,
      records[0]!.line,
      json,
    ]);
  }

  async hasRecords(tx: EntityManager, importId: string): Promise<boolean> {
    const rows = await run(tx, 'select 1 from import_records where import_id = $1 limit 1', [importId]);
    return rows.length > 0;
  }

  /** The stored records in file order, a few thousand at a time; the next read is already on its way. */
  async *records(tx: EntityManager, importId: string): AsyncGenerator<CsvRecord[]> {
    const read = (after: number) =>
      run<{ first_line: number; records: string }>(
        tx,
        `select first_line, records from import_records
          where import_id = $1 and first_line > $2 order by first_line limit ${GROUPS_PER_READ}`,
        [importId, after],
      );
    let next = read(0);
    for (;;) {
      const groups = await next;
      if (groups.length === 0) return;
      next = read(groups.at(-1)!.first_line);
      // Read ahead: if the caller stops early, this read's failure is nobody's to report.
      next.catch(() => undefined);
      const records: CsvRecord[] = [];
      for (const group of groups) {
        for (const [line, ...values] of JSON.parse(group.records) as [number, ...string[]][]) {
          records.push({ line, values });
        }
      }
      yield records;
    }
  }

  async clearEntries(tx: EntityManager, importId: string): Promise<void> {
    await run(tx, 'delete from import_entries where import_id = $1', [importId]);
  }

  async insertEntries(tx: EntityManager, importId: string, rows: readonly ImportedRow[]): Promise<void> {
    await run(
      tx,
      `insert into import_entries (import_id, line, kind, amount, member_id, category, channel, reference, memo, occurred_on)
       select $1, * from unnest($2::integer[], $3::text[], $4::bigint[], $5::uuid[], $6::text[], $7::text[],
                                $8::text[], $9::text[], $10::date[])`,
      [
        importId,
        rows.map((r) => r.line),
        rows.map((r) => r.kind),
        rows.map((r) => r.amount),
        rows.map((r) => r.memberId),
        rows.map((r) => r.category),
        rows.map((r) => r.channel),
        rows.map((r) => r.reference),
        rows.map((r) => r.memo),
        rows.map((r) => r.occurredOn),
      ],
    );
  }

  /**
   * Entries whose reference an earlier entry of the same file already has:
   * the first `limit` of them in file order, and how many there are.
   */
  async repeatedReferences(
    tx: EntityManager,
    importId: string,
    limit: number,
  ): Promise<{ rows: RepeatedReference[]; total: number }> {
    const rows = await run<{ line: number; first: number; total: string }>(
      tx,
      `select line, first, count(*) over () as total
         from (select line, min(line) over (partition by reference) as first
                 from import_entries where import_id = $1 and reference is not null) e
        where line > first
        order by line
        limit $2`,
      [importId, limit],
    );
    return { rows: rows.map((r) => ({ line: r.line, first: r.first })), total: Number(rows[0]?.total ?? 0) };
  }

  /**
   * Per kind: entries new to the ledger (count and amount) and entries whose
   * reference it already holds. A file already committed whole holds nothing
   * new. With `skipRepeated`, entries repeating a reference of the file are
   * left out of both (they are rejected).
   */
  async totals(
    tx: EntityManager,
    importId: string,
    wholeFileImported: boolean,
    skipRepeated: boolean,
  ): Promise<KindTotal[]> {
    const entries = skipRepeated
      ? `(select * from (select e.*, case when reference is null then line
                                           else min(line) over (partition by reference) end as first
                           from import_entries e where import_id = $1) r where line = first)`
      : `(select * from import_entries where import_id = $1)`;
    const rows = await run<{ kind: string; fresh: string; amount: string | null; duplicates: string }>(
      tx,
      `select kind, count(*) filter (where not known) as fresh, sum(amount) filter (where not known) as amount,
              count(*) filter (where known) as duplicates
         from (select e.kind, e.amount,
                      $2::boolean or exists (select 1 from transactions t where t.external_ref = e.reference) as known
                 from ${entries} e) x
        group by kind
        order by kind`,
      [importId, wholeFileImported],
    );
    return rows.map((r) => ({
      kind: r.kind,
      fresh: Number(r.fresh),
      amount: Number(r.amount ?? 0),
      duplicates: Number(r.duplicates),
    }));
  }

  /**
   * The staged entries as ledger entries, in SQL: the relation
   * `LedgerRepository.appendStaged` inserts from (keyed by line). Its twin in
   * code is `ledgerEntry`, which gives the values that are hashed: the two
   * must say the same.
   */
  forLedger(recording: Recording, bind: (value: unknown) => string): string {
    return `select line as key, kind, (case when kind = 'expense' then -1 else 1 end)::smallint as direction, amount,
                   ${bind(recording.currency)}::text as currency, member_id, null::uuid as loan_id, category, channel,
                   reference as external_ref, memo, occurred_on, ${bind(recording.recordedBy)}::uuid as recorded_by,
                   null::uuid as reverses_id, null::text as reason
              from import_entries where import_id = ${bind(recording.importId)}`;
  }

  /** A fresh row (`nextFresh`) as the ledger entry `forLedger` makes of it. */
  ledgerEntry(recording: Recording, row: FreshRow): { key: number; entry: NewEntry } {
    return {
      key: row.key,
      entry: {
        kind: row.kind,
        direction: row.kind === 'expense' ? -1 : 1,
        amount: Number(row.amount),
        currency: recording.currency,
        memberId: row.member_id,
        loanId: null,
        category: row.category,
        channel: row.channel,
        externalRef: row.external_ref,
        memo: row.memo,
        occurredOn: row.occurred_on,
        recordedBy: recording.recordedBy,
        reversesId: null,
        reason: null,
      },
    };
  }

  /**
   * Opens, in this transaction, the staged entries whose reference the ledger
   * does not hold yet, in file order; read them with `nextFresh`.
   */
  async openFresh(tx: EntityManager, recording: Recording): Promise<void> {
    const params: unknown[] = [];
    const relation = this.forLedger(recording, (value) => {
      params.push(value);
      return `$${params.length}`;
    });
    await run(
      tx,
      `declare ${FRESH_CURSOR} no scroll cursor for
       select key, kind, amount, member_id, category, channel, external_ref, memo,
              to_char(occurred_on, 'YYYY-MM-DD') as occurred_on
         from (${relation}) e
        where not exists (select 1 from transactions t where t.external_ref = e.external_ref)
        order by key`,
      params,
    );
  }

  /** The next `count` fresh entries of the cursor, as ledger entries. */
  async nextFresh(tx: EntityManager, recording: Recording, count: number): Promise<{ key: number; entry: NewEntry }[]> {
    const rows = await run<FreshRow>(tx, `fetch forward ${Math.trunc(count)} from ${FRESH_CURSOR}`);
    return rows.map((row) => this.ledgerEntry(recording, row));
  }

  async closeFresh(tx: EntityManager): Promise<void> {
    await run(tx, `close ${FRESH_CURSOR}`);
  }

  /** Forgets the file and its entries (once committed: the ledger holds what mattered). */
  async discard(tx: EntityManager, importId: string): Promise<void> {
    await run(tx, 'delete from import_entries where import_id = $1', [importId]);
    await run(tx, 'delete from import_records where import_id = $1', [importId]);
  }
}

async function run<R = unknown>(tx: EntityManager, sql: string, params: readonly unknown[] = []): Promise<R[]> {
  const executor = tx.getTransactionContext<QueryExecutor>();
  if (!executor) throw new Error('Import staging needs a transaction');
  const result = await executor.executeQuery(CompiledQuery.raw(sql, params as unknown[]));
  return result.rows as R[];
}
