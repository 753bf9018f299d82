import { Global, Module } from '@nestjs/common';
import { BullModule } from '@nestjs/bullmq';
import { ENV } from '../config/config.module.js';
import type { Env } from '../config/env.schema.js';
import { LocalDailyDispatch } from './local-daily-dispatch.js';
import { RedisConnection } from './redis-connection.js';
import { TenantJobs } from './tenant-jobs.js';

export const MAINTENANCE_QUEUE = 'maintenance';

/** BullMQ on Redis: jobs survive process restarts and spread over every worker. */
@Global()
@Module({
  imports: [
    BullModule.forRootAsync({
      inject: [ENV],
      useFactory: (env: Env) => ({
        connection: { url: env.REDIS_URL, maxRetriesPerRequest: null },
        prefix: `${env.REDIS_PREFIX}:bull`,
        defaultJobOptions: {
          attempts: 5,
          backoff: { type: 'exponential', delay: 1_000 },
          removeOnComplete: { age: 86_400, count: 1_000 },
          removeOnFail: { age: 7 * 86_400 },
        },
      }),
    }),
    BullModule.registerQueue({ name: MAINTENANCE_QUEUE }),
  ],
  providers: [RedisConnection, TenantJobs, LocalDailyDispatch],
  exports: [BullModule, RedisConnection, TenantJobs, LocalDailyDispatch],
})
export class QueueModule {}
