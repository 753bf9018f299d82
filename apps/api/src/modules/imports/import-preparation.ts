import { Injectable } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { ImportMappingParsed } from '@kotizo/contracts';
import { localDate, minorUnitDigits } from '@kotizo/domain';
import { AppError, fieldError } from '../../platform/errors/app-error.js';
import type { TenantRequestContext } from '../../platform/tenancy/tenant-context.js';
import { ImportStagingRepository } from './import-staging.repository.js';
import {
  isRejected,
  phoneKey,
  type ImportedRow,
  type MemberIndex,
  type RejectedLine,
  RowReader,
} from './row-reader.js';
import { WriteBehind } from './write-behind.js';

/** Entries written to staging per statement. */
const ENTRY_BATCH = 5_000;
const MAX_REJECTED_SHOWN = 1_000;

export interface ImportRecord {
  id: string;
  sha256: string;
  status: string;
  imported: number | null;
  skipped: number | null;
  rows: number | null;
  headers: string[] | null;
  prepared_mapping: unknown;
  prepared_on: string | null;
  prepared_entries: number | null;
  prepared_rejected: number | null;
}

/** What reading every row with a mapping found. */
interface Prepared {
  entries: number;
  /** Worded by the caller, in the request's language. */
  rejected: RejectedLine[];
  rejectedCount: number;
  /** Entries that repeat a reference of the file (rejected, but still in staging). */
  repeated: number;
}

/**
 * Reads an uploaded file's stored records with a mapping into staged entries
 * (`import_entries`), for a preview or a commit: valid rows are staged, the
 * rejected ones collected with why.
 */
@Injectable()
export class ImportPreparation {
  constructor(private readonly staging: ImportStagingRepository) {}

  /** Whether the entries staged by the last preview are what a commit with this mapping would stage. */
  async isPreparedFor(
    tx: EntityManager,
    record: ImportRecord,
    mapping: ImportMappingParsed,
    today: string,
  ): Promise<boolean> {
    if (record.prepared_on !== today || record.prepared_rejected !== 0 || record.prepared_entries === null)
      return false;
    const [same] = await tx.execute<{ same: boolean }[]>(
      'select prepared_mapping = ?::jsonb as same from imports where id = ?',
      [JSON.stringify(mapping), record.id],
    );
    // After a crash of the database server the staging tables are empty again.
    return same!.same && (record.prepared_entries === 0 || (await this.staging.hasRecords(tx, record.id)));
  }

  /**
   * Reads every stored record with the mapping into `import_entries`: valid
   * rows are staged, rejected ones collected (the first 1,000, and a count);
   * then rows repeating a reference of the file are found in SQL. With
   * `stopAtFirstRejection` (a commit), the first rejected row ends it with a 422.
   */
  async prepare(
    tx: EntityManager,
    ctx: TenantRequestContext,
    record: ImportRecord,
    mapping: ImportMappingParsed,
    stopAtFirstRejection: boolean,
  ): Promise<Prepared> {
    if (record.rows === null || record.headers === null) throw contentGone();
    const today = localDate(new Date(), ctx.tenant.timeZone);
    const reader = new RowReader(
      record.headers,
      mapping,
      await this.memberIndex(tx),
      minorUnitDigits(ctx.tenant.currency),
      today,
    );
    const missing = reader.missingColumns();
    if (missing.length) {
      throw new AppError(422, 'mapping_columns_missing', {
        params: { columns: missing.join(', ') },
        errors: missing.map((field) => fieldError(`mapping.columns.${field}`, 'not_a_column')),
      });
    }
    await this.staging.clearEntries(tx, record.id);
    if (record.rows > 0 && !(await this.staging.hasRecords(tx, record.id))) throw contentGone();
    const prepared: Prepared = { entries: 0, rejected: [], rejectedCount: 0, repeated: 0 };
    const writes = new WriteBehind();
    let batch: ImportedRow[] = [];
    for await (const records of this.staging.records(tx, record.id)) {
      for (const { line, values } of records) {
        const row = reader.read(line, values);
        if (!isRejected(row)) {
          batch.push(row);
          continue;
        }
        if (stopAtFirstRejection) throw rowsRejected(row);
        prepared.rejectedCount += 1;
        if (prepared.rejected.length < MAX_REJECTED_SHOWN) prepared.rejected.push(row);
      }
      if (batch.length >= ENTRY_BATCH) {
        const full = batch;
        batch = [];
        prepared.entries += full.length;
        await writes.push(() => this.staging.insertEntries(tx, record.id, full));
      }
    }
    if (batch.length > 0) {
      prepared.entries += batch.length;
      await writes.push(() => this.staging.insertEntries(tx, record.id, batch));
    }
    await writes.flush();

    const repeated = await this.staging.repeatedReferences(tx, record.id, MAX_REJECTED_SHOWN);
    const repeatedRows: RejectedLine[] = repeated.rows.map((r) => ({
      line: r.line,
      errors: [{ field: 'reference', code: 'reference_repeated', params: { line: r.first } }],
    }));
    if (stopAtFirstRejection && repeatedRows.length > 0) throw rowsRejected(repeatedRows[0]!);
    prepared.repeated = repeated.total;
    prepared.rejectedCount += repeated.total;
    prepared.rejected = [...prepared.rejected, ...repeatedRows]
      .sort((a, b) => a.line - b.line)
      .slice(0, MAX_REJECTED_SHOWN);
    await tx.execute(
      `update imports set prepared_mapping = ?, prepared_on = ?, prepared_entries = ?, prepared_rejected = ? where id = ?`,
      [JSON.stringify(mapping), today, prepared.entries, prepared.rejectedCount, record.id],
    );
    return prepared;
  }

  private async memberIndex(em: EntityManager): Promise<MemberIndex> {
    const rows = await em.execute<{ id: string; number: number; phone: string; status: string }[]>(
      'select id, number, phone, status from members',
    );
    const index: MemberIndex = { byNumber: new Map(), byPhone: new Map() };
    for (const r of rows) {
      index.byNumber.set(String(r.number), { id: r.id, status: r.status });
      index.byPhone.set(phoneKey(r.phone), { id: r.id, status: r.status });
    }
    return index;
  }
}

export function contentGone(): AppError {
  return new AppError(409, 'import_content_gone');
}

function rowsRejected(row: RejectedLine): AppError {
  return new AppError(422, 'import_has_rejected_rows', {
    params: { line: row.line },
    errors: row.errors.map((e) => fieldError(`line ${row.line}: ${e.field}`, e.code, e.params)),
  });
}
