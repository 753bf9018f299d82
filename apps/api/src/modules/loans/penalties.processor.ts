import { Inject, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import type { Job, Queue } from 'bullmq';
import { ENV } from '../../platform/config/config.module.js';
import type { Env } from '../../platform/config/env.schema.js';
import { LocalDailyDispatch, type LocalDailyJobData } from '../../platform/queue/local-daily-dispatch.js';
import { TenantJobs } from '../../platform/queue/tenant-jobs.js';
import { PenaltyRunner } from './penalty-runner.js';

/** The loans' jobs, on their own queue. */
export const LOANS_QUEUE = 'loans';
/** Every 15 minutes: cooperatives whose local night hour has come get the day's penalties (once a day). */
export const PENALTIES_DISPATCH_JOB = 'penalties.dispatch';
/** One cooperative's automatic penalties for one local date. */
export const PENALTIES_RUN_JOB = 'penalties.run';

/**
 * The automatic late-installment penalties, charged each night in each
 * cooperative's own zone at the nightly hour (`AUDIT_NIGHTLY_AT`, the hour
 * of the books' nightly work), through the shared daily dispatch.
 */
@Processor(LOANS_QUEUE)
export class PenaltiesProcessor extends WorkerHost implements OnApplicationBootstrap {
  constructor(
    @Inject(ENV) private readonly env: Env,
    private readonly tenants: TenantJobs,
    private readonly daily: LocalDailyDispatch,
    private readonly runner: PenaltyRunner,
    @InjectQueue(LOANS_QUEUE) private readonly queue: Queue,
  ) {
    super();
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.daily.schedule(this.queue, PENALTIES_DISPATCH_JOB);
  }

  async process(job: Job): Promise<unknown> {
    switch (job.name) {
      case PENALTIES_DISPATCH_JOB:
        return this.dispatch(new Date());
      case PENALTIES_RUN_JOB: {
        const data = job.data as LocalDailyJobData;
        return this.runner.run(await this.tenants.context(data), data.date);
      }
      default:
        throw new Error(`Unknown loans job ${job.name}`);
    }
  }

  /** Queues the penalties of each cooperative whose local time has passed the nightly hour today. */
  dispatch(now: Date): Promise<number> {
    return this.daily.dispatch(now, this.queue, PENALTIES_RUN_JOB, () => this.env.AUDIT_NIGHTLY_AT);
  }
}
