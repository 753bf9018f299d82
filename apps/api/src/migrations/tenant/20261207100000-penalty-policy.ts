import { Migration } from '@mikro-orm/migrations';

/**
 * Penalties charged by the cooperative's automatic policy (setting
 * `loans.penaltyPolicy`) go to the same append-only table as those charged
 * by hand, with the period late they cover. One row per installment and
 * period start: a job run twice, or again after a crash, charges nothing
 * twice. Nobody signs such a charge, so its author and its loan event's
 * actor may be empty, and only for a policy charge.
 */
export class TenantPenaltyPolicy20261207100000 extends Migration {
  override up(): void {
    this.addSql(`alter table loan_penalties add column policy_period_start date, add column policy_period_end date`);
    this.addSql(`alter table loan_penalties alter column assessed_by drop not null`);
    this.addSql(`alter table loan_penalties
                   add constraint loan_penalties_policy_period check (
                     (policy_period_start is null) = (policy_period_end is null)
                     and (policy_period_start is null or policy_period_end > policy_period_start)),
                   add constraint loan_penalties_assessed check (assessed_by is not null or policy_period_start is not null)`);
    this.addSql(`create unique index loan_penalties_policy_period_key
                   on loan_penalties (loan_id, installment_number, policy_period_start)
                   where policy_period_start is not null`);
    this.addSql(`alter table loan_events alter column actor_user_id drop not null`);
  }
}
