import { Logger } from '@nestjs/common';
import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import type { Job, Queue } from 'bullmq';
import { MigrationService } from '../../platform/database/migration.service.js';
import { MAINTENANCE_QUEUE } from '../../platform/queue/queue.module.js';
import { TenantJobs } from '../../platform/queue/tenant-jobs.js';
import type { TenantJobData } from '../../platform/tenancy/tenant-context.js';

export const SCHEMA_CHECK_ALL = 'schema-check.all';
export const SCHEMA_CHECK_TENANT = 'schema-check.tenant';

export interface SchemaCheckResult {
  slug: string;
  pending: string[];
}

/**
 * Daily check that every cooperative schema is at the latest migration: a
 * fan-out job enqueues one job per cooperative, each carrying its tenant.
 * A schema left behind (a failed migrate-all run) shows up in the logs.
 */
@Processor(MAINTENANCE_QUEUE)
export class SchemaCheckProcessor extends WorkerHost {
  private readonly logger = new Logger(SchemaCheckProcessor.name);

  constructor(
    private readonly tenants: TenantJobs,
    private readonly migrations: MigrationService,
    @InjectQueue(MAINTENANCE_QUEUE) private readonly queue: Queue,
  ) {
    super();
  }

  async process(job: Job): Promise<SchemaCheckResult | number> {
    switch (job.name) {
      case SCHEMA_CHECK_ALL: {
        const all = await this.tenants.activeTenants();
        await this.queue.addBulk(
          all.map((tenant) => ({
            name: SCHEMA_CHECK_TENANT,
            data: { tenant } satisfies TenantJobData,
            opts: { jobId: `${SCHEMA_CHECK_TENANT}:${tenant.cooperativeId}:${job.id ?? 'manual'}` },
          })),
        );
        return all.length;
      }
      case SCHEMA_CHECK_TENANT: {
        const tenant = await this.tenants.context(job.data as TenantJobData);
        const pending = await this.migrations.pendingTenantMigrations(tenant.schema);
        if (pending.length > 0) {
          this.logger.warn({ tenant: tenant.slug, pending }, 'cooperative schema is behind');
        }
        return { slug: tenant.slug, pending };
      }
      default:
        throw new Error(`Unknown maintenance job ${job.name}`);
    }
  }
}
