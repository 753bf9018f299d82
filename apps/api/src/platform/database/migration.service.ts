import type { MigrationObject } from '@mikro-orm/core';
import { Migrator } from '@mikro-orm/migrations';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { federationMigrations, tenantMigrations } from '../../migrations/index.js';

export const FEDERATION_SCHEMA = 'federation';
const MIGRATIONS_TABLE = 'mikro_orm_migrations';

/**
 * Two migration sets: the federation schema's and the one applied to every
 * cooperative schema. Each run binds its schema through MikroORM's run schema
 * (a `set search_path` inside the migration's transaction), so migrations
 * write unqualified table names and keep their history in their own schema.
 */
export interface MigrationSets {
  federation: MigrationObject[];
  tenant: MigrationObject[];
}

export class MigrationService {
  constructor(
    private readonly orm: MikroORM,
    private readonly sets: MigrationSets = { federation: federationMigrations, tenant: tenantMigrations },
  ) {}

  async migrateFederation(): Promise<string[]> {
    await this.ensureSchema(FEDERATION_SCHEMA);
    const done = await this.migrator(this.sets.federation).up({ schema: FEDERATION_SCHEMA });
    return done.map((m) => m.name);
  }

  /** Creates the schema if needed and applies the pending tenant migrations. Idempotent. */
  async migrateTenant(schema: string): Promise<string[]> {
    await this.ensureSchema(schema);
    // One migrator per run: a shared one is not safe for concurrent runs.
    const done = await this.migrator(this.sets.tenant).up({ schema });
    return done.map((m) => m.name);
  }

  /**
   * Creates a cooperative's schema and runs all tenant migrations inside the
   * caller's transaction: PostgreSQL DDL is transactional, so a failure later
   * in provisioning rolls the schema back with everything else.
   */
  async createTenantSchema(tx: EntityManager, schema: string): Promise<void> {
    await tx.execute(`create schema "${schema}"`);
    await this.migrator(this.sets.tenant, tx).up({ schema, transaction: tx.getTransactionContext() });
  }

  async pendingTenantMigrations(schema: string): Promise<string[]> {
    const pending = await this.migrator(this.sets.tenant).getPending({ schema });
    return pending.map((m) => m.name);
  }

  get tenantMigrationNames(): string[] {
    return this.sets.tenant.map((m) => m.name);
  }

  private async ensureSchema(schema: string): Promise<void> {
    await this.orm.em.getConnection().execute(`create schema if not exists "${schema}"`);
  }

  private migrator(list: MigrationObject[], em: EntityManager = this.orm.em.fork()): Migrator {
    const config = this.orm.config;
    const previous = config.get('migrations');
    // The Migrator reads its options when constructed; set them for this one only.
    config.set('migrations', {
      ...previous,
      tableName: MIGRATIONS_TABLE,
      migrationsList: list,
      transactional: true,
      allOrNothing: true,
      snapshot: false,
      silent: true,
    });
    try {
      return new Migrator(em);
    } finally {
      config.set('migrations', previous);
    }
  }
}
