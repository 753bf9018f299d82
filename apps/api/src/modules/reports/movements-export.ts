import { Injectable } from '@nestjs/common';
import type { MovementsExportQuery } from '@kotizo/contracts';
import { TenantDatabase } from '../../platform/database/tenant-database.js';
import type { TenantContext } from '../../platform/tenancy/tenant-context.js';
import { reportPeriod } from '../dashboards/report-period.js';
import type { CsvCell, CsvFile } from './csv-export.js';
import { EXPORT_BATCH, type ExportFormat, exportFormat } from './export-format.js';
import { ExportsRepository } from './exports.repository.js';

const COLUMNS = [
  'seq',
  'date',
  'kind',
  'reverses_seq',
  'member_number',
  'member_name',
  'loan_number',
  'category',
  'channel',
  'reference',
  'memo',
  'reason',
  'money_in',
  'money_out',
  'currency',
  'recorded_at',
] as const;

/**
 * The journal of a period in date order. Amounts are unsigned, in `money_in`
 * or `money_out`; a reversal goes the other way from what it reverses and
 * names it in `reverses_seq`. Rows are read a batch at a time, each batch in
 * its own short read transaction, up to the head of the chain when the export
 * began (the journal only grows, so the file is a consistent snapshot).
 */
@Injectable()
export class MovementsExport {
  constructor(
    private readonly db: TenantDatabase,
    private readonly exports: ExportsRepository,
  ) {}

  async file(tenant: TenantContext, query: MovementsExportQuery): Promise<CsvFile> {
    const format = exportFormat(tenant, query.delimiter);
    const { from, to } = reportPeriod(query, format.today);
    const maxSeq = await this.db.read(tenant, (em) => this.exports.lastSeq(em));
    return {
      filename: `${tenant.slug}-movements-${from}-${to}`,
      delimiter: format.delimiter,
      columns: COLUMNS,
      rows: this.rows(tenant, format, { from, to, maxSeq }),
    };
  }

  private async *rows(
    tenant: TenantContext,
    format: ExportFormat,
    period: { from: string; to: string; maxSeq: number },
  ): AsyncGenerator<CsvCell[]> {
    let after = { day: '0001-01-01', seq: 0 };
    for (;;) {
      const rows = await this.db.read(tenant, (em) =>
        this.exports.movements(em, { ...period, timeZone: tenant.timeZone }, after, EXPORT_BATCH),
      );
      for (const r of rows) {
        const amount = format.money(Number(r.amount));
        const incoming = Number(r.direction) > 0;
        yield [
          Number(r.seq),
          r.occurred_on,
          r.kind,
          r.reverses_seq === null ? null : Number(r.reverses_seq),
          r.member_number,
          r.member_name,
          r.loan_number,
          r.category,
          r.channel,
          r.external_ref,
          r.memo,
          r.reason,
          incoming ? amount : null,
          incoming ? null : amount,
          tenant.currency,
          r.recorded_at,
        ];
      }
      if (rows.length < EXPORT_BATCH) return;
      const last = rows.at(-1)!;
      after = { day: last.occurred_on, seq: Number(last.seq) };
    }
  }
}
