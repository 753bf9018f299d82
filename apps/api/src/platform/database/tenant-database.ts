import { Inject, Injectable } from '@nestjs/common';
import { MikroORM, type EntityManager } from '@mikro-orm/postgresql';
import type { TenantContext } from '../tenancy/tenant-context.js';

const SCHEMA_NAME = /^coop_[a-z0-9_]{1,58}$/;

/**
 * The one place a cooperative's schema is bound. Every piece of tenant work
 * runs in a transaction that starts with `set local search_path` to the
 * cooperative's schema, and in an EntityManager forked for that schema, so
 * raw SQL and entities alike reach `coop_<slug>` and nothing else. Outside
 * such a transaction the tenant tables do not resolve at all (fail closed).
 */
@Injectable()
export class TenantDatabase {
  constructor(@Inject(MikroORM) private readonly orm: MikroORM) {}

  /** A read-write unit of work in the cooperative's schema. */
  transactional<T>(tenant: TenantContext, work: (em: EntityManager) => Promise<T>): Promise<T> {
    return this.run(tenant, false, work);
  }

  /** A read-only unit of work: a consistent snapshot that cannot write by mistake. */
  read<T>(tenant: TenantContext, work: (em: EntityManager) => Promise<T>): Promise<T> {
    return this.run(tenant, true, work);
  }

  private run<T>(tenant: TenantContext, readOnly: boolean, work: (em: EntityManager) => Promise<T>): Promise<T> {
    const schema = tenant?.schema;
    if (!schema || !SCHEMA_NAME.test(schema))
      throw new Error('Tenant context is required to reach a cooperative schema');
    return this.orm.em.fork({ schema }).transactional(async (tx) => {
      if (readOnly) await tx.execute('set transaction read only');
      await tx.execute(`set local search_path to "${schema}"`);
      return work(tx);
    });
  }
}
