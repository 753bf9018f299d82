import { Migration } from '@mikro-orm/migrations';

/** Uploaded files waiting for preview and commit, and the record of what each import added. */
export class TenantImports20261125130000 extends Migration {
  override up(): void {
    this.addSql(`
      create table imports (
        id uuid primary key default gen_random_uuid(),
        file_name text,
        sha256 text not null,
        size integer not null,
        content bytea,
        status text not null default 'uploaded' check (status in ('uploaded', 'committed')),
        mapping jsonb,
        uploaded_by uuid not null,
        uploaded_at timestamptz not null default now(),
        committed_by uuid,
        committed_at timestamptz,
        imported integer,
        skipped integer
      )`);
    this.addSql(`create index imports_committed_sha_idx on imports (sha256) where status = 'committed'`);
  }
}
