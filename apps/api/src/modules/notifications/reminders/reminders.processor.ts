import type { OnApplicationBootstrap } from '@nestjs/common';
import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import type { Job, Queue } from 'bullmq';
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { TenantDatabase } from '../../../platform/database/tenant-database.js';
import { LocalDailyDispatch, type LocalDailyJobData } from '../../../platform/queue/local-daily-dispatch.js';
import { TenantJobs } from '../../../platform/queue/tenant-jobs.js';
import type { TenantContext } from '../../../platform/tenancy/tenant-context.js';
import { type ReminderRun, ReminderRunner } from './reminder-runner.js';
import { ReminderSettings } from './reminder-settings.js';

/** The notification jobs, on their own queue. */
export const NOTIFICATIONS_QUEUE = 'notifications';
/** Every 15 minutes: cooperatives whose local reminder hour has come get their day's reminders (once a day). */
export const REMINDERS_DISPATCH_JOB = 'reminders.dispatch';
/** One cooperative's reminders for one local date. */
export const REMINDERS_RUN_JOB = 'reminders.run';

/**
 * The dispatcher runs on the quarter hours, so a later hour would never be
 * reached that day: reminders set for 23:50 go out at 23:45.
 */
const LAST_DISPATCH = '23:45';

/**
 * Reminders in each cooperative's own zone, through the shared daily
 * dispatch: from the cooperative's `reminders.sendAt` (its admin's setting),
 * one job per cooperative and local date, spread by BullMQ over every worker.
 * The job runs even when reminders are off (it then sends nothing), so a
 * change of the settings takes effect from the next day's run at the latest.
 */
@Processor(NOTIFICATIONS_QUEUE)
export class RemindersProcessor extends WorkerHost implements OnApplicationBootstrap {
  /** Which worker ran a job, in its result (to see jobs spread over workers). */
  readonly instance = `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;

  constructor(
    private readonly tenants: TenantJobs,
    private readonly db: TenantDatabase,
    private readonly daily: LocalDailyDispatch,
    private readonly settings: ReminderSettings,
    private readonly runner: ReminderRunner,
    @InjectQueue(NOTIFICATIONS_QUEUE) private readonly queue: Queue,
  ) {
    super();
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.daily.schedule(this.queue, REMINDERS_DISPATCH_JOB);
  }

  async process(job: Job): Promise<unknown> {
    switch (job.name) {
      case REMINDERS_DISPATCH_JOB:
        return { worker: this.instance, queued: await this.dispatch(new Date()) };
      case REMINDERS_RUN_JOB: {
        const data = job.data as LocalDailyJobData;
        const run: ReminderRun = await this.runner.run(await this.tenants.context(data), data.date);
        return { worker: this.instance, ...run };
      }
      default:
        throw new Error(`Unknown notifications job ${job.name}`);
    }
  }

  /** Queues the reminders of each cooperative whose local time has passed its reminder hour today. */
  dispatch(now: Date): Promise<number> {
    return this.daily.dispatch(now, this.queue, REMINDERS_RUN_JOB, (tenant) => this.sendAt(tenant));
  }

  private async sendAt(tenant: TenantContext): Promise<string> {
    const { sendAt } = await this.db.read(tenant, (em) => this.settings.read(em));
    return sendAt > LAST_DISPATCH ? LAST_DISPATCH : sendAt;
  }
}
