import { Migration } from '@mikro-orm/migrations';

/**
 * What the federation overview reads, one row per cooperative in each table,
 * so that it never joins cooperative schemas in a request:
 * - cooperative_totals: money since the first movement, kept by a trigger on
 *   each cooperative's ledger in the same transaction as the movement;
 * - cooperative_standing: figures that depend on the day (portfolio at risk,
 *   late dues) or on other tables (members, open cases), refreshed by a worker
 *   job. Two tables so that a long import, which holds its totals row until it
 *   commits, never holds up the job.
 */
export class FederationCooperativeSummaries20261201000000 extends Migration {
  override up(): void {
    this.addSql(`
      create table cooperative_totals (
        cooperative_id uuid primary key references cooperatives (id),
        contributions bigint not null default 0,
        loans_disbursed bigint not null default 0,
        repayments bigint not null default 0,
        penalties bigint not null default 0,
        expenses bigint not null default 0,
        income bigint not null default 0,
        adjustments bigint not null default 0,
        cash bigint not null default 0,
        movements bigint not null default 0,
        last_movement_on date,
        updated_at timestamptz not null default now()
      )`);
    this.addSql(`
      create table cooperative_standing (
        cooperative_id uuid primary key references cooperatives (id),
        as_of date not null,
        members_active integer not null,
        members_suspended integer not null,
        members_exited integer not null,
        outstanding bigint not null,
        at_risk_30 bigint not null,
        par30_bp integer not null,
        active_loans integer not null,
        late_loans integer not null,
        open_cases_low integer not null,
        open_cases_medium integer not null,
        open_cases_high integer not null,
        open_cases_critical integer not null,
        late_dues integer not null,
        members_late integer not null,
        late_dues_amount bigint not null,
        fingerprint text not null,
        refreshed_at timestamptz not null default now(),
        checked_at timestamptz not null default now()
      )`);
  }
}
