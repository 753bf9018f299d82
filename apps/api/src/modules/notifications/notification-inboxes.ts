import { Injectable } from '@nestjs/common';
import { FederationDatabase } from '../../platform/database/federation-database.js';
import type { ActorContext, TenantContext } from '../../platform/tenancy/tenant-context.js';

interface InboxRow {
  id: string;
  slug: string;
  schema_name: string;
  currency: string;
  time_zone: string;
  locale: string;
}

/**
 * The cooperatives a user has notifications in and may still see: active
 * cooperatives where they are an active member (or any, for federation
 * staff). Notifications stay in each cooperative's schema; the bell reads
 * these few schemas, each through TenantDatabase.
 */
@Injectable()
export class NotificationInboxes {
  constructor(private readonly db: FederationDatabase) {}

  async of(actor: ActorContext): Promise<TenantContext[]> {
    const rows = await this.db.em().execute<InboxRow[]>(
      `select c.id, c.slug, c.schema_name, c.currency, c.time_zone, c.locale
         from federation.notification_inboxes i
         join federation.cooperatives c on c.id = i.cooperative_id
        where i.user_id = ? and c.status = 'active'
          and (? or exists (select 1 from federation.memberships m
                             where m.user_id = i.user_id and m.cooperative_id = c.id and m.active))
        order by c.slug`,
      [actor.principal.userId, actor.principal.federationRole !== null],
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
