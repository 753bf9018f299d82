import { Inject, Injectable } from '@nestjs/common';
import { MikroORM, type EntityManager } from '@mikro-orm/postgresql';
import type { TenantContext } from '../tenancy/tenant-context.js';

/**
 * The one place a cooperative's schema is bound. Feature code asks for an
 * EntityManager with a TenantContext and gets a fork whose wildcard entities
 * resolve to `coop_<slug>`; without a context there is no way to get one.
 */
@Injectable()
export class TenantDatabase {
  constructor(@Inject(MikroORM) private readonly orm: MikroORM) {}

  em(tenant: TenantContext): EntityManager {
    if (!tenant?.schema) throw new Error('Tenant context is required to reach a cooperative schema');
    return this.orm.em.fork({ schema: tenant.schema });
  }

  async transactional<T>(tenant: TenantContext, work: (em: EntityManager) => Promise<T>): Promise<T> {
    return this.em(tenant).transactional(work);
  }
}
