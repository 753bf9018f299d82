import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { type NotificationResponse, SOCKET_EVENTS } from '@kotizo/contracts';
import { ENV } from '../../platform/config/config.module.js';
import type { Env } from '../../platform/config/env.schema.js';
import { FederationDatabase } from '../../platform/database/federation-database.js';
import { PgListener } from '../../platform/database/pg-listener.js';
import { TenantDatabase } from '../../platform/database/tenant-database.js';
import { RealtimePublisher } from '../../platform/realtime/realtime-publisher.js';
import { Rooms } from '../../platform/realtime/rooms.js';
import { SocketRedis } from '../../platform/realtime/socket-redis.js';
import type { TenantContext } from '../../platform/tenancy/tenant-context.js';
import { EventFanout, type PlannedBroadcast } from './event-fanout.js';
import { NotificationsRepository } from './notifications.repository.js';
import type { OutboxRow } from './outbox-row.js';

/** NOTIFY channel of the outbox trigger; the payload is the cooperative's schema. */
export const OUTBOX_CHANNEL = 'kotizo_outbox';
/** Rows relayed per transaction. */
const BATCH = 500;
/** Cooperatives relayed at once by one worker (each holds a database connection). */
const CONCURRENCY = 4;
/** The safety net: cooperatives with rows left behind (no worker was listening, Redis was away). */
const SWEEP_MS = 5_000;
/** A row relayed this recently may still be being pushed by the worker that relayed it. */
const PUBLISH_GRACE_SECONDS = 2;
/** A row that fails this many times is set aside (kept, with its error) instead of blocking the others. */
const MAX_ATTEMPTS = 5;
const SWEEP_CHUNK = 100;
const SCHEMA_NAME = /^coop_[a-z0-9_]{1,58}$/;

interface TenantRow {
  id: string;
  slug: string;
  schema_name: string;
  currency: string;
  time_zone: string;
  locale: string;
}

interface Relayed {
  ids: string[];
  /** Whether the rows were stored already marked as pushed. */
  marked: boolean;
  notifications: { userId: string; notification: NotificationResponse }[];
  broadcasts: PlannedBroadcast[];
}

