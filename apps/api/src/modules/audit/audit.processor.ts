import { Inject, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import type { Job, Queue } from 'bullmq';
import { ENV } from '../../platform/config/config.module.js';
import type { Env } from '../../platform/config/env.schema.js';
import { TenantDatabase } from '../../platform/database/tenant-database.js';
import { TenantJobs } from '../../platform/queue/tenant-jobs.js';
import type { TenantJobData } from '../../platform/tenancy/tenant-context.js';
import { AUDIT_MOVEMENTS_JOB, AUDIT_NIGHTLY_JOB, AUDIT_QUEUE, AUDIT_RUN_JOB } from './audit-queue.js';
import { AuditRuns } from './audit-runs.js';
import { MovementAuditor } from './movement-auditor.js';

/** Every 15 minutes, cooperatives whose local night hour has come get their nightly audit (once a day). */
export const AUDIT_DISPATCH_JOB = 'audit.dispatch';

type RunJob = TenantJobData & { runId: string };
type MovementsJob = TenantJobData & { transactionIds: string[] };
type NightlyJob = TenantJobData & { date: string };

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

@Processor(AUDIT_QUEUE)
export class AuditProcessor extends WorkerHost implements OnApplicationBootstrap {
  private readonly logger = new Logger(AuditProcessor.name);

  constructor(
    @Inject(ENV) private readonly env: Env,
    private readonly tenants: TenantJobs,
    private readonly runs: AuditRuns,
    private readonly auditor: MovementAuditor,
    private readonly db: TenantDatabase,
    @InjectQueue(AUDIT_QUEUE) private readonly queue: Queue,
  ) {
    super();
  }

  async onApplicationBootstrap(): Promise<void> {
    // Idempotent: every worker upserts the same scheduler.
    await this.queue.upsertJobScheduler(
      AUDIT_DISPATCH_JOB,
      { pattern: '*/15 * * * *', tz: 'UTC' },
      { name: AUDIT_DISPATCH_JOB },
    );
  }

  async process(job: Job): Promise<unknown> {
    switch (job.name) {
      case AUDIT_RUN_JOB: {
        const data = job.data as RunJob;
        return this.runs.run(await this.tenants.context(data), data.runId);
      }
      case AUDIT_MOVEMENTS_JOB: {
        const data = job.data as MovementsJob;
        const checks = await this.auditor.check(await this.tenants.context(data), data.transactionIds);
        return checks.length;
      }
      case AUDIT_DISPATCH_JOB:
        return this.dispatch(new Date());
      case AUDIT_NIGHTLY_JOB: {
        const data = job.data as NightlyJob;
        const tenant = await this.tenants.context(data);
        const [existing] = await this.db.read(tenant, (em) =>
          em.execute<{ id: string }[]>(`select id from audit_runs where kind = 'scheduled' and params ->> 'date' = ?`, [
            data.date,
          ]),
        );
        if (existing) return existing.id;
        return (await this.runs.start(tenant, 'scheduled', null, { date: data.date })).id;
      }
      default:
        throw new Error(`Unknown audit job ${job.name}`);
    }
  }

  /** Queues the nightly audit of each cooperative whose local time has passed the nightly hour today. */
  async dispatch(now: Date): Promise<number> {
    let queued = 0;
    for (const tenant of await this.tenants.activeTenants()) {
      const context = await this.tenants.context({ tenant });
      const local = localClock(now, context.timeZone);
      if (local.time < this.env.AUDIT_NIGHTLY_AT) continue;
      await this.queue.add(AUDIT_NIGHTLY_JOB, { tenant, date: local.date } satisfies NightlyJob, {
        // BullMQ refuses ":" in an id (but in its own three-part ones): dots, then.
        jobId: `${AUDIT_NIGHTLY_JOB}.${tenant.cooperativeId}.${local.date}`,
      });
      queued += 1;
    }
    this.logger.log({ queued }, 'nightly audits dispatched');
    return queued;
  }
}
