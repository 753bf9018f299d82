import type { MikroORM } from '@mikro-orm/postgresql';
import { MigrationService } from '../platform/database/migration.service.js';

export interface MigrateAllOptions {
  concurrency: number;
  log: (line: string) => void;
  /** Defaults to the product's migration sets (tests and the benchmark pass their own). */
  service?: MigrationService;
}

export interface MigrateAllReport {
  federation: string[];
  tenants: number;
  migrated: number;
  failed: { schema: string; error: string }[];
  ms: number;
}

/**
 * Migrates the federation schema, then every cooperative schema, a few at a
 * time. Each schema keeps its own migration history, so a run that stops
 * halfway resumes where it was: schemas already up to date cost one query.
 * One failing schema does not stop the others; the report lists it.
 */
export async function migrateAll(orm: MikroORM, options: MigrateAllOptions): Promise<MigrateAllReport> {
  const started = Date.now();
  const service = options.service ?? new MigrationService(orm);
  const federation = await service.migrateFederation();
  options.log(`federation: ${federation.length ? federation.join(', ') : 'up to date'}`);
  const rows = await orm.em
    .fork()
    .execute<{ schema_name: string }[]>(
      `select schema_name from federation.cooperatives where status <> 'provisioning' order by schema_name`,
    );
  const schemas = rows.map((r) => r.schema_name);
  const failed: MigrateAllReport['failed'] = [];
  let next = 0;
  let done = 0;
  let migrated = 0;
  const step = Math.max(1, Math.ceil(schemas.length / 20));
  const worker = async () => {
    while (next < schemas.length) {
      const schema = schemas[next++]!;
      try {
        const applied = await service.migrateTenant(schema);
        if (applied.length) migrated += 1;
      } catch (error) {
        failed.push({ schema, error: (error as Error).message });
        options.log(`${schema}: FAILED ${(error as Error).message}`);
      }
      done += 1;
      if (done % step === 0 || done === schemas.length) {
        options.log(`cooperatives: ${done}/${schemas.length} (${migrated} migrated, ${failed.length} failed)`);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(options.concurrency, schemas.length) }, worker));
  return { federation, tenants: schemas.length, migrated, failed, ms: Date.now() - started };
}
