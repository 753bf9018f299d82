import { Migration } from '@mikro-orm/migrations';

/** Runs with search_path = federation (see MigrationService). */
export class FederationInitial20261125000000 extends Migration {
  override up(): void {
    this.addSql(`
      create table cooperatives (
        id uuid primary key default gen_random_uuid(),
        slug text not null unique,
        name text not null,
        country char(2) not null,
        currency char(3) not null,
        time_zone text not null,
        locale text not null,
        status text not null check (status in ('provisioning', 'active', 'suspended')),
        schema_name text not null unique,
        status_reason text,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        provisioned_at timestamptz
      )`);
    this.addSql(`
      create table users (
        id uuid primary key default gen_random_uuid(),
        email text not null unique check (email = lower(email)),
        name text not null,
        password_hash text not null,
        federation_role text check (federation_role in ('federation_admin', 'federation_auditor')),
        must_change_password boolean not null default false,
        active boolean not null default true,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now()
      )`);
    this.addSql(`
      create table memberships (
        id uuid primary key default gen_random_uuid(),
        user_id uuid not null references users (id),
        cooperative_id uuid not null references cooperatives (id),
        role text not null check (role in ('admin', 'treasurer', 'secretary', 'auditor', 'member')),
        active boolean not null default true,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        unique (user_id, cooperative_id)
      )`);
    this.addSql(`create index memberships_cooperative_idx on memberships (cooperative_id)`);
    this.addSql(`
      create table sessions (
        id uuid primary key default gen_random_uuid(),
        user_id uuid not null references users (id),
        created_at timestamptz not null default now(),
        expires_at timestamptz not null,
        revoked_at timestamptz,
        revoked_reason text
      )`);
    this.addSql(`create index sessions_user_idx on sessions (user_id)`);
    this.addSql(`
      create table refresh_tokens (
        id uuid primary key default gen_random_uuid(),
        session_id uuid not null references sessions (id),
        token_hash text not null unique,
        created_at timestamptz not null default now(),
        used_at timestamptz
      )`);
    this.addSql(`create index refresh_tokens_session_idx on refresh_tokens (session_id)`);
    this.addSql(`
      create table audit_log (
        id bigint generated always as identity primary key,
        at timestamptz not null default now(),
        actor_user_id uuid,
        cooperative_id uuid,
        action text not null,
        target text,
        details jsonb not null default '{}',
        request_id text
      )`);
    this.addSql(`create index audit_log_cooperative_idx on audit_log (cooperative_id, at)`);
  }
}
