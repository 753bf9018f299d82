import { Migration } from '@mikro-orm/migrations';

/**
 * Investigations of cases by the agent, as the console follows them (the
 * graph's own state is checkpointed by LangGraph in the `agent` schema), the
 * cooperative's AI token usage per month, against its budget, and the
 * assistant's threads.
 */
export class TenantInvestigations20261126200000 extends Migration {
  override up(): void {
    this.addSql(`
      create table investigations (
        id uuid primary key,
        case_id uuid not null references cases (id),
        status text not null default 'queued'
          check (status in ('queued', 'running', 'awaiting_review', 'confirmed', 'dismissed', 'degraded')),
        locale text not null check (locale in ('fr', 'en')),
        requested_by uuid not null,
        requested_role text not null,
        mode text not null,
        model text not null,
        steps jsonb not null default '[]',
        report jsonb,
        decision jsonb,
        follow_ups jsonb not null default '[]',
        input_tokens integer not null default 0,
        output_tokens integer not null default 0,
        duration_ms integer not null default 0,
        error jsonb,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now()
      )`);
    this.addSql(`create index investigations_case_idx on investigations (case_id, created_at desc)`);
    this.addSql(`
      create table ai_usage (
        id bigint generated always as identity primary key,
        month text not null,
        model text not null,
        purpose text not null,
        input_tokens integer not null,
        output_tokens integer not null,
        at timestamptz not null default now()
      )`);
    this.addSql(`create index ai_usage_month_idx on ai_usage (month)`);
    // The assistant's threads, listed per user; their turns live in LangGraph's checkpoints.
    this.addSql(`
      create table assistant_threads (
        id uuid primary key,
        owner_id uuid not null,
        title text not null,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now()
      )`);
    this.addSql(`create index assistant_threads_owner_idx on assistant_threads (owner_id, updated_at desc)`);
  }
}
