import { Injectable } from '@nestjs/common';
import type { CsvDelimiter } from '@kotizo/contracts';
import { TenantDatabase } from '../../platform/database/tenant-database.js';
import type { TenantContext } from '../../platform/tenancy/tenant-context.js';
import type { CsvCell, CsvFile } from './csv-export.js';
import { EXPORT_BATCH, type ExportFormat, exportFormat } from './export-format.js';
import { ExportsRepository } from './exports.repository.js';

const COLUMNS = [
  'number',
  'full_name',
  'phone',
  'national_id',
  'joined_on',
  'status',
  'status_reason',
  'savings',
  'currency',
] as const;

/** Every member, by number, with their savings (contributions minus their reversals). */
@Injectable()
export class MembersExport {
  constructor(
    private readonly db: TenantDatabase,
    private readonly exports: ExportsRepository,
  ) {}

  file(tenant: TenantContext, delimiter: CsvDelimiter | undefined): CsvFile {
    const format = exportFormat(tenant, delimiter);
    return {
      filename: `${tenant.slug}-members-${format.today}`,
      delimiter: format.delimiter,
      columns: COLUMNS,
      rows: this.rows(tenant, format),
    };
  }

  private async *rows(tenant: TenantContext, format: ExportFormat): AsyncGenerator<CsvCell[]> {
    for (let after = 0; ;) {
      const { members, savings } = await this.db.read(tenant, async (em) => {
        const members = await this.exports.members(em, after, EXPORT_BATCH);
        return {
          members,
          savings: await this.exports.savings(
            em,
            members.map((m) => m.id),
          ),
        };
      });
      for (const m of members) {
        yield [
          m.number,
          m.full_name,
          m.phone,
          m.national_id,
          m.joined_on,
          m.status,
          m.status_reason,
          format.money(savings.get(m.id) ?? 0),
          tenant.currency,
        ];
      }
      if (members.length < EXPORT_BATCH) return;
      after = members.at(-1)!.number;
    }
  }
}
