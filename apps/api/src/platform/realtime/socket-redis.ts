import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { createAdapter } from '@socket.io/redis-adapter';
import { Redis } from 'ioredis';
import { ENV } from '../config/config.module.js';
import type { Env } from '../config/env.schema.js';

const QUIT_WAIT_MS = 1_000;

/**
 * The two Redis connections of the socket.io Redis adapter (one publishes, one
 * is subscribed), shared by the API's socket server and the worker's emitter.
 *
 * Redis may go away for a while: commands wait for it (no error to leak from
 * the adapter's unawaited publishes), `ready` tells callers whether an emit
 * would go out now, and listeners learn when the connection comes back, so
 * what was held back can be sent and clients told to catch up.
 */
@Injectable()
export class SocketRedis implements OnApplicationShutdown {
  private readonly logger = new Logger(SocketRedis.name);
  readonly pub: Redis;
  readonly sub: Redis;
  /** Channel prefix of the adapter, under the stack's own Redis prefix. */
  readonly key: string;
  private readonly reconnectListeners = new Set<() => void>();
  private lostAt: number | null = null;
  private readyOnce = false;

  constructor(@Inject(ENV) env: Env) {
    this.key = `${env.REDIS_PREFIX}:socket.io`;
    const options = { maxRetriesPerRequest: null, enableOfflineQueue: true, connectionName: 'kotizo-sockets' };
    this.pub = new Redis(env.REDIS_URL, options);
    this.sub = new Redis(env.REDIS_URL, options);
    for (const client of [this.pub, this.sub]) {
      client.on('error', () => undefined); // reported once below, not per retry
      client.on('close', () => this.lost());
      client.on('ready', () => this.back());
    }
  }

  /** True when an emit now reaches Redis (and so every API process). */
  get ready(): boolean {
    return this.pub.status === 'ready' && this.sub.status === 'ready';
  }

  /** `listener` runs each time both connections are back after an outage (not at the first connection). */
  onReconnect(listener: () => void): () => void {
    this.reconnectListeners.add(listener);
    return () => this.reconnectListeners.delete(listener);
  }

  adapter(): ReturnType<typeof createAdapter> {
    return createAdapter(this.pub, this.sub, { key: this.key });
  }

  /** QUIT when connected (replies still due are received first), otherwise just stop reconnecting. */
  async onApplicationShutdown(): Promise<void> {
    this.reconnectListeners.clear();
    await Promise.all(
      [this.pub, this.sub].map(async (client) => {
        if (client.status !== 'ready') return client.disconnect();
        let timer: NodeJS.Timeout | undefined;
        await Promise.race([
          client.quit().catch(() => undefined),
          new Promise((resolve) => (timer = setTimeout(resolve, QUIT_WAIT_MS))),
        ]);
        clearTimeout(timer);
        client.disconnect();
      }),
    );
  }

  private lost(): void {
    if (this.lostAt !== null || !this.readyOnce) return;
    this.lostAt = Date.now();
    this.logger.warn('Redis connection lost: live events are held back until it returns');
  }

  private back(): void {
    if (!this.ready) return;
    if (!this.readyOnce) {
      this.readyOnce = true;
      return;
    }
    if (this.lostAt === null) return;
    this.logger.log({ downMs: Date.now() - this.lostAt }, 'Redis is back: sending live events again');
    this.lostAt = null;
    for (const listener of this.reconnectListeners) listener();
  }
}
