import { BullModule, InjectQueue } from '@nestjs/bullmq';
import { Module, type OnApplicationBootstrap } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { FederationStandingModule } from './federation-standing.module.js';
import { STANDING_DISPATCH_JOB, STANDING_EVERY, STANDING_QUEUE } from './standing-queue.js';
import { StandingProcessor } from './standing.processor.js';

/** The worker side of the federation overview: the standing refreshes and their schedule. */
@Module({
  imports: [FederationStandingModule, BullModule.registerQueue({ name: STANDING_QUEUE })],
  providers: [StandingProcessor],
})
export class FederationWorkerModule implements OnApplicationBootstrap {
  constructor(@InjectQueue(STANDING_QUEUE) private readonly queue: Queue) {}

  async onApplicationBootstrap(): Promise<void> {
    // Idempotent: every worker upserts the same scheduler.
    await this.queue.upsertJobScheduler(
      STANDING_DISPATCH_JOB,
      { pattern: STANDING_EVERY, tz: 'UTC' },
      { name: STANDING_DISPATCH_JOB },
    );
  }
}
