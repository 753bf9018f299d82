import { Migration } from '@mikro-orm/migrations';

/**
 * The outbox, stored notifications, messages between members and the office,
 * and what the reminder job has sent. See apps/api/src/modules/notifications/README.md.
 */
export class TenantNotifications20261202000000 extends Migration {
  override up(): void {
    // Domain events, written in the transaction of the change they describe; a worker relays them.
    this.addSql(`
      create table outbox (
        id bigint generated always as identity primary key,
        event text not null,
        payload jsonb not null,
        created_at timestamptz not null default now(),
        relayed_at timestamptz,
        published_at timestamptz,
        attempts integer not null default 0,
        last_error text
      )`);
    this.addSql(`create index outbox_unrelayed_idx on outbox (id) where relayed_at is null`);
    this.addSql(`create index outbox_unpublished_idx on outbox (id) where published_at is null`);
    // Wakes the relay when the writing transaction commits (NOTIFY is transactional): no polling, no Redis.
    this.addSql(`
      create function notify_outbox() returns trigger language plpgsql set search_path from current as $fn$
      begin
        perform pg_notify('kotizo_outbox', current_schema());
        return null;
      end $fn$`);
    this.addSql(`create trigger outbox_notify after insert on outbox
                   for each statement execute function notify_outbox()`);

    this.addSql(`
      create table notifications (
        id uuid primary key,
        user_id uuid not null,
        seq bigint not null,
        kind text not null,
        data jsonb not null default '{}',
        outbox_id bigint references outbox (id) on delete set null,
        created_at timestamptz not null default now(),
        read_at timestamptz
      )`);
    this.addSql(`create unique index notifications_user_seq_idx on notifications (user_id, seq)`);
    this.addSql(`create index notifications_unread_idx on notifications (user_id, seq) where read_at is null`);
    this.addSql(`create index notifications_outbox_idx on notifications (outbox_id)`);

    this.addSql(`
      create table message_threads (
        id uuid primary key,
        subject text not null,
        created_by uuid not null,
        created_at timestamptz not null default now(),
        last_message_at timestamptz not null default now()
      )`);
    this.addSql(`
      create table thread_participants (
        thread_id uuid not null references message_threads (id),
        user_id uuid not null,
        last_read_seq bigint not null default 0,
        primary key (thread_id, user_id)
      )`);
    this.addSql(`create index thread_participants_user_idx on thread_participants (user_id)`);
    this.addSql(`
      create table messages (
        id uuid primary key,
        seq bigint generated always as identity unique,
        thread_id uuid not null references message_threads (id),
        author_id uuid not null,
        body text not null check (length(body) between 1 and 4000),
        created_at timestamptz not null default now()
      )`);
    this.addSql(`create index messages_thread_idx on messages (thread_id, seq)`);

    // One row per reminder ever decided, so a job run twice (or by two workers) sends nothing twice.
    this.addSql(`
      create table reminders_sent (
        kind text not null,
        member_id uuid not null references members (id),
        ref text not null,
        due_on date not null,
        amount bigint not null,
        decided_on date not null,
        channels_sent_at timestamptz,
        primary key (kind, member_id, ref)
      )`);
    this.addSql(`create index reminders_unsent_idx on reminders_sent (member_id) where channels_sent_at is null`);
    // What the development channel adapter "sent" (no real SMS or e-mail provider is needed to run).
    this.addSql(`
      create table channel_deliveries (
        id bigint generated always as identity primary key,
        channel text not null check (channel in ('email', 'sms')),
        recipient text not null,
        subject text,
        body text not null,
        kind text not null,
        member_id uuid,
        created_at timestamptz not null default now()
      )`);
    this.addSql(`insert into settings (key, value) values ('reminders.daysBefore', '3'), ('reminders.sendAt', '"08:00"')
                 on conflict (key) do nothing`);
  }
}
