import { Injectable } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/postgresql';
import type {
  ListNotificationsQuery,
  NotificationData,
  NotificationKind,
  NotificationResponse,
} from '@kotizo/contracts';
import { bulkInsert } from '../../platform/database/bulk-insert.js';
import { isoTimestamp } from '../../platform/database/timestamps.js';
import { uuid7 } from '../../platform/database/uuid7.js';
import type { TenantContext } from '../../platform/tenancy/tenant-context.js';
import type { PlannedNotification } from './event-fanout.js';

interface NotificationRow {
  id: string;
  seq: string;
  kind: NotificationKind;
  data: NotificationData;
  created_at: string;
  read_at: string | null;
}

export function toNotificationResponse(row: NotificationRow, tenant: TenantContext): NotificationResponse {
  return {
    id: row.id,
    seq: Number(row.seq),
    tenant: { cooperativeId: tenant.cooperativeId, slug: tenant.slug },
    kind: row.kind,
    data: row.data,
    createdAt: isoTimestamp(row.created_at),
    readAt: row.read_at ? isoTimestamp(row.read_at) : null,
  };
}

const COLUMNS = 'id, seq, kind, data, created_at, read_at';

/** Stored notifications of one cooperative (its schema is bound by the caller's transaction). */
@Injectable()
export class NotificationsRepository {
  /**
   * Stores notifications with each user's next sequence numbers. The user's
   * counter row stays locked until the relay's transaction commits, so a
   * user's notifications become visible in the order of their numbers, and a
   * client catching up with `after=<seq>` cannot skip one that commits late.
   * Users are locked in id order, so two relays never wait on each other in a cycle.
   */
  async store(
    tx: EntityManager,
    tenant: TenantContext,
    planned: readonly PlannedNotification[],
  ): Promise<NotificationResponse[]> {
    if (planned.length === 0) return [];
    const counts = new Map<string, number>();
    for (const n of planned) counts.set(n.userId, (counts.get(n.userId) ?? 0) + 1);
    const users = [...counts.keys()].sort();
    const counters = await tx.execute<{ user_id: string; last_seq: string }[]>(
      `insert into federation.notification_counters as c (user_id, last_seq)
       values ${users.map(() => '(?, ?)').join(', ')}
       on conflict (user_id) do update set last_seq = c.last_seq + excluded.last_seq
       returning user_id, last_seq`,
      users.flatMap((u) => [u, counts.get(u)]),
    );
    const next = new Map(counters.map((c) => [c.user_id, Number(c.last_seq) - counts.get(c.user_id)! + 1]));
    const now = new Date().toISOString();
    const stored = planned.map((n) => {
      const seq = next.get(n.userId)!;
      next.set(n.userId, seq + 1);
      return { id: uuid7(), userId: n.userId, seq, kind: n.kind, data: n.data, outboxId: n.outboxId };
    });
    await bulkInsert(
      tx,
      'notifications',
      [
        { name: 'id', type: 'uuid' },
        { name: 'user_id', type: 'uuid' },
        { name: 'seq', type: 'bigint' },
        { name: 'kind', type: 'text' },
        { name: 'data', type: 'jsonb' },
        { name: 'outbox_id', type: 'bigint' },
        { name: 'created_at', type: 'timestamptz' },
      ],
      [
        stored.map((n) => n.id),
        stored.map((n) => n.userId),
        stored.map((n) => n.seq),
        stored.map((n) => n.kind),
        stored.map((n) => JSON.stringify(n.data)),
        stored.map((n) => n.outboxId),
        stored.map(() => now),
      ],
    );
    await tx.execute(
      `insert into federation.notification_inboxes (user_id, cooperative_id)
       values ${users.map(() => '(?, ?)').join(', ')} on conflict do nothing`,
      users.flatMap((u) => [u, tenant.cooperativeId]),
    );
    return stored.map((n) => ({
      id: n.id,
      seq: n.seq,
      tenant: { cooperativeId: tenant.cooperativeId, slug: tenant.slug },
      kind: n.kind,
      data: n.data,
      createdAt: now,
      readAt: null,
    }));
  }

  /** Notifications of the rows relayed but not yet pushed (Redis was away), to push them now. */
  async ofOutboxRows(em: EntityManager, tenant: TenantContext, outboxIds: readonly string[]) {
    if (outboxIds.length === 0) return [];
    const rows = await em.execute<(NotificationRow & { user_id: string })[]>(
      `select user_id, ${COLUMNS} from notifications where outbox_id in (?) order by user_id, seq`,
      [outboxIds],
    );
    return rows.map((r) => ({ userId: r.user_id, notification: toNotificationResponse(r, tenant) }));
  }

  /** One page for one user: newest first (before a seq), or everything after a seq, oldest first. */
  async page(
    em: EntityManager,
    tenant: TenantContext,
    userId: string,
    query: ListNotificationsQuery,
  ): Promise<NotificationResponse[]> {
    const where = ['user_id = ?'];
    const params: unknown[] = [userId];
    if (query.after !== undefined) {
      where.push('seq > ?');
      params.push(query.after);
    }
    if (query.before !== undefined) {
      where.push('seq < ?');
      params.push(query.before);
    }
    if (query.unread) where.push('read_at is null');
    const order = query.after !== undefined ? 'asc' : 'desc';
    const rows = await em.execute<NotificationRow[]>(
      `select ${COLUMNS} from notifications where ${where.join(' and ')} order by seq ${order} limit ?`,
      [...params, query.limit + 1],
    );
    return rows.map((r) => toNotificationResponse(r, tenant));
  }

  async unreadCount(em: EntityManager, userId: string): Promise<number> {
    const [row] = await em.execute<{ n: string }[]>(
      'select count(*) as n from notifications where user_id = ? and read_at is null',
      [userId],
    );
    return Number(row?.n ?? 0);
  }

  /** True when the user has this notification here (read now, or already). */
  async markRead(tx: EntityManager, userId: string, id: string): Promise<boolean> {
    const rows = await tx.execute<{ id: string }[]>(
      `update notifications set read_at = coalesce(read_at, now()) where id = ? and user_id = ? returning id`,
      [id, userId],
    );
    return rows.length > 0;
  }

  async markAllRead(tx: EntityManager, userId: string, upToSeq: number | undefined): Promise<number> {
    const rows = await tx.execute<{ id: string }[]>(
      `update notifications set read_at = now()
        where user_id = ? and read_at is null and (?::bigint is null or seq <= ?::bigint) returning id`,
      [userId, upToSeq ?? null, upToSeq ?? null],
    );
    return rows.length;
  }
}
