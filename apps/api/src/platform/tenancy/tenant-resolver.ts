import { Injectable } from '@nestjs/common';
import { isCooperativeRole, type CooperativeRole, slugProblem } from '@kotizo/domain';
import { FederationDatabase } from '../database/federation-database.js';
import { Forbidden, NotFound } from '../errors/app-error.js';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import type { TenantContext } from './tenant-context.js';

interface TenantRow {
  id: string;
  slug: string;
  schema_name: string;
  currency: string;
  time_zone: string;
  locale: string;
  status: string;
  role: string | null;
}

export interface ResolvedTenant {
  tenant: TenantContext;
  role: CooperativeRole | null;
  /** The member record linked to the caller in this cooperative (for the member role). */
  memberId: string | null;
}

/**
 * Turns the `:slug` of a URL into a tenant context, checking the caller's
 * membership in the database on every request (a role change or removal
 * applies at once). Outsiders get 403 whether or not the cooperative exists,
 * so slugs cannot be probed.
 */
@Injectable()
export class TenantResolver {
  constructor(private readonly db: FederationDatabase) {}

  async resolve(slug: string, user: AuthenticatedUser): Promise<ResolvedTenant> {
    const isFederationStaff = user.federationRole !== null;
    if (slugProblem(slug)) {
      if (isFederationStaff) throw new NotFound('cooperative');
      throw new Forbidden('not_a_member');
    }
    const [row] = await this.db.em().execute<TenantRow[]>(
      `select c.id, c.slug, c.schema_name, c.currency, c.time_zone, c.locale, c.status, m.role
         from federation.cooperatives c
         left join federation.memberships m
           on m.cooperative_id = c.id and m.user_id = ? and m.active
        where c.slug = ?`,
      [user.userId, slug],
    );
    if (!row || (!row.role && !isFederationStaff)) {
      if (isFederationStaff) throw new NotFound('cooperative');
      throw new Forbidden('not_a_member');
    }
    if (row.status === 'provisioning') {
      throw new Forbidden('cooperative_provisioning');
    }
    if (row.status === 'suspended' && !isFederationStaff) {
      throw new Forbidden('cooperative_suspended');
    }
    const tenant: TenantContext = {
      cooperativeId: row.id,
      slug: row.slug,
      schema: row.schema_name,
      currency: row.currency.trim(),
      timeZone: row.time_zone,
      locale: row.locale,
    };
    const role = row.role && isCooperativeRole(row.role) ? row.role : null;
    let memberId: string | null = null;
    if (role === 'member') {
      const [member] = await this.db
        .em()
        .execute<{ id: string }[]>(`select id from "${tenant.schema}".members where user_id = ?`, [user.userId]);
      memberId = member?.id ?? null;
    }
    return { tenant, role, memberId };
  }
}
