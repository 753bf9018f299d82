import { Injectable } from '@nestjs/common';
import type {
  CooperativeStanding,
  FederationCooperativeRow,
  FederationCurrencyTotals,
  FederationOverviewQuery,
  FederationOverviewResponse,
} from '@kotizo/contracts';
import { minorUnitDigits } from '@kotizo/domain';
import { FederationDatabase } from '../../platform/database/federation-database.js';
import { isoTimestamp } from '../../platform/database/timestamps.js';
import { portfolioFigures } from '../dashboards/loan-positions.js';
import { type CurrencyRow, type OverviewFilters, OverviewRepository, type OverviewRow } from './overview.repository.js';

const EXPORT_PAGE = 500;

/**
 * Every cooperative side by side, from the federation's summary rows: money
 * totals kept by each cooperative's ledger trigger, standing refreshed by the
 * worker. A request never reads a cooperative schema.
 */
@Injectable()
export class OverviewService {
  constructor(
    private readonly db: FederationDatabase,
    private readonly overview: OverviewRepository,
  ) {}

  async overviewPage(query: FederationOverviewQuery): Promise<FederationOverviewResponse> {
    const filters = toFilters(query);
    const em = this.db.em();
    const rows = await this.overview.page(em, filters, query.limit, query.offset);
    const byCurrency = await this.overview.byCurrency(em, filters);
    return {
      items: rows.map(toRow),
      total: Number(rows[0]?.total ?? (query.offset === 0 ? 0 : await this.count(filters))),
      limit: query.limit,
      offset: query.offset,
      sort: filters.sort,
      byCurrency: byCurrency.map(toCurrencyTotals),
    };
  }

  /** Every cooperative the filters keep, a page at a time (the CSV export). */
  async *all(
    filters: Omit<OverviewFilters, 'sort'> & { sort?: OverviewFilters['sort'] },
  ): AsyncGenerator<FederationCooperativeRow> {
    const complete = { ...filters, sort: filters.sort ?? 'risk' };
    for (let offset = 0; ; offset += EXPORT_PAGE) {
      const rows = await this.overview.page(this.db.em(), complete, EXPORT_PAGE, offset);
      for (const row of rows) yield toRow(row);
      if (rows.length < EXPORT_PAGE) return;
    }
  }

  private async count(filters: OverviewFilters): Promise<number> {
    const rows = await this.overview.byCurrency(this.db.em(), filters);
    return rows.reduce((sum, r) => sum + Number(r.cooperatives), 0);
  }
}

function toFilters(query: { q?: string; status?: 'active' | 'suspended'; sort?: 'risk' | 'name' }): OverviewFilters {
  return { q: query.q || undefined, status: query.status, sort: query.sort ?? 'risk' };
}

const n = (value: string | number | null | undefined): number => Number(value ?? 0);

export function toRow(row: OverviewRow): FederationCooperativeRow {
  const currency = row.currency.trim();
  const standing: CooperativeStanding | null =
    row.as_of === null
      ? null
      : {
          asOf: row.as_of,
          refreshedAt: isoTimestamp(row.refreshed_at!),
          members: {
            active: n(row.members_active),
            suspended: n(row.members_suspended),
            exited: n(row.members_exited),
          },
          portfolio: {
            outstanding: n(row.outstanding),
            atRisk30: n(row.at_risk_30),
            par30BasisPoints: n(row.par30_bp),
            activeLoans: n(row.active_loans),
            lateLoans: n(row.late_loans),
          },
          openCases: {
            low: n(row.open_cases_low),
            medium: n(row.open_cases_medium),
            high: n(row.open_cases_high),
            critical: n(row.open_cases_critical),
          },
          lateDues: { periods: n(row.late_dues), members: n(row.members_late), amount: n(row.late_dues_amount) },
        };
  return {
    cooperativeId: row.id,
    slug: row.slug,
    name: row.name,
    status: row.status,
    currency,
    currencyDigits: minorUnitDigits(currency),
    riskRank: n(row.risk_rank),
    totals: {
      contributions: n(row.contributions),
      loansDisbursed: n(row.loans_disbursed),
      repayments: n(row.repayments),
      expenses: n(row.expenses),
      penalties: n(row.penalties),
      income: n(row.income),
      adjustments: n(row.adjustments),
      cash: n(row.cash),
      movements: n(row.movements),
      lastMovementOn: row.last_movement_on,
    },
    standing,
  };
}

function toCurrencyTotals(row: CurrencyRow): FederationCurrencyTotals {
  const v = (column: string) => n(row[column]);
  return {
    currency: row.currency.trim(),
    cooperatives: n(row.cooperatives),
    totals: {
      contributions: v('contributions'),
      loansDisbursed: v('loans_disbursed'),
      repayments: v('repayments'),
      expenses: v('expenses'),
      penalties: v('penalties'),
      income: v('income'),
      adjustments: v('adjustments'),
      cash: v('cash'),
      movements: v('movements'),
    },
    members: { active: v('members_active'), suspended: v('members_suspended'), exited: v('members_exited') },
    portfolio: portfolioFigures(v('outstanding'), v('at_risk_30'), v('active_loans'), v('late_loans')),
    openCases: {
      low: v('open_cases_low'),
      medium: v('open_cases_medium'),
      high: v('open_cases_high'),
      critical: v('open_cases_critical'),
    },
    lateDues: { periods: v('late_dues'), members: v('members_late'), amount: v('late_dues_amount') },
  };
}
