import { Injectable } from '@nestjs/common';
import { FederationDatabase } from '../platform/database/federation-database.js';
import type { TenantContext } from '../platform/tenancy/tenant-context.js';
import { SummaryRebuild } from '../modules/dashboards/summary-rebuild.js';
import { CooperativeStanding } from '../modules/federation/cooperative-standing.js';

export interface RebuildLine {
  slug: string;
  summaryRows: number;
  loans: number;
  /** The rebuild itself (summaries and loan positions), then the standing row. */
  ms: number;
  standingMs: number;
}

/**
 * `kotizo rebuild-summaries [--slug s]`: recomputes each cooperative's
 * summaries from its journal (daily summaries, loan positions, the
 * federation's totals row), then its standing row. Safe to run at any time:
 * each cooperative is one transaction that holds its ledger's head.
 */
@Injectable()
export class SummariesCommand {
  constructor(
    private readonly db: FederationDatabase,
    private readonly rebuild: SummaryRebuild,
    private readonly standing: CooperativeStanding,
  ) {}

  async run(options: { slug?: string; log: (line: string) => void }): Promise<RebuildLine[]> {
    const tenants = await this.tenants(options.slug);
    if (options.slug && tenants.length === 0) throw new Error(`No cooperative "${options.slug}"`);
    const lines: RebuildLine[] = [];
    for (const tenant of tenants) {
      const started = Date.now();
      const report = await this.rebuild.rebuild(tenant);
      const rebuilt = Date.now();
      await this.standing.refresh(tenant);
      const line = { slug: tenant.slug, ...report, ms: rebuilt - started, standingMs: Date.now() - rebuilt };
      options.log(
        `${line.slug}: ${line.summaryRows} daily summary rows, ${line.loans} loan positions in ${line.ms} ms; ` +
          `standing in ${line.standingMs} ms`,
      );
      lines.push(line);
    }
    return lines;
  }

  private async tenants(slug: string | undefined): Promise<TenantContext[]> {
    const rows = await this.db
      .em()
      .execute<
        { id: string; slug: string; schema_name: string; currency: string; time_zone: string; locale: string }[]
      >(
        `select id, slug, schema_name, currency, time_zone, locale from federation.cooperatives
        where status <> 'provisioning' ${slug ? 'and slug = ?' : ''} order by slug`,
        slug ? [slug] : [],
      );
    return rows.map((r) => ({
      cooperativeId: r.id,
      slug: r.slug,
      schema: r.schema_name,
      currency: r.currency.trim(),
      timeZone: r.time_zone,
      locale: r.locale,
    }));
  }
}
