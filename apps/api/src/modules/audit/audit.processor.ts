import { Inject, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import type { Job, Queue } from 'bullmq';
import { ENV } from '../../platform/config/config.module.js';
import type { Env } from '../../platform/config/env.schema.js';
import { TenantDatabase } from '../../platform/database/tenant-database.js';
import { LocalDailyDispatch, type LocalDailyJobData } from '../../platform/queue/local-daily-dispatch.js';
import { TenantJobs } from '../../platform/queue/tenant-jobs.js';
import type { TenantJobData } from '../../platform/tenancy/tenant-context.js';
import { AUDIT_MOVEMENTS_JOB, AUDIT_NIGHTLY_JOB, AUDIT_QUEUE, AUDIT_RUN_JOB } from './audit-queue.js';
import { AuditRuns } from './audit-runs.js';
import { MovementAuditor } from './movement-auditor.js';

/** Every 15 minutes, cooperatives whose local night hour has come get their nightly audit (once a day). */
export const AUDIT_DISPATCH_JOB = 'audit.dispatch';

type RunJob = TenantJobData & { runId: string };
type MovementsJob = TenantJobData & { transactionIds: string[] };

@Processor(AUDIT_QUEUE)
export class AuditProcessor extends WorkerHost implements OnApplicationBootstrap {
  constructor(
    @Inject(ENV) private readonly env: Env,
    private readonly tenants: TenantJobs,
    private readonly runs: AuditRuns,
    private readonly auditor: MovementAuditor,
    private readonly db: TenantDatabase,
    private readonly daily: LocalDailyDispatch,
    @InjectQueue(AUDIT_QUEUE) private readonly queue: Queue,
  ) {
    super();
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.daily.schedule(this.queue, AUDIT_DISPATCH_JOB);
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
        const data = job.data as LocalDailyJobData;
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
  dispatch(now: Date): Promise<number> {
    return this.daily.dispatch(now, this.queue, AUDIT_NIGHTLY_JOB, () => this.env.AUDIT_NIGHTLY_AT);
  }
}
