import { Injectable } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { FederationSort } from '@kotizo/contracts';

export interface OverviewFilters {
  q?: string;
  status?: 'active' | 'suspended';
  sort: FederationSort;
}

/** One cooperative with its totals and standing rows (standing columns null until the first refresh). */
export interface OverviewRow {
  id: string;
  slug: string;
  name: string;
  status: string;
  currency: string;
  risk_rank: string;
  total: string;
  contributions: string | null;
  loans_disbursed: string | null;
  repayments: string | null;
  penalties: string | null;
  expenses: string | null;
  income: string | null;
  adjustments: string | null;
  cash: string | null;
  movements: string | null;
  last_movement_on: string | null;
  as_of: string | null;
  refreshed_at: string | null;
  members_active: number | null;
  members_suspended: number | null;
  members_exited: number | null;
  outstanding: string | null;
  at_risk_30: string | null;
  par30_bp: number | null;
  active_loans: number | null;
  late_loans: number | null;
  open_cases_low: number | null;
  open_cases_medium: number | null;
  open_cases_high: number | null;
  open_cases_critical: number | null;
  late_dues: number | null;
  members_late: number | null;
  late_dues_amount: string | null;
}

export type CurrencyRow = { currency: string; cooperatives: string } & Record<string, string | null>;

const SUMMED = [
  'contributions',
  'loans_disbursed',
  'repayments',
  'penalties',
  'expenses',
  'income',
  'adjustments',
  'cash',
  'movements',
  'members_active',
  'members_suspended',
  'members_exited',
  'outstanding',
  'at_risk_30',
  'active_loans',
  'late_loans',
  'open_cases_low',
  'open_cases_medium',
  'open_cases_high',
  'open_cases_critical',
  'late_dues',
  'members_late',
  'late_dues_amount',
] as const;

/**
 * Reads the federation's per-cooperative summary rows. One query over three
 * tables of the federation schema (one row per cooperative each); no
 * cooperative schema is touched.
 */
@Injectable()
export class OverviewRepository {
  async page(em: EntityManager, filters: OverviewFilters, limit: number, offset: number): Promise<OverviewRow[]> {
    const { where, params } = this.where(filters);
    const order = filters.sort === 'name' ? 'lower(name), slug' : 'risk_rank';
    return em.execute<OverviewRow[]>(
      `select * from (
         select c.id, c.slug, c.name, c.status, c.currency,
                t.contributions, t.loans_disbursed, t.repayments, t.penalties, t.expenses, t.income, t.adjustments,
                t.cash, t.movements, to_char(t.last_movement_on, 'YYYY-MM-DD') as last_movement_on,
                to_char(s.as_of, 'YYYY-MM-DD') as as_of, s.refreshed_at, s.members_active, s.members_suspended,
                s.members_exited, s.outstanding, s.at_risk_30, s.par30_bp, s.active_loans, s.late_loans,
                s.open_cases_low, s.open_cases_medium, s.open_cases_high, s.open_cases_critical,
                s.late_dues, s.members_late, s.late_dues_amount,
                row_number() over (order by coalesce(s.par30_bp, 0) desc, coalesce(s.open_cases_critical, 0) desc,
                                            coalesce(s.late_dues, 0) desc, lower(c.name), c.slug) as risk_rank,
                count(*) over () as total
           from federation.cooperatives c
           left join federation.cooperative_totals t on t.cooperative_id = c.id
           left join federation.cooperative_standing s on s.cooperative_id = c.id
          where ${where}
       ) listed
       order by ${order} limit ? offset ?`,
      [...params, limit, offset],
    );
  }

  /** Sums per currency of every cooperative the filters keep (not only the page). */
  async byCurrency(em: EntityManager, filters: OverviewFilters): Promise<CurrencyRow[]> {
    const { where, params } = this.where(filters);
    return em.execute<CurrencyRow[]>(
      `select c.currency, count(*) as cooperatives,
              ${SUMMED.map((column) => `coalesce(sum(${column}), 0) as ${column}`).join(', ')}
         from federation.cooperatives c
         left join federation.cooperative_totals t on t.cooperative_id = c.id
         left join federation.cooperative_standing s on s.cooperative_id = c.id
        where ${where}
        group by c.currency order by c.currency`,
      params,
    );
  }

  private where(filters: OverviewFilters): { where: string; params: unknown[] } {
    // Cooperatives still being provisioned have no books yet.
    const clauses = [`c.status in ('active', 'suspended')`];
    const params: unknown[] = [];
    if (filters.status) {
      clauses.push('c.status = ?');
      params.push(filters.status);
    }
    if (filters.q) {
      const like = `%${filters.q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
      clauses.push('(c.name ilike ? or c.slug ilike ?)');
      params.push(like, like);
    }
    return { where: clauses.join(' and '), params };
  }
}
