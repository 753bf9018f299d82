import { Migration } from '@mikro-orm/migrations';

/**
 * Releases of the audit rule packs. The packs shipped in `rules/` are
 * published here at start; the federation publishes updates, which each
 * cooperative reviews and adopts into its own rule set.
 */
export class FederationRulePacks20261126000000 extends Migration {
  override up(): void {
    this.addSql(`
      create table rule_pack_releases (
        pack text not null,
        version text not null,
        rule_set jsonb not null,
        published_by uuid,
        published_at timestamptz not null default now(),
        primary key (pack, version)
      )`);
  }
}
