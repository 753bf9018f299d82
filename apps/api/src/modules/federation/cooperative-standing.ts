import { Injectable } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/postgresql';
import { duePeriods, duesStatus, type IsoDate, localDate, maxIsoDate } from '@kotizo/domain';
import { FederationDatabase } from '../../platform/database/federation-database.js';
import { TenantDatabase } from '../../platform/database/tenant-database.js';
import type { TenantContext } from '../../platform/tenancy/tenant-context.js';
import { DashboardRepository } from '../dashboards/dashboard.repository.js';
import { LoanPositions } from '../dashboards/loan-positions.js';
import { DuesRepository } from '../dues/dues.repository.js';

export interface StandingFigures {
  asOf: IsoDate;
  members: { active: number; suspended: number; exited: number };
  portfolio: {
    outstanding: number;
    atRisk30: number;
    par30BasisPoints: number;
    activeLoans: number;
    lateLoans: number;
  };
  openCases: Record<'low' | 'medium' | 'high' | 'critical', number>;
  lateDues: { periods: number; members: number; amount: number };
}

/**
 * The federation's `cooperative_standing` row of one cooperative: what
 * depends on the day (PAR30, late dues) or lives outside the ledger (members,
 * open cases). Computed in the cooperative's schema with the same code as its
 * dashboard and dues pages, then written to the federation schema. Skipped
 * when nothing it reads has changed since the last run on the same day.
 */
@Injectable()
export class CooperativeStanding {
  constructor(
    private readonly tenants: TenantDatabase,
    private readonly federation: FederationDatabase,
    private readonly positions: LoanPositions,
    private readonly figures: DashboardRepository,
    private readonly dues: DuesRepository,
  ) {}

  async refresh(tenant: TenantContext, now = new Date()): Promise<'refreshed' | 'unchanged'> {
    const today = localDate(now, tenant.timeZone);
    await this.positions.refreshStale(tenant);
    const [stored] = await this.federation
      .em()
      .execute<{ fingerprint: string }[]>(
        'select fingerprint from federation.cooperative_standing where cooperative_id = ?',
        [tenant.cooperativeId],
      );
    // Read first: a change committed after this point shows in the next fingerprint, so it is never lost.
    const result = await this.tenants.read(tenant, async (em) => {
      const fingerprint = `${today}|${await this.fingerprint(em)}`;
      if (stored?.fingerprint === fingerprint) return null;
      return { fingerprint, figures: await this.compute(em, today) };
    });
    if (!result) {
      await this.federation
        .em()
        .execute('update federation.cooperative_standing set checked_at = now() where cooperative_id = ?', [
          tenant.cooperativeId,
        ]);
      return 'unchanged';
    }
    await this.save(tenant.cooperativeId, result.figures, result.fingerprint);
    return 'refreshed';
  }

  async compute(em: EntityManager, today: IsoDate): Promise<StandingFigures> {
    const cases = await this.figures.openCases(em);
    const open = (severity: string) => cases.find((c) => c.severity === severity)?.cases ?? 0;
    return {
      asOf: today,
      members: await this.figures.members(em),
      portfolio: await this.positions.portfolio(em, today),
      openCases: { low: open('low'), medium: open('medium'), high: open('high'), critical: open('critical') },
      lateDues: await this.lateDues(em, today),
    };
  }

  /** Everything the figures depend on, cheaply: the head of the ledger, the last event of each kind, counts. */
  private async fingerprint(em: EntityManager): Promise<string> {
    const [row] = await em.execute<{ f: string }[]>(
      `select concat_ws('|',
                (select seq from ledger_head where id = 1),
                (select max(id) from member_events), (select count(*) from members),
                (select max(id) from loan_events), (select count(*) from loan_positions where stale),
                (select max(updated_at) from cases), (select count(*) from cases),
                (select max(updated_at) from settings), (select count(*) from contribution_overrides),
                (select max(updated_at) from contribution_overrides)) as f`,
    );
    return row!.f;
  }

  /** Late due periods of active members under the contribution plan (none without a plan), as the dues page counts them. */
  private async lateDues(em: EntityManager, today: IsoDate): Promise<StandingFigures['lateDues']> {
    const plan = await this.dues.plan(em);
    const late = { periods: 0, members: 0, amount: 0 };
    if (!plan) return late;
    const contributions = await this.dues.contributions(em);
    for (const m of await this.dues.members(em)) {
      const from = maxIsoDate(plan.startDate, m.joined_on);
      if (from > today) continue;
      const override = m.override_amount === null ? undefined : { amount: Number(m.override_amount) };
      const periods = duePeriods({ ...plan, startDate: from }, from, today, override);
      const paid = (contributions.get(m.id) ?? []).filter((c) => c.date <= today);
      const status = duesStatus(periods, paid, today, plan.graceDays);
      const latePeriods = status.periods.filter((p) => p.status === 'late').length;
      late.periods += latePeriods;
      late.members += latePeriods > 0 ? 1 : 0;
      late.amount += status.amountLate;
    }
    return late;
  }

  private async save(cooperativeId: string, f: StandingFigures, fingerprint: string): Promise<void> {
    const columns = {
      as_of: f.asOf,
      members_active: f.members.active,
      members_suspended: f.members.suspended,
      members_exited: f.members.exited,
      outstanding: f.portfolio.outstanding,
      at_risk_30: f.portfolio.atRisk30,
      par30_bp: f.portfolio.par30BasisPoints,
      active_loans: f.portfolio.activeLoans,
      late_loans: f.portfolio.lateLoans,
      open_cases_low: f.openCases.low,
      open_cases_medium: f.openCases.medium,
      open_cases_high: f.openCases.high,
      open_cases_critical: f.openCases.critical,
      late_dues: f.lateDues.periods,
      members_late: f.lateDues.members,
      late_dues_amount: f.lateDues.amount,
      fingerprint,
    };
    const names = Object.keys(columns);
    await this.federation.em().execute(
      `insert into federation.cooperative_standing (cooperative_id, ${names.join(', ')}, refreshed_at, checked_at)
       values (?, ${names.map(() => '?').join(', ')}, now(), now())
       on conflict (cooperative_id) do update
          set ${names.map((n) => `${n} = excluded.${n}`).join(', ')}, refreshed_at = now(), checked_at = now()`,
      [cooperativeId, ...Object.values(columns)],
    );
  }
}
