import { Injectable } from '@nestjs/common';
import { FederationDatabase } from '../database/federation-database.js';
import type { TenantContext, TenantJobData } from '../tenancy/tenant-context.js';

interface Row {
  id: string;
  slug: string;
  schema_name: string;
  currency: string;
  time_zone: string;
  locale: string;
  status: string;
}

/**
 * Jobs carry their tenant (id and slug) in the payload, never a schema name;
 * the processor rebuilds the TenantContext from the registry, so a job for a
 * cooperative that is gone or suspended fails loudly instead of running.
 */
@Injectable()
export class TenantJobs {
  constructor(private readonly db: FederationDatabase) {}

  static payload(tenant: TenantContext): TenantJobData['tenant'] {
    return { cooperativeId: tenant.cooperativeId, slug: tenant.slug };
  }

  async context(data: TenantJobData): Promise<TenantContext> {
    if (!data?.tenant?.cooperativeId || !data.tenant.slug) throw new Error('Job carries no tenant');
    const [row] = await this.db.em().execute<Row[]>(
      `select id, slug, schema_name, currency, time_zone, locale, status
         from federation.cooperatives where id = ? and slug = ?`,
      [data.tenant.cooperativeId, data.tenant.slug],
    );
    if (!row) throw new Error(`Job for unknown cooperative ${data.tenant.slug}`);
    if (row.status !== 'active') throw new Error(`Job for ${row.status} cooperative ${row.slug}`);
    return {
      cooperativeId: row.id,
      slug: row.slug,
      schema: row.schema_name,
      currency: row.currency.trim(),
      timeZone: row.time_zone,
      locale: row.locale,
    };
  }

  async activeTenants(): Promise<TenantJobData['tenant'][]> {
    const rows = await this.db
      .em()
      .execute<{ id: string; slug: string }[]>(
        `select id, slug from federation.cooperatives where status = 'active' order by slug`,
      );
    return rows.map((r) => ({ cooperativeId: r.id, slug: r.slug }));
  }
}
