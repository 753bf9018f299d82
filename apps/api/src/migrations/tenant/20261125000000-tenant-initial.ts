import { Migration } from '@mikro-orm/migrations';

/** Runs once per cooperative with search_path = coop_<slug>: write unqualified names. */
export class TenantInitial20261125000000 extends Migration {
  override up(): void {
    this.addSql(`
      create table settings (
        key text primary key,
        value jsonb not null,
        updated_at timestamptz not null default now()
      )`);
  }
}
