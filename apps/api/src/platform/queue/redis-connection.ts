import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { Redis } from 'ioredis';
import { ENV } from '../config/config.module.js';
import type { Env } from '../config/env.schema.js';

/** One Redis client for health checks and small commands; BullMQ opens its own. */
@Injectable()
export class RedisConnection implements OnApplicationShutdown {
  readonly client: Redis;

  constructor(@Inject(ENV) env: Env) {
    this.client = new Redis(env.REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1, enableOfflineQueue: false });
    this.client.on('error', () => undefined); // surfaced by ping() and the health check
  }

  async ping(): Promise<string> {
    if (this.client.status === 'wait' || this.client.status === 'end') await this.client.connect();
    return this.client.ping();
  }

  async onApplicationShutdown(): Promise<void> {
    this.client.disconnect();
  }
}
