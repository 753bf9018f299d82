import { Injectable } from '@nestjs/common';
import type { ContributionPlanRequest, CsvDelimiter } from '@kotizo/contracts';
import { duePeriods, duesStatus, maxIsoDate } from '@kotizo/domain';
import { TenantDatabase } from '../../platform/database/tenant-database.js';
import { AppError } from '../../platform/errors/app-error.js';
import type { TenantContext } from '../../platform/tenancy/tenant-context.js';
import { DuesRepository } from '../dues/dues.repository.js';
import type { CsvCell, CsvFile } from './csv-export.js';
import { type ExportFormat, exportFormat } from './export-format.js';
import { ExportsRepository } from './exports.repository.js';

/** Members per batch: each brings all of their contributions. */
const BATCH = 200;

const COLUMNS = [
  'member_number',
  'member_name',
  'period_start',
  'due_date',
  'amount',
  'paid',
  'status',
  'settled_on',
  'currency',
] as const;

/** Every due period of every active member up to today, with its status, by the dues pages' rules. */
@Injectable()
export class DuesExport {
  constructor(
    private readonly db: TenantDatabase,
    private readonly exports: ExportsRepository,
    private readonly dues: DuesRepository,
  ) {}

  async file(tenant: TenantContext, delimiter: CsvDelimiter | undefined): Promise<CsvFile> {
    const plan = await this.db.read(tenant, (em) => this.dues.plan(em));
    if (!plan) throw new AppError(409, 'no_contribution_plan');
    const format = exportFormat(tenant, delimiter);
    return {
      filename: `${tenant.slug}-dues-${format.today}`,
      delimiter: format.delimiter,
      columns: COLUMNS,
      rows: this.rows(tenant, format, plan),
    };
  }

  private async *rows(
    tenant: TenantContext,
    format: ExportFormat,
    plan: ContributionPlanRequest,
  ): AsyncGenerator<CsvCell[]> {
    const today = format.today;
    for (let after = 0; ;) {
      const { members, contributions } = await this.db.read(tenant, async (em) => {
        const members = await this.exports.duesMembers(em, after, BATCH);
        return {
          members,
          contributions: await this.exports.contributions(
            em,
            members.map((m) => m.id),
          ),
        };
      });
      for (const m of members) {
        const from = maxIsoDate(plan.startDate, m.joined_on);
        if (from > today) continue;
        const override = m.override_amount === null ? undefined : { amount: Number(m.override_amount) };
        const periods = duePeriods({ ...plan, startDate: from }, from, today, override);
        const paid = (contributions.get(m.id) ?? []).filter((c) => c.date <= today);
        for (const p of duesStatus(periods, paid, today, plan.graceDays).periods) {
          yield [
            m.number,
            m.full_name,
            p.periodStart,
            p.dueDate,
            format.money(p.amount),
            format.money(p.paid),
            p.status,
            p.settledOn,
            tenant.currency,
          ];
        }
      }
      if (members.length < BATCH) return;
      after = members.at(-1)!.number;
    }
  }
}
