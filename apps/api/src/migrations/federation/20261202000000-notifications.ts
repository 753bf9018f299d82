import { Migration } from '@mikro-orm/migrations';

/**
 * Notifications live in each cooperative's schema; what is per user across
 * cooperatives lives here: the user's notification sequence (one counter row,
 * locked by the relay, so a user's notifications get increasing numbers in
 * commit order and `?after=<seq>` never skips one) and the cooperatives the
 * user has notifications in (federation staff have no membership there).
 *
 * The triggers tell every API process, over LISTEN/NOTIFY, that a session
 * ended or someone's access changed, so their open sockets are dropped or
 * moved to the right rooms at once, whichever code path made the change.
 */
export class FederationNotifications20261202000000 extends Migration {
  override up(): void {
    this.addSql(`
      create table notification_counters (
        user_id uuid primary key references users (id),
        last_seq bigint not null
      )`);
    this.addSql(`
      create table notification_inboxes (
        user_id uuid not null references users (id),
        cooperative_id uuid not null references cooperatives (id),
        primary key (user_id, cooperative_id)
      )`);
    this.addSql(`
      create function notify_access_change() returns trigger language plpgsql as $fn$
      begin
        if tg_table_name = 'sessions' then
          perform pg_notify('kotizo_access', 'session:' || new.id);
        elsif tg_table_name = 'users' then
          perform pg_notify('kotizo_access', 'user:' || new.id);
        elsif tg_table_name = 'memberships' then
          perform pg_notify('kotizo_access', 'user:' || coalesce(new.user_id, old.user_id));
        elsif tg_table_name = 'cooperatives' then
          perform pg_notify('kotizo_access', 'cooperative:' || new.id);
        end if;
        return null;
      end $fn$`);
    this.addSql(`create trigger sessions_access_change after update of revoked_at on sessions
                   for each row when (new.revoked_at is not null and old.revoked_at is null)
                   execute function notify_access_change()`);
    this.addSql(`create trigger users_access_change after update of active on users
                   for each row when (new.active is distinct from old.active)
                   execute function notify_access_change()`);
    this.addSql(`create trigger memberships_access_change after insert or update or delete on memberships
                   for each row execute function notify_access_change()`);
    this.addSql(`create trigger cooperatives_access_change after update of status on cooperatives
                   for each row when (new.status is distinct from old.status)
                   execute function notify_access_change()`);
  }
}
