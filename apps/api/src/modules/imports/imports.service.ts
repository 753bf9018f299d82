import { isUuid } from '../../platform/validation/uuid.js';
import { Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/postgresql';
import { CsvError } from 'csv-parse';
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
import { localDate } from '@kotizo/domain';
import { TenantDatabase } from '../../platform/database/tenant-database.js';
import { uuid7 } from '../../platform/database/uuid7.js';
import { AppError, BadRequest, NotFound } from '../../platform/errors/app-error.js';
import { type Language, translate } from '../../platform/errors/messages/catalog.js';
import type { TenantRequestContext } from '../../platform/tenancy/tenant-context.js';
import { LedgerRepository, type StagedEntries } from '../ledger/ledger.repository.js';
import { AuditRuns } from '../audit/audit-runs.js';
import { CsvMixedEncoding, type CsvRecord, CsvStream, CsvTooLarge } from './csv-file.js';
import { ImportStagingRepository, type Recording } from './import-staging.repository.js';
import { contentGone, type ImportRecord, ImportPreparation } from './import-preparation.js';
import type { RejectedLine } from './row-reader.js';
import { WriteBehind } from './write-behind.js';

/** Records kept in one staging row. */
const RECORDS_PER_GROUP = 1_000;
/** Entries appended to the ledger per statement. */
const APPEND_BATCH = 20_000;
/** Imports this large refresh the planner's statistics of the journal when committed. */
const ANALYZE_AFTER = 10_000;
/** The largest file taken (a million rows of our template weigh about 60 MB). */
export const MAX_IMPORT_BYTES = 512 * 1_048_576;

/**
 * CSV imports in three steps: upload (the file is read once, as it arrives,
 * into staging; nothing is recorded), preview with a column mapping (every
 * rejected row and why), and commit: all rows or none, in one transaction.
 * Rows whose reference is already in the ledger, and every row of a file
 * already committed, are skipped, so importing the same statement twice adds
 * nothing. Memory holds a batch of rows at a time, whatever the file's size.
 */
@Injectable()
export class ImportsService {
  private readonly logger = new Logger(ImportsService.name);

  constructor(
    private readonly db: TenantDatabase,
    private readonly ledger: LedgerRepository,
    private readonly staging: ImportStagingRepository,
    private readonly preparation: ImportPreparation,
    private readonly runs: AuditRuns,
  ) {}

  /** `body`: the request body as a stream of bytes (or, from code, a Buffer). */
  async upload(ctx: TenantRequestContext, body: unknown, fileName: string | null): Promise<ImportUploadResponse> {
    const source = byteSource(body);
    if (!source) throw new BadRequest('empty_file');
    const id = uuid7();
    const csv = new CsvStream(source, MAX_IMPORT_BYTES);
    return this.db.transactional(ctx.tenant, async (tx) => {
      let headers: string[] | null = null;
      const sample: string[][] = [];
      let rows = 0;
      let group: CsvRecord[] = [];
      const writes = new WriteBehind();
      try {
        for await (const record of csv.records()) {
          if (!headers) {
            headers = record.values;
            continue;
          }
          rows += 1;
          if (sample.length < 5) sample.push(record.values);
          group.push(record);
          if (group.length === RECORDS_PER_GROUP) {
            const full = group;
            group = [];
            await writes.push(() => this.staging.storeRecords(tx, id, full));
          }
        }
        if (group.length > 0) await writes.push(() => this.staging.storeRecords(tx, id, group));
        await writes.flush();
      } catch (error) {
        throw unreadable(error);
      }
      if (csv.bytes === 0) throw new BadRequest('empty_file');
      if (!headers) throw new BadRequest('empty_file', { detail: 'empty_file_no_header' });
      const sha256 = csv.sha256();
      await tx.execute(
        `insert into imports (id, file_name, sha256, size, uploaded_by, rows, encoding, delimiter, headers)
         values (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [
          id,
          fileName,
          sha256,
          csv.bytes,
          ctx.principal.userId,
          rows,
          csv.encoding,
          csv.delimiter,
          JSON.stringify(headers),
        ],
      );
      return {
        id,
        fileName,
        encoding: csv.encoding,
        delimiter: csv.delimiter,
        headers,
        sample,
        rows,
        alreadyImported: await this.committedBefore(tx, sha256),
        suggestedMapping: suggestMapping(headers),
      };
    });
  }

  /** `language`: the request's, in which each rejected row says why. */
  preview(
    ctx: TenantRequestContext,
    id: string,
    mapping: ImportMappingParsed,
    language: Language,
  ): Promise<ImportPreviewResponse> {
    return this.db.transactional(ctx.tenant, async (tx) => {
      const record = await this.require(tx, id);
      if (record.status === 'committed') throw contentGone();
      const prepared = await this.preparation.prepare(tx, ctx, record, mapping, false);
      const wholeFileImported = await this.committedBefore(tx, record.sha256, id);
      const kinds = await this.staging.totals(tx, id, wholeFileImported, prepared.repeated > 0);
      const totals: ImportPreviewResponse['totals'] = {};
      for (const k of kinds) if (k.fresh > 0) totals[k.kind] = { count: k.fresh, amount: k.amount };
      return {
        id,
        rows: record.rows ?? 0,
        valid: kinds.reduce((sum, k) => sum + k.fresh, 0),
        duplicates: kinds.reduce((sum, k) => sum + k.duplicates, 0),
        rejected: prepared.rejected.map((row) => worded(row, language)),
        totals,
        committable: prepared.rejectedCount === 0,
      };
    });
  }

  async commit(ctx: TenantRequestContext, id: string, mapping: ImportMappingParsed): Promise<ImportCommitResponse> {
    let committedNow = false;
    const response = await this.db.transactional(ctx.tenant, async (tx) => {
      const record = await this.require(tx, id);
      if (record.status === 'committed')
        return { id, imported: record.imported ?? 0, skippedDuplicates: record.skipped ?? 0 };
      const today = localDate(new Date(), ctx.tenant.timeZone);
      // What the preview staged serves if it read this mapping today and rejected nothing; else read again.
      const entries = (await this.preparation.isPreparedFor(tx, record, mapping, today))
        ? record.prepared_entries!
        : (await this.preparation.prepare(tx, ctx, record, mapping, true)).entries;
      // One transaction: a rejected row, a crash or a lost connection leaves nothing recorded.
      const recording: Recording = { importId: id, currency: ctx.tenant.currency, recordedBy: ctx.principal.userId };
      const imported = await this.ledger.appendStaged(tx, this.freshEntries(tx, record, recording));
      const skipped = entries - imported;
      await tx.execute(
        `update imports set status = 'committed', mapping = ?, committed_by = ?, committed_at = now(), imported = ?, skipped = ?
          where id = ?`,
        [JSON.stringify(mapping), ctx.principal.userId, imported, skipped, id],
      );
      await this.staging.discard(tx, id);
      committedNow = true;
      return { id, imported, skippedDuplicates: skipped };
    });
    if (committedNow && response.imported >= ANALYZE_AFTER) await this.refreshStatistics(ctx);
    if (committedNow && response.imported > 0) await this.checkImported(ctx, id);
    return response;
  }

  /**
   * A large import changes the journal faster than autovacuum notices: until
   * it does, the planner takes the table for what it was, and every write's
   * checks run slow (300 ms instead of 60 ms each after a million rows).
   */
  private async refreshStatistics(ctx: TenantRequestContext): Promise<void> {
    try {
      await this.db.transactional(ctx.tenant, (tx) => tx.execute('analyze transactions'));
    } catch (error) {
      this.logger.warn({ err: error, tenant: ctx.tenant.slug }, 'statistics not refreshed after an import');
    }
  }

  /**
   * The staged entries new to the ledger, in file order, for the ledger's bulk
   * path; read with the head of the chain locked. The next batch is fetched
   * before this one is handed over, so PostgreSQL reads while the ledger seals.
   */
  private freshEntries(tx: EntityManager, record: ImportRecord, recording: Recording): StagedEntries {
    const staging = this.staging;
    const committedBefore = () => this.committedBefore(tx, record.sha256, record.id);
    return {
      relation: (bind) => staging.forLedger(recording, bind),
      async *batches() {
        if (await committedBefore()) return;
        await staging.openFresh(tx, recording);
        let next = staging.nextFresh(tx, recording, APPEND_BATCH);
        for (;;) {
          const rows = await next;
          if (rows.length === 0) break;
          next = rows.length < APPEND_BATCH ? Promise.resolve([]) : staging.nextFresh(tx, recording, APPEND_BATCH);
          next.catch(() => undefined);
          yield rows;
        }
        await staging.closeFresh(tx);
      },
    };
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

  private async committedBefore(em: EntityManager, sha256: string, exceptId?: string): Promise<boolean> {
    const rows = await em.execute<{ id: string }[]>(
      `select id from imports where sha256 = ? and status = 'committed' and id <> coalesce(?::uuid, '00000000-0000-0000-0000-000000000000') limit 1`,
      [sha256, exceptId ?? null],
    );
    return rows.length > 0;
  }

  /** The import, locked: its preview and commit run one at a time. */
  private async require(em: EntityManager, id: string): Promise<ImportRecord> {
    const [row] = isUuid(id)
      ? await em.execute<ImportRecord[]>(
          `select id, sha256, status, imported, skipped, rows, headers, prepared_mapping,
                  to_char(prepared_on, 'YYYY-MM-DD') as prepared_on, prepared_entries, prepared_rejected
             from imports where id = ? for update`,
          [id],
        )
      : [];
    if (!row) throw new NotFound('import');
    return row;
  }
}

/** The request body as bytes: a stream from HTTP, or a Buffer from code. */
function byteSource(body: unknown): AsyncIterable<Uint8Array> | Iterable<Uint8Array> | null {
  if (Buffer.isBuffer(body)) return [body];
  if (body !== null && typeof body === 'object' && Symbol.asyncIterator in body)
    return body as AsyncIterable<Uint8Array>;
  return null;
}

/** What went wrong reading the file, said to the treasurer; any other failure is ours and stays a 500. */
function unreadable(error: unknown): unknown {
  if (error instanceof CsvTooLarge) {
    return new AppError(413, 'file_too_large', { params: { limit: Math.round(error.limit / 1_048_576) } });
  }
  if (error instanceof CsvMixedEncoding)
    return new AppError(422, 'invalid_csv', { detail: 'csv_mixed_encoding', params: { offset: error.offset } });
  if (error instanceof CsvError) {
    // The parser's own message is English and technical: the treasurer is told which line to look at.
    const line = (error as CsvError & { lines?: unknown }).lines;
    return typeof line === 'number' && line > 0
      ? new AppError(422, 'invalid_csv', { detail: 'invalid_csv_line', params: { line } })
      : new AppError(422, 'invalid_csv');
  }
  // The client went away mid-upload: nothing was kept (the transaction is rolled back), and nobody is listening.
  if ((error as NodeJS.ErrnoException | null)?.code === 'ECONNRESET') return new AppError(400, 'upload_interrupted');
  return error;
}

/** A rejected row as the preview shows it: each field's code and params, and their words in the language. */
function worded(row: RejectedLine, language: Language): RejectedRow {
  return {
    line: row.line,
    errors: row.errors.map((e) => ({
      field: e.field,
      code: e.code,
      ...(e.params ? { params: e.params } : {}),
      message: translate(language, 'field', e.code, e.params),
    })),
  };
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