/**
 * Turns outbox rows into stored notifications and live events, in the worker.
 *
 * - Woken by the outbox trigger's NOTIFY at the writer's commit (a dedicated
 *   LISTEN connection), and every few seconds by a sweep for anything left.
 * - Two steps per batch: store (notifications + `relayed_at`, one transaction,
 *   rows taken with `for update skip locked` so several workers share the
 *   work), then push through the socket.io Redis adapter and set
 *   `published_at`. With Redis away the first step still runs (nothing is
 *   lost, clients catching up find everything); the push happens when Redis
 *   returns. A client may get an event twice; it has an id.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(OutboxRelay.name);
  private readonly listener: PgListener;
  private readonly tenants = new Map<string, TenantContext>();
  private readonly queued: string[] = [];
  private readonly running = new Set<string>();
  private readonly dirty = new Set<string>();
  /** Cooperatives whose rows left unpushed (Redis was away) should be looked for at their next relay. */
  private readonly recheck = new Set<string>();
  private sweepTimer: NodeJS.Timeout | null = null;
  private stopReconnectWatch: (() => void) | null = null;
  private stopped = false;
  private idle: Promise<void> = Promise.resolve();
  private settle: (() => void) | null = null;

  constructor(
    @Inject(ENV) env: Env,
    private readonly db: TenantDatabase,
    private readonly federation: FederationDatabase,
    private readonly fanout: EventFanout,
    private readonly notifications: NotificationsRepository,
    private readonly publisher: RealtimePublisher,
    private readonly redis: SocketRedis,
  ) {
    this.listener = new PgListener({
      url: env.DATABASE_URL,
      channels: [OUTBOX_CHANNEL],
      name: 'OutboxListener',
      onNotify: (_, schema) => this.wake(schema, false),
      onConnect: () => void this.sweep(),
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.listener.start();
    this.stopReconnectWatch = this.redis.onReconnect(() => void this.sweep());
    this.sweepTimer = setInterval(() => void this.sweep(), SWEEP_MS);
    this.sweepTimer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.sweepTimer) clearInterval(this.sweepTimer);
    this.stopReconnectWatch?.();
    await this.listener.stop();
    await this.idle;
  }

  /**
   * Relays a cooperative's outbox soon; coalesces with a relay of it already running. A NOTIFY
   * only needs the new rows relayed; a sweep also pushes rows left unpushed.
   */
  wake(schema: string, unpushedToo = true): void {
    if (this.stopped) return;
    if (unpushedToo) this.recheck.add(schema);
    if (this.running.has(schema)) {
      this.dirty.add(schema);
      return;
    }
    if (!this.queued.includes(schema)) this.queued.push(schema);
    this.pump();
  }

  /** Finds cooperatives with rows not yet relayed or pushed, and wakes their relay. */
  async sweep(): Promise<void> {
    if (this.stopped) return;
    try {
      const tenants = await this.loadTenants();
      for (let start = 0; start < tenants.length; start += SWEEP_CHUNK) {
        const chunk = tenants.slice(start, start + SWEEP_CHUNK);
        const pending = await this.federation
          .em()
          .execute<{ schema: string }[]>(
            chunk
              .map(
                (t) =>
                  `select '${t.schema}' as schema where exists (select 1 from "${t.schema}".outbox where published_at is null)`,
              )
              .join(' union all '),
          );
        for (const row of pending) this.wake(row.schema, true);
      }
    } catch (error) {
      this.logger.error({ err: error }, 'outbox sweep failed');
    }
  }

  /** Relays and pushes what is pending in one cooperative (with `unpushedToo`, rows Redis kept from going out). */
  async relay(tenant: TenantContext, unpushedToo = true): Promise<number> {
    let relayed = unpushedToo ? await this.republish(tenant) : 0;
    for (;;) {
      const batch = await this.storeBatch(tenant);
      if (!batch) return relayed;
      relayed += batch.ids.length;
      await this.publish(tenant, batch);
      if (batch.ids.length < BATCH) return relayed;
    }
  }

  private pump(): void {
    while (this.running.size < CONCURRENCY && this.queued.length > 0) {
      const schema = this.queued.shift()!;
      this.running.add(schema);
      if (this.running.size === 1) this.idle = new Promise((resolve) => (this.settle = resolve));
      void this.run(schema).finally(() => {
        this.running.delete(schema);
        if (this.dirty.delete(schema)) this.wake(schema, false);
        if (this.running.size === 0) this.settle?.();
        this.pump();
      });
    }
  }

  private async run(schema: string): Promise<void> {
    try {
      const tenant = await this.tenantFor(schema);
      if (tenant) await this.relay(tenant, this.recheck.delete(schema));
    } catch (error) {
      this.logger.error({ err: error, schema }, 'outbox relay failed; retried at the next sweep');
    }
  }

  /** Takes a batch of rows not yet relayed and stores their notifications; a failing batch is retried row by row. */
  private async storeBatch(tenant: TenantContext): Promise<Relayed | null> {
    try {
      return await this.store(tenant, null);
    } catch (error) {
      if (!(error instanceof BatchFailure)) throw error;
      this.logger.warn({ err: error.cause, tenant: tenant.slug }, 'outbox batch failed; relaying its rows one by one');
      const merged: Relayed = { ids: [], marked: false, notifications: [], broadcasts: [] };
      for (const id of error.ids) {
        try {
          const one = await this.store(tenant, id);
          if (!one) continue;
          merged.ids.push(...one.ids);
          merged.marked ||= one.marked;
          merged.notifications.push(...one.notifications);
          merged.broadcasts.push(...one.broadcasts);
        } catch (rowError) {
          await this.setAsideIfHopeless(tenant, id, rowError instanceof BatchFailure ? rowError.cause : rowError);
        }
      }
      return merged.ids.length > 0 ? merged : null;
    }
  }

  /** One transaction: rows (all pending ones, or the one given) locked, notifications stored, rows marked. */
  private store(tenant: TenantContext, onlyId: string | null): Promise<Relayed | null> {
    return this.db.transactional(tenant, async (tx) => {
      const rows = await tx.execute<OutboxRow[]>(
        `select id, event, payload from outbox where relayed_at is null and attempts < ?
            ${onlyId ? 'and id = ?' : ''} order by id limit ? for update skip locked`,
        onlyId ? [MAX_ATTEMPTS, onlyId, 1] : [MAX_ATTEMPTS, BATCH],
      );
      if (rows.length === 0) return null;
      const ids = rows.map((r) => r.id);
      try {
        const fanout = await this.fanout.plan(tx, tenant, rows);
        const stored = await this.notifications.store(tx, tenant, fanout.notifications);
        // Marked pushed already when Redis is there (saves a transaction per batch); undone if the push fails.
        const marked = this.publisher.ready;
        await tx.execute(
          `update outbox set relayed_at = now(), published_at = case when ? then now() end where id in (?)`,
          [marked, ids],
        );
        return {
          ids,
          marked,
          notifications: stored.map((notification, i) => ({ userId: fanout.notifications[i]!.userId, notification })),
          broadcasts: fanout.broadcasts,
        };
      } catch (error) {
        throw new BatchFailure(ids, error);
      }
    });
  }

  /** Counts a failure against a row; after MAX_ATTEMPTS it is set aside (kept with its error, no longer tried). */
  private async setAsideIfHopeless(tenant: TenantContext, id: string, error: unknown): Promise<void> {
    this.logger.error({ err: error, tenant: tenant.slug, outboxId: id }, 'outbox row failed');
    await this.db.transactional(tenant, (tx) =>
      tx.execute(
        `update outbox set attempts = attempts + 1, last_error = ?,
                published_at = case when attempts + 1 >= ? then now() end
          where id = ?`,
        [String((error as Error)?.message ?? error).slice(0, 500), MAX_ATTEMPTS, id],
      ),
    );
  }

  /**
   * Pushes what was stored. When Redis is away nothing goes out and the rows are left (or put
   * back) as not pushed: the sweep that follows Redis' return pushes them.
   */
  private async publish(tenant: TenantContext, batch: Relayed): Promise<boolean> {
    let sent = this.publisher.ready;
    for (const { userId, notification } of batch.notifications) {
      sent = sent && this.publisher.emit(Rooms.user(userId), SOCKET_EVENTS.notification, notification);
    }
    for (const b of batch.broadcasts) sent = sent && this.publisher.emit(b.rooms, b.event, b.payload);
    if (sent === batch.marked) return sent;
    await this.db.transactional(tenant, (tx) =>
      tx.execute(`update outbox set published_at = ${sent ? 'now()' : 'null'} where id in (?)`, [batch.ids]),
    );
    if (!sent) this.recheck.add(tenant.schema);
    return sent;
  }

  /** Rows stored a while ago but never pushed (Redis was away): pushes them now. */
  private async republish(tenant: TenantContext): Promise<number> {
    if (!this.publisher.ready) return 0;
    const batch = await this.db.read(tenant, async (em) => {
      const rows = await em.execute<OutboxRow[]>(
        `select id, event, payload from outbox
          where published_at is null and relayed_at < now() - make_interval(secs => ?)
          order by id limit ?`,
        [PUBLISH_GRACE_SECONDS, BATCH],
      );
      if (rows.length === 0) return null;
      const ids = rows.map((r) => r.id);
      return {
        ids,
        marked: false,
        notifications: await this.notifications.ofOutboxRows(em, tenant, ids),
        broadcasts: this.fanout.broadcasts(tenant, rows),
      };
    });
    if (!batch) return 0;
    await this.publish(tenant, batch);
    return batch.ids.length;
  }

  private async tenantFor(schema: string): Promise<TenantContext | undefined> {
    if (!this.tenants.has(schema)) await this.loadTenants();
    return this.tenants.get(schema);
  }

  /** Cooperatives by schema (provisioned ones: a suspended cooperative's notifications still go out). */
  private async loadTenants(): Promise<TenantContext[]> {
    const rows = await this.federation.em().execute<TenantRow[]>(
      `select id, slug, schema_name, currency, time_zone, locale from federation.cooperatives
          where status <> 'provisioning' order by slug`,
    );
    this.tenants.clear();
    // The sweep names schemas in its SQL: only ever the registry's, and only well-formed ones.
    for (const r of rows.filter((row) => SCHEMA_NAME.test(row.schema_name))) {
      this.tenants.set(r.schema_name, {
        cooperativeId: r.id,
        slug: r.slug,
        schema: r.schema_name,
        currency: r.currency.trim(),
        timeZone: r.time_zone,
        locale: r.locale,
      });
    }
    return [...this.tenants.values()];
  }
}

class BatchFailure extends Error {
  constructor(
    readonly ids: string[],
    override readonly cause: unknown,
  ) {
    super(`outbox rows ${ids.join(', ')} failed: ${(cause as Error)?.message ?? String(cause)}`);
  }
}
