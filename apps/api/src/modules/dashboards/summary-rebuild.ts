import { Injectable } from '@nestjs/common';
import { TenantDatabase } from '../../platform/database/tenant-database.js';
import type { TenantContext } from '../../platform/tenancy/tenant-context.js';
import { LoanPositions } from './loan-positions.js';

export interface RebuildReport {
  summaryRows: number;
  loans: number;
}

/**
 * Recomputes a cooperative's summaries from its journal: the daily
 * summaries and the federation's totals row (`rebuild_summaries()`, in SQL,
 * the same function the migration ran), then every loan position. One
 * transaction that holds the head of the ledger, so no movement slips between.
 */
@Injectable()
export class SummaryRebuild {
  constructor(
    private readonly db: TenantDatabase,
    private readonly positions: LoanPositions,
  ) {}

  rebuild(tenant: TenantContext): Promise<RebuildReport> {
    return this.db.transactional(tenant, async (tx) => {
      await tx.execute('select rebuild_summaries()');
      const loans = await this.positions.refreshIn(tx);
      const [row] = await tx.execute<{ n: string }[]>('select count(*) as n from daily_summaries');
      return { summaryRows: Number(row?.n ?? 0), loans };
    });
  }
}
