import { Injectable, Logger } from '@nestjs/common';
import type { Queue } from 'bullmq';
import type { TenantContext, TenantJobData } from '../tenancy/tenant-context.js';
import { TenantJobs } from './tenant-jobs.js';

/** What a daily job of one cooperative carries: its tenant and the local date it is for. */
export type LocalDailyJobData = TenantJobData & { date: string };

/** How often each dispatcher looks for cooperatives whose hour has come. */
const DISPATCH_PATTERN = '*/15 * * * *';

const timeFormats = new Map<string, Intl.DateTimeFormat>();

/** Local date and HH:MM of an instant in a zone. */
export function localClock(instant: Date, timeZone: string): { date: string; time: string } {
  let format = timeFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    timeFormats.set(timeZone, format);
  }
  const parts = Object.fromEntries(format.formatToParts(instant).map((p) => [p.type, p.value]));
  return { date: `${parts['year']}-${parts['month']}-${parts['day']}`, time: `${parts['hour']}:${parts['minute']}` };
}

/**
 * Work done once a day per cooperative at a local hour (the nightly audit, the
 * late-installment penalties, the reminders): one repeatable dispatcher every 15 minutes for
 * all cooperatives, which queues a job per cooperative whose local time has
 * passed the hour, with an id made of the job, the cooperative and the local
 * date, so however often the dispatcher runs (and on however many workers)
 * each cooperative gets one job per local date. BullMQ spreads those jobs
 * over every worker.
 */
@Injectable()
export class LocalDailyDispatch {
  private readonly logger = new Logger(LocalDailyDispatch.name);

  constructor(private readonly tenants: TenantJobs) {}

  /** Installs the dispatcher on `queue` (idempotent: every worker upserts the same scheduler). */
  async schedule(queue: Queue, dispatchJob: string): Promise<void> {
    await queue.upsertJobScheduler(dispatchJob, { pattern: DISPATCH_PATTERN, tz: 'UTC' }, { name: dispatchJob });
  }

  /**
   * Queues `job` for each active cooperative whose local time at `now` has
   * reached `at(tenant)` (HH:MM); returns how many were queued (or already were).
   */
  async dispatch(
    now: Date,
    queue: Queue,
    job: string,
    at: (tenant: TenantContext) => string | Promise<string>,
  ): Promise<number> {
    let queued = 0;
    for (const tenant of await this.tenants.activeTenants()) {
      const context = await this.tenants.context({ tenant });
      const local = localClock(now, context.timeZone);
      if (local.time < (await at(context))) continue;
      await queue.add(job, { tenant, date: local.date } satisfies LocalDailyJobData, {
        // BullMQ refuses ":" in an id (but in its own three-part ones): dots, then.
        jobId: `${job}.${tenant.cooperativeId}.${local.date}`,
      });
      queued += 1;
    }
    this.logger.log({ job, queued }, 'daily jobs dispatched');
    return queued;
  }
}
