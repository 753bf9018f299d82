import { InjectQueue } from '@nestjs/bullmq';
import { Module, type OnApplicationBootstrap } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { MAINTENANCE_QUEUE } from '../../platform/queue/queue.module.js';
import { SCHEMA_CHECK_ALL, SchemaCheckProcessor } from './schema-check.processor.js';

/** Worker-side housekeeping jobs. */
@Module({ providers: [SchemaCheckProcessor] })
export class MaintenanceModule implements OnApplicationBootstrap {
  constructor(@InjectQueue(MAINTENANCE_QUEUE) private readonly queue: Queue) {}

  async onApplicationBootstrap(): Promise<void> {
    // Idempotent: every worker upserts the same scheduler.
    await this.queue.upsertJobScheduler(
      SCHEMA_CHECK_ALL,
      { pattern: '15 3 * * *', tz: 'UTC' },
      { name: SCHEMA_CHECK_ALL },
    );
  }
}
