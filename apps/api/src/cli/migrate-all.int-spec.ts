import type { MigrationObject } from '@mikro-orm/core';
import { Migration } from '@mikro-orm/migrations';
import { MikroORM } from '@mikro-orm/postgresql';
import { federationMigrations, tenantMigrations } from '../migrations/index.js';
import { MigrationService } from '../platform/database/migration.service.js';
import { ormConfig } from '../platform/database/orm.config.js';
import { ServiceHarness } from '../testing/service-harness.js';
import { migrateAll } from './migrate-all.js';

class AddNotesColumn extends Migration {
  override up(): void {
    this.addSql('create table notes (id serial primary key, body text not null)');
  }
}

const withNewMigration: MigrationObject[] = [
  ...tenantMigrations,
  { name: '29990101000000-notes', class: AddNotesColumn },
];

describe('migrate-all (PostgreSQL)', () => {
  let harness: ServiceHarness;
  let orm: MikroORM;

  beforeAll(async () => {
    harness = await ServiceHarness.start('migrate_all');
    for (const slug of ['ouaga', 'bobo', 'koudougou', 'banfora', 'dori']) await harness.provision(slug);
    orm = await MikroORM.init(ormConfig({ url: harness.env.DATABASE_URL, poolMax: 4 }));
  });
  afterAll(async () => {
    await orm.close();
    await harness.stop();
  });

  it('applies a new migration to every cooperative, reports progress, and resumes after a failure', async () => {
    // One schema is in a state the new migration cannot handle.
    await harness.query('create table coop_dori.notes (id int)');
    const service = new MigrationService(orm, { federation: federationMigrations, tenant: withNewMigration });
    const lines: string[] = [];
    const first = await migrateAll(orm, { concurrency: 3, log: (l) => lines.push(l), service });
    expect(first).toMatchObject({ tenants: 5, migrated: 4 });
    expect(first.failed.map((f) => f.schema)).toEqual(['coop_dori']);
    expect(lines.at(-1)).toBe('cooperatives: 5/5 (4 migrated, 1 failed)');
    // The failed schema was rolled back whole: no half-applied migration.
    expect(await harness.query(`select name from coop_dori.mikro_orm_migrations where name like '2999%'`)).toEqual([]);

    await harness.query('drop table coop_dori.notes');
    const second = await migrateAll(orm, { concurrency: 3, log: () => undefined, service });
    expect(second).toMatchObject({ tenants: 5, migrated: 1, failed: [] });
    expect(await service.pendingTenantMigrations('coop_ouaga')).toEqual([]);

    const third = await migrateAll(orm, { concurrency: 3, log: () => undefined, service });
    expect(third.migrated).toBe(0);
  });
});
