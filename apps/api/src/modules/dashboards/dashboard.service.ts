import { Injectable } from '@nestjs/common';
import {
  SEVERITY_LEVELS,
  type DashboardBucket,
  type DashboardQuery,
  type DashboardResponse,
  type DashboardTotals,
} from '@kotizo/contracts';
import { localDate, minorUnitDigits } from '@kotizo/domain';
import type { Severity } from '@kotizo/rules-engine';
import { TenantDatabase } from '../../platform/database/tenant-database.js';
import type { TenantRequestContext } from '../../platform/tenancy/tenant-context.js';
import { type BucketSums, DashboardRepository, type KindSums } from './dashboard.repository.js';
import { LoanPositions } from './loan-positions.js';
import { reportPeriod } from './report-period.js';

const SERIES_KINDS = {
  contribution: 'contributions',
  loan_disbursement: 'loansDisbursed',
  repayment: 'repayments',
  expense: 'expenses',
  penalty: 'penalties',
  income: 'income',
} as const satisfies Record<string, keyof DashboardBucket & keyof DashboardTotals>;

/**
 * The figures of a cooperative for a period, read from the summaries the
 * ledger's trigger keeps (never from the journal itself), and the state of
 * its loans, members and cases today.
 */
@Injectable()
export class DashboardService {
  constructor(
    private readonly db: TenantDatabase,
    private readonly figures: DashboardRepository,
    private readonly positions: LoanPositions,
  ) {}

  async dashboard(ctx: TenantRequestContext, query: DashboardQuery): Promise<DashboardResponse> {
    const tenant = ctx.tenant;
    const today = localDate(new Date(), tenant.timeZone);
    const { from, to } = reportPeriod(query, today);
    const granularity = query.granularity ?? 'month';
    // Loans whose money moved since the last read are recomputed first (usually none, or a handful).
    await this.positions.refreshStale(tenant);
    return this.db.read(tenant, async (em) => {
      const byKind = await this.figures.byKind(em, from, to);
      const cash = await this.figures.cash(em, from, to);
      const buckets = await this.figures.buckets(em, from, to, granularity);
      const writeOffs = await this.figures.writeOffs(em, from, to, tenant.timeZone);
      const cases = await this.figures.openCases(em);
      return {
        currency: tenant.currency,
        currencyDigits: minorUnitDigits(tenant.currency),
        asOf: today,
        period: { from, to, granularity },
        totals: { ...totals(byKind), writeOffs: writeOffs.principal, loansWrittenOff: writeOffs.loans },
        cash,
        portfolio: await this.positions.portfolio(em, today),
        members: await this.figures.members(em),
        series: series(buckets, cash.opening),
        expensesByCategory: await this.figures.expensesByCategory(em, from, to),
        findingsBySeverity: SEVERITY_LEVELS.map((severity: Severity) => {
          const row = cases.find((c) => c.severity === severity);
          return { severity, openCases: row?.cases ?? 0, findings: row?.findings ?? 0 };
        }),
      };
    });
  }
}

function totals(byKind: KindSums[]): Omit<DashboardTotals, 'writeOffs' | 'loansWrittenOff'> {
  const amount = (kind: string) => byKind.find((k) => k.kind === kind)?.amount ?? 0;
  return {
    contributions: amount('contribution'),
    loansDisbursed: amount('loan_disbursement'),
    repayments: amount('repayment'),
    expenses: amount('expense'),
    penalties: amount('penalty'),
    income: amount('income'),
    adjustments: byKind.find((k) => k.kind === 'adjustment')?.cash ?? 0,
    entries: byKind.reduce((sum, k) => sum + k.entries + k.reversals, 0),
    reversals: byKind.reduce((sum, k) => sum + k.reversals, 0),
  };
}

/** One bucket per start date, with the running cash balance at its end. */
export function series(rows: BucketSums[], openingCash: number): DashboardBucket[] {
  const buckets: DashboardBucket[] = [];
  let cash = openingCash;
  for (const row of rows) {
    let bucket = buckets.at(-1);
    if (!bucket || bucket.start !== row.start) {
      bucket = {
        start: row.start,
        end: row.end,
        contributions: 0,
        loansDisbursed: 0,
        repayments: 0,
        expenses: 0,
        penalties: 0,
        income: 0,
        cash,
      };
      buckets.push(bucket);
    }
    cash += row.cash;
    bucket.cash = cash;
    const field = row.kind ? SERIES_KINDS[row.kind as keyof typeof SERIES_KINDS] : undefined;
    if (field) bucket[field] += row.amount;
  }
  return buckets;
}
