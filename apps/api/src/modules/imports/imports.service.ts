import { isUuid } from '../../platform/validation/uuid.js';
import { Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/postgresql';
import { createHash } from 'node:crypto';
import {
  importMapping,
  TEMPLATE_HEADERS,
  type ImportCommitResponse,
  type ImportMapping,
  type ImportMappingParsed,
  type ImportPreviewResponse,
  type ImportUploadResponse,
  type RejectedRow,
} from '@kotizo/contracts';
import { localDate, minorUnitDigits } from '@kotizo/domain';
import { TenantDatabase } from '../../platform/database/tenant-database.js';
import { AppError, BadRequest, NotFound } from '../../platform/errors/app-error.js';
import type { TenantRequestContext } from '../../platform/tenancy/tenant-context.js';
import { LedgerRepository, type NewEntry } from '../ledger/ledger.repository.js';
import { AuditRuns } from '../audit/audit-runs.js';
import { csvRecords, decodeCsv, type DecodedFile } from './csv-file.js';
import { isRejected, phoneKey, type ImportedRow, type MemberIndex, RowReader } from './row-reader.js';

const BATCH = 5_000;
const MAX_REJECTED_SHOWN = 1_000;

interface ImportRecord {
  id: string;
  file_name: string | null;
  sha256: string;
  content: Buffer | null;
  status: string;
  imported: number | null;
  skipped: number | null;
}

interface Analysis {
  rows: number;
  valid: number;
  duplicates: number;
  rejected: RejectedRow[];
  rejectedCount: number;
  totals: Record<string, { count: number; amount: number }>;
}

/**
 * CSV imports in three steps: upload (the file is kept, nothing is recorded),
 * preview with a column mapping (every rejected row and why), and commit: all
 * rows or none, in one transaction. Rows whose reference is already in the
 * ledger, and every row of a file already committed, are skipped, so
 * importing the same statement twice adds nothing.
 */
@Injectable()
export class ImportsService {
  private readonly logger = new Logger(ImportsService.name);

  constructor(
    private readonly db: TenantDatabase,
    private readonly ledger: LedgerRepository,
    private readonly runs: AuditRuns,
  ) {}

  async upload(ctx: TenantRequestContext, bytes: Buffer, fileName: string | null): Promise<ImportUploadResponse> {
    if (!Buffer.isBuffer(bytes) || bytes.length === 0)
      throw new BadRequest('empty_file', 'Send the CSV file as the request body (Content-Type: text/csv).');
    const file = decodeCsv(bytes);
    let headers: string[] | null = null;
    const sample: string[][] = [];
    let rows = 0;
    try {
      for await (const record of csvRecords(file)) {
        if (!headers) headers = record.values;
        else {
          rows += 1;
          if (sample.length < 5) sample.push(record.values);
        }
      }
    } catch (error) {
      throw new AppError(
        422,
        'invalid_csv',
        'Unreadable CSV',
        `The file cannot be read as CSV: ${(error as Error).message}`,
      );
    }
    if (!headers) throw new BadRequest('empty_file', 'The file has no header line.');
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    return this.db.transactional(ctx.tenant, async (tx) => {
      const [saved] = await tx.execute<{ id: string }[]>(
        'insert into imports (file_name, sha256, size, content, uploaded_by) values (?, ?, ?, ?, ?) returning id',
        [fileName, sha256, bytes.length, bytes, ctx.principal.userId],
      );
      return {
        id: saved!.id,
        fileName,
        encoding: file.encoding,
        delimiter: file.delimiter,
        headers: headers!,
        sample,
        rows,
        alreadyImported: await this.committedBefore(tx, sha256),
        suggestedMapping: suggestMapping(headers!),
      };
    });
  }

  preview(ctx: TenantRequestContext, id: string, mapping: ImportMappingParsed): Promise<ImportPreviewResponse> {
    return this.db.read(ctx.tenant, async (em) => {
      const record = await this.require(em, id);
      const analysis = await this.analyse(em, ctx, record, mapping, null);
      return {
        id,
        rows: analysis.rows,
        valid: analysis.valid,
        duplicates: analysis.duplicates,
        rejected: analysis.rejected,
        totals: analysis.totals,
        committable: analysis.rejectedCount === 0 && record.status === 'uploaded',
      };
    });
  }

  async commit(ctx: TenantRequestContext, id: string, mapping: ImportMappingParsed): Promise<ImportCommitResponse> {
    let committedNow = false;
    const response = await this.db.transactional(ctx.tenant, async (tx) => {
      const record = await this.require(tx, id, true);
      if (record.status === 'committed')
        return { id, imported: record.imported ?? 0, skippedDuplicates: record.skipped ?? 0 };
      // One pass: rows are appended batch by batch as they are read; a rejected
      // row aborts the transaction, so the file is recorded whole or not at all.
      const result = await this.analyse(tx, ctx, record, mapping, (rows) => this.append(tx, ctx, rows), true);
      await tx.execute(
        `update imports set status = 'committed', mapping = ?, committed_by = ?, committed_at = now(), imported = ?, skipped = ?, content = null
          where id = ?`,
        [JSON.stringify(mapping), ctx.principal.userId, result.valid, result.duplicates, id],
      );
      committedNow = true;
      return { id, imported: result.valid, skippedDuplicates: result.duplicates };
    });
    if (committedNow && response.imported > 0) await this.checkImported(ctx, id);
    return response;
  }

  /**
   * Imported movements are checked by the rules in a background audit run
   * (a file can hold a million rows); until it has run, they show no verdict,
   * and the nightly audit picks up any the run missed.
   */
  private async checkImported(ctx: TenantRequestContext, id: string): Promise<void> {
    try {
      await this.runs.start(ctx.tenant, 'import', ctx.principal.userId, { importId: id });
    } catch (error) {
      this.logger.warn({ err: error, tenant: ctx.tenant.slug, importId: id }, 'import audit not queued');
    }
  }

  private async append(tx: EntityManager, ctx: TenantRequestContext, rows: ImportedRow[]): Promise<void> {
    const entries: NewEntry[] = rows.map((r) => ({
      kind: r.kind,
      direction: r.kind === 'expense' ? -1 : 1,
      amount: r.amount,
      currency: ctx.tenant.currency,
      memberId: r.memberId,
      loanId: null,
      category: r.category,
      channel: r.channel,
      externalRef: r.reference,
      memo: r.memo,
      occurredOn: r.occurredOn,
      recordedBy: ctx.principal.userId,
      reversesId: null,
      reason: null,
    }));
    await this.ledger.appendMany(tx, entries);
  }

  /**
   * Reads every row with the mapping. Valid rows that are not duplicates go
   * to `sink` in batches (when given); rejected rows are collected.
   */
  private async analyse(
    em: EntityManager,
    ctx: TenantRequestContext,
    record: ImportRecord,
    mapping: ImportMappingParsed,
    sink: ((rows: ImportedRow[]) => Promise<void>) | null,
    stopAtFirstRejection = false,
  ): Promise<Analysis> {
    if (!record.content)
      throw new AppError(409, 'import_content_gone', 'Import already committed', 'This file was already imported.');
    const file: DecodedFile = decodeCsv(record.content);
    const wholeFileImported = await this.committedBefore(em, record.sha256, record.id);
    const members = await this.memberIndex(em);
    const today = localDate(new Date(), ctx.tenant.timeZone);
    const analysis: Analysis = { rows: 0, valid: 0, duplicates: 0, rejected: [], rejectedCount: 0, totals: {} };
    const seenReferences = new Map<string, number>();
    let reader: RowReader | null = null;
    let batch: ImportedRow[] = [];
    const flush = async () => {
      const fresh = wholeFileImported ? [] : await this.withoutKnownReferences(em, batch);
      analysis.duplicates += batch.length - fresh.length;
      analysis.valid += fresh.length;
      for (const row of fresh) {
        const total = (analysis.totals[row.kind] ??= { count: 0, amount: 0 });
        total.count += 1;
        total.amount += row.amount;
      }
      if (sink && fresh.length) await sink(fresh);
      batch = [];
    };
    const reject = (row: RejectedRow) => {
      if (stopAtFirstRejection) {
        throw new AppError(
          422,
          'import_has_rejected_rows',
          'Rows rejected',
          `Line ${row.line} cannot be imported; preview the file to see every rejected row.`,
          row.errors.map((e) => ({ field: `line ${row.line}: ${e.field}`, message: e.message })),
        );
      }
      analysis.rejectedCount += 1;
      if (analysis.rejected.length < MAX_REJECTED_SHOWN) analysis.rejected.push(row);
    };
    try {
      for await (const { line, values } of csvRecords(file)) {
        if (!reader) {
          reader = new RowReader(values, mapping, members, minorUnitDigits(ctx.tenant.currency), today);
          const missing = reader.missingColumns();
          if (missing.length) {
            throw new AppError(
              422,
              'mapping_columns_missing',
              'Columns not in the file',
              `The file has no column for: ${missing.join(', ')}.`,
              missing.map((field) => ({ field: `mapping.columns.${field}`, message: 'is not a column of this file' })),
            );
          }
          continue;
        }
        analysis.rows += 1;
        const row = reader.read(line, values);
        if (isRejected(row)) {
          reject(row);
          continue;
        }
        if (row.reference) {
          const first = seenReferences.get(row.reference);
          if (first !== undefined) {
            reject({ line, errors: [{ field: 'reference', message: `already on line ${first} of this file` }] });
            continue;
          }
          seenReferences.set(row.reference, line);
        }
        batch.push(row);
        if (batch.length >= BATCH) await flush();
      }
    } catch (error) {
      if (error instanceof AppError) throw error;
      if (stopAtFirstRejection)
        throw new AppError(422, 'import_has_rejected_rows', 'Unreadable file', (error as Error).message);
      // A truncated or malformed file (an unclosed quote...): say where it stops being readable.
      reject({ line: analysis.rows + 2, errors: [{ field: '(file)', message: (error as Error).message }] });
    }
    await flush();
    return analysis;
  }

  private async withoutKnownReferences(em: EntityManager, rows: ImportedRow[]): Promise<ImportedRow[]> {
    const references = rows.map((r) => r.reference).filter((r): r is string => r !== null);
    if (references.length === 0) return rows;
    const known = await em.execute<{ external_ref: string }[]>(
      'select external_ref from transactions where external_ref in (?)',
      [references],
    );
    const set = new Set(known.map((k) => k.external_ref));
    return rows.filter((r) => r.reference === null || !set.has(r.reference));
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

  private async committedBefore(em: EntityManager, sha256: string, exceptId?: string): Promise<boolean> {
    const rows = await em.execute<{ id: string }[]>(
      `select id from imports where sha256 = ? and status = 'committed' and id <> coalesce(?::uuid, '00000000-0000-0000-0000-000000000000') limit 1`,
      [sha256, exceptId ?? null],
    );
    return rows.length > 0;
  }

  private async require(em: EntityManager, id: string, lock = false): Promise<ImportRecord> {
    const [row] = isUuid(id)
      ? await em.execute<ImportRecord[]>(
          `select id, file_name, sha256, content, status, imported, skipped from imports where id = ?${lock ? ' for update' : ''}`,
          [id],
        )
      : [];
    if (!row) throw new NotFound('The import');
    return row;
  }
}

/** A file with our template's header maps itself. */
export function suggestMapping(headers: string[]): ImportMapping | null {
  const normalized = headers.map((h) => h.trim().toLowerCase());
  if (!TEMPLATE_HEADERS.every((h) => normalized.includes(h))) return null;
  const mapping: ImportMapping = {
    columns: {
      date: 'date',
      amount: 'amount',
      kind: 'kind',
      memberNumber: 'member_number',
      channel: 'channel',
      reference: 'reference',
      memo: 'memo',
    },
    dateFormat: 'YYYY-MM-DD',
  };
  return importMapping.safeParse(mapping).success ? mapping : null;
}
