import { Migration } from '@mikro-orm/migrations';

/** Members who contribute another amount than the plan's (the plan itself is a setting). */
export class TenantContributionOverrides20261125120000 extends Migration {
  override up(): void {
    this.addSql(`
      create table contribution_overrides (
        member_id uuid primary key references members (id),
        amount bigint not null check (amount > 0),
        updated_at timestamptz not null default now()
      )`);
  }
}
