import { Logger, type OnModuleDestroy } from '@nestjs/common';
import { ThrottlerStorageService, type ThrottlerStorage } from '@nestjs/throttler';
import { ThrottlerStorageRedisService } from '@nest-lab/throttler-storage-redis';

type Record = Awaited<ReturnType<ThrottlerStorage['increment']>>;

/**
 * Counts hits in Redis so that every API process shares one limit, and falls
 * back to a per-process count while Redis is away: an outage of Redis must
 * not stop people from signing in or recording money.
 */
export class ResilientThrottlerStorage implements ThrottlerStorage, OnModuleDestroy {
  private readonly logger = new Logger(ResilientThrottlerStorage.name);
  private readonly shared: ThrottlerStorageRedisService;
  private readonly local = new ThrottlerStorageService();
  private degraded = false;

  constructor(redisUrl: string, keyPrefix: string) {
    this.shared = new ThrottlerStorageRedisService(redisUrl, {
      keyPrefix,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      connectTimeout: 2_000,
    });
    this.shared.redis.on('error', () => undefined);
  }

  async increment(key: string, ttl: number, limit: number, blockDuration: number, name: string): Promise<Record> {
    try {
      const record = await this.shared.increment(key, ttl, limit, blockDuration, name);
      if (this.degraded) this.logger.log('Redis is back: rate limits are shared again');
      this.degraded = false;
      return record;
    } catch (error) {
      if (!this.degraded) this.logger.warn({ err: error }, 'Redis unavailable: rate limits counted per process');
      this.degraded = true;
      return this.local.increment(key, ttl, limit, blockDuration, name);
    }
  }

  onModuleDestroy(): void {
    this.shared.onModuleDestroy();
    this.local.onApplicationShutdown();
  }
}
