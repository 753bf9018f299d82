import { Migration } from '@mikro-orm/migrations';

/**
 * Members and the append-only, hash-chained ledger. Runs once per cooperative
 * schema with search_path set to it.
 */
export class TenantMembersLedger20261125100000 extends Migration {
  override up(): void {
    this.addSql(`create sequence member_number_seq`);
    this.addSql(`
      create table members (
        id uuid primary key default gen_random_uuid(),
        number integer not null unique default nextval('member_number_seq'),
        full_name text not null,
        phone text not null,
        national_id text,
        joined_on date not null,
        status text not null default 'active' check (status in ('active', 'suspended', 'exited')),
        status_reason text,
        user_id uuid,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now()
      )`);
    this.addSql(`alter sequence member_number_seq owned by members.number`);
    this.addSql(`create index members_name_idx on members (lower(full_name))`);
    this.addSql(`create index members_status_idx on members (status)`);
    this.addSql(`
      create table member_events (
        id bigint generated always as identity primary key,
        member_id uuid not null references members (id),
        at timestamptz not null default now(),
        actor_user_id uuid not null,
        action text not null,
        changes jsonb not null default '{}',
        reason text
      )`);
    this.addSql(`create index member_events_member_idx on member_events (member_id, id)`);

    // The head of the chain: locked by every append, so entries get gapless sequence numbers.
    this.addSql(`
      create table ledger_head (
        id smallint primary key check (id = 1),
        seq bigint not null,
        hash text not null
      )`);
    this.addSql(`insert into ledger_head (id, seq, hash) values (1, 0, repeat('0', 64))`);
    this.addSql(`
      create table transactions (
        id uuid primary key default gen_random_uuid(),
        seq bigint not null unique,
        kind text not null check (kind in ('contribution', 'loan_disbursement', 'repayment', 'penalty',
                                           'expense', 'income', 'adjustment', 'reversal')),
        direction smallint not null check (direction in (-1, 1)),
        amount bigint not null check (amount > 0),
        currency char(3) not null,
        member_id uuid references members (id),
        loan_id uuid,
        category text,
        channel text not null check (channel in ('cash', 'mobile_money', 'bank')),
        external_ref text,
        memo text,
        occurred_on date not null,
        recorded_by uuid not null,
        recorded_at timestamptz not null default now(),
        reverses_id uuid unique references transactions (id),
        reason text,
        prev_hash text not null,
        hash text not null
      )`);
    this.addSql(`create index transactions_member_idx on transactions (member_id, occurred_on)`);
    this.addSql(`create index transactions_occurred_idx on transactions (occurred_on, seq)`);
    this.addSql(
      `create index transactions_external_ref_idx on transactions (external_ref) where external_ref is not null`,
    );
    // History cannot be rewritten by the application: no UPDATE, DELETE or TRUNCATE.
    this.addSql(`
      create function refuse_ledger_change() returns trigger language plpgsql as $$
      begin
        raise exception 'the ledger is append-only: % on % refused', tg_op, tg_table_name
          using errcode = 'KZ001', hint = 'record a reversal instead';
      end $$`);
    this.addSql(`create trigger transactions_append_only before update or delete on transactions
                   for each row execute function refuse_ledger_change()`);
    this.addSql(`create trigger transactions_no_truncate before truncate on transactions
                   for each statement execute function refuse_ledger_change()`);
    this.addSql(`create trigger member_events_append_only before update or delete on member_events
                   for each row execute function refuse_ledger_change()`);

    // Replays of writes sent with an Idempotency-Key, stored with the write itself.
    this.addSql(`
      create table idempotency_keys (
        key text primary key,
        request_hash text not null,
        status integer not null,
        body jsonb not null,
        created_at timestamptz not null default now()
      )`);
  }
}
