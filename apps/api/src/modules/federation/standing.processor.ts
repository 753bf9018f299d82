import { Logger } from '@nestjs/common';
import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import type { Job, Queue } from 'bullmq';
import { TenantJobs } from '../../platform/queue/tenant-jobs.js';
import type { TenantJobData } from '../../platform/tenancy/tenant-context.js';
import { CooperativeStanding } from './cooperative-standing.js';
import { STANDING_DISPATCH_JOB, STANDING_QUEUE, STANDING_REFRESH_JOB } from './standing-queue.js';

/**
 * Keeps the federation's standing rows fresh: the dispatch fans out one job
 * per active cooperative (one id per cooperative and tick, so a slow tick is
 * not queued twice), each refreshing its row in its own tenant context.
 */
@Processor(STANDING_QUEUE)
export class StandingProcessor extends WorkerHost {
  private readonly logger = new Logger(StandingProcessor.name);

  constructor(
    private readonly tenants: TenantJobs,
    private readonly standing: CooperativeStanding,
    @InjectQueue(STANDING_QUEUE) private readonly queue: Queue,
  ) {
    super();
  }

  async process(job: Job): Promise<unknown> {
    switch (job.name) {
      case STANDING_DISPATCH_JOB:
        return this.dispatch(new Date(job.timestamp));
      case STANDING_REFRESH_JOB:
        return this.standing.refresh(await this.tenants.context(job.data as TenantJobData));
      default:
        throw new Error(`Unknown standing job ${job.name}`);
    }
  }

  async dispatch(at: Date): Promise<number> {
    const tick = Math.floor(at.getTime() / 900_000);
    const all = await this.tenants.activeTenants();
    await this.queue.addBulk(
      all.map((tenant) => ({
        name: STANDING_REFRESH_JOB,
        data: { tenant } satisfies TenantJobData,
        opts: { jobId: `${STANDING_REFRESH_JOB}:${tenant.cooperativeId}:${tick}`, attempts: 2 },
      })),
    );
    this.logger.log({ queued: all.length }, 'standing refreshes dispatched');
    return all.length;
  }
}
