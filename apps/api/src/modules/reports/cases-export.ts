import { Injectable } from '@nestjs/common';
import type { CsvDelimiter } from '@kotizo/contracts';
import { TenantDatabase } from '../../platform/database/tenant-database.js';
import type { TenantContext } from '../../platform/tenancy/tenant-context.js';
import type { CsvCell, CsvFile } from './csv-export.js';
import { EXPORT_BATCH, exportFormat } from './export-format.js';
import { ExportsRepository } from './exports.repository.js';

const COLUMNS = [
  'number',
  'opened_at',
  'subject_type',
  'subject',
  'severity',
  'status',
  'assignee',
  'findings',
  'rules',
  'updated_at',
  'closed_at',
  'outcome_note',
] as const;

/** Every case, by number, with its subject, findings count and rules; times in the cooperative's zone. */
@Injectable()
export class CasesExport {
  constructor(
    private readonly db: TenantDatabase,
    private readonly exports: ExportsRepository,
  ) {}

  file(tenant: TenantContext, delimiter: CsvDelimiter | undefined): CsvFile {
    const format = exportFormat(tenant, delimiter);
    return {
      filename: `${tenant.slug}-cases-${format.today}`,
      delimiter: format.delimiter,
      columns: COLUMNS,
      rows: this.rows(tenant),
    };
  }

  private async *rows(tenant: TenantContext): AsyncGenerator<CsvCell[]> {
    for (let after = 0; ;) {
      const rows = await this.db.read(tenant, (em) => this.exports.cases(em, tenant.timeZone, after, EXPORT_BATCH));
      for (const c of rows) {
        yield [
          c.number,
          c.opened_at,
          c.subject_type,
          c.subject,
          c.severity,
          c.status,
          c.assignee,
          Number(c.findings),
          c.rules,
          c.updated_at,
          c.closed_at,
          c.outcome_note,
        ];
      }
      if (rows.length < EXPORT_BATCH) return;
      after = rows.at(-1)!.number;
    }
  }
}
