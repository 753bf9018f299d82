import { Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import type { Job, Queue } from 'bullmq';
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { TenantDatabase } from '../../../platform/database/tenant-database.js';
import { TenantJobs } from '../../../platform/queue/tenant-jobs.js';
import type { TenantJobData } from '../../../platform/tenancy/tenant-context.js';
import { localClock } from '../../audit/audit.processor.js';
import { type ReminderRun, ReminderRunner } from './reminder-runner.js';

/** The notification jobs, on their own queue. */
export const NOTIFICATIONS_QUEUE = 'notifications';
/** Every 15 minutes: cooperatives whose local reminder hour has come get their day's reminders (once a day). */
export const REMINDERS_DISPATCH_JOB = 'reminders.dispatch';
/** One cooperative's reminders for one local date. */
export const REMINDERS_RUN_JOB = 'reminders.run';
const DEFAULT_SEND_AT = '08:00';

type RunJob = TenantJobData & { date: string };

/**
 * Reminders in each cooperative's own zone, after the dispatcher pattern of
 * the nightly audit: one scheduler for all, then one job per cooperative and
 * local date (its id keeps it to one), spread by BullMQ over every worker.
 */
@Processor(NOTIFICATIONS_QUEUE)
export class RemindersProcessor extends WorkerHost implements OnApplicationBootstrap {
  private readonly logger = new Logger(RemindersProcessor.name);
  /** Which worker ran a job, in its result (to see jobs spread over workers). */
  readonly instance = `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;

  constructor(
    private readonly tenants: TenantJobs,
    private readonly db: TenantDatabase,
    private readonly runner: ReminderRunner,
    @InjectQueue(NOTIFICATIONS_QUEUE) private readonly queue: Queue,
  ) {
    super();
  }

  async onApplicationBootstrap(): Promise<void> {
    // Idempotent: every worker upserts the same scheduler.
    await this.queue.upsertJobScheduler(
      REMINDERS_DISPATCH_JOB,
      { pattern: '*/15 * * * *', tz: 'UTC' },
      { name: REMINDERS_DISPATCH_JOB },
    );
  }

  async process(job: Job): Promise<unknown> {
    switch (job.name) {
      case REMINDERS_DISPATCH_JOB:
        return { worker: this.instance, queued: await this.dispatch(new Date()) };
      case REMINDERS_RUN_JOB: {
        const data = job.data as RunJob;
        const run: ReminderRun = await this.runner.run(await this.tenants.context(data), data.date);
        return { worker: this.instance, ...run };
      }
      default:
        throw new Error(`Unknown notifications job ${job.name}`);
    }
  }

  /** Queues the reminders of each cooperative whose local time has passed its reminder hour today. */
  async dispatch(now: Date): Promise<number> {
    let queued = 0;
    for (const tenant of await this.tenants.activeTenants()) {
      const context = await this.tenants.context({ tenant });
      const [setting] = await this.db.read(context, (em) =>
        em.execute<{ value: unknown }[]>(`select value from settings where key = 'reminders.sendAt'`),
      );
      const sendAt = typeof setting?.value === 'string' ? setting.value : DEFAULT_SEND_AT;
      const local = localClock(now, context.timeZone);
      if (local.time < sendAt) continue;
      await this.queue.add(REMINDERS_RUN_JOB, { tenant, date: local.date } satisfies RunJob, {
        // Dots, not colons: BullMQ keeps ":" for its own ids.
        jobId: `${REMINDERS_RUN_JOB}.${tenant.cooperativeId}.${local.date}`,
      });
      queued += 1;
    }
    this.logger.log({ queued }, 'reminders dispatched');
    return queued;
  }
}
