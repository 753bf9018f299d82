// Benchmark: provision N cooperatives through the HTTP API, then migrate them
// all (a no-op pass, and a pass that applies a new tenant migration).
//   npx nx run api:build && node tools/bench/provisioning.mts [--count 1000]
// Runs against the local PostgreSQL and Redis in a throwaway database.
import { randomBytes } from 'node:crypto';
import { percentile, throwawayDatabase } from './bench-support.mts';
import { parseArgs } from 'node:util';
import { MikroORM } from '@mikro-orm/postgresql';
import { Migration } from '@mikro-orm/migrations';
import { createApi } from '../../apps/api/dist/app.factory.js';
import { loadEnv } from '../../apps/api/dist/platform/config/env.schema.js';
import { ormConfig } from '../../apps/api/dist/platform/database/orm.config.js';
import { MigrationService } from '../../apps/api/dist/platform/database/migration.service.js';
import { FederationAdminBootstrap } from '../../apps/api/dist/platform/auth/federation-admin.bootstrap.js';
import { federationMigrations, tenantMigrations } from '../../apps/api/dist/migrations/index.js';
import { migrateAll } from '../../apps/api/dist/cli/migrate-all.js';

const { values } = parseArgs({
  options: { count: { type: 'string', default: '1000' }, concurrency: { type: 'string', default: '4' } },
});
const count = Number(values.count);

/** A migration the product does not have: a table and an index in every schema. */
class BenchAddedTable extends Migration {
  override up(): void {
    this.addSql(
      'create table bench_notes (id bigint generated always as identity primary key, body text not null, at timestamptz not null default now())',
    );
    this.addSql('create index bench_notes_at_idx on bench_notes (at)');
  }
}

const database = await throwawayDatabase();
const env = loadEnv({
  ...process.env,
  NODE_ENV: 'production',
  DATABASE_URL: database.url,
  JWT_SECRET: randomBytes(32).toString('hex'),
  REDIS_PREFIX: `kotizo_bench_${randomBytes(3).toString('hex')}`,
  FEDERATION_ADMIN_EMAIL: 'bench@kotizo.test',
  FEDERATION_ADMIN_PASSWORD: 'Bench-admin-2026',
  LOG_LEVEL: 'warn',
  RATE_LIMIT_PER_MINUTE: '1000000',
});
const orm = await MikroORM.init(ormConfig({ url: env.DATABASE_URL, poolMax: Number(values.concurrency) + 2 }));
try {
  await new MigrationService(orm).migrateFederation();
  const app = await createApi(env);
  await app.get(FederationAdminBootstrap).run();
  await app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}`;
  const login = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'bench@kotizo.test', password: 'Bench-admin-2026' }),
  });
  const { accessToken } = (await login.json()) as { accessToken: string };

  const times: number[] = [];
  const started = Date.now();
  for (let i = 0; i < count; i++) {
    const slug = `bench-${String(i).padStart(4, '0')}`;
    const t0 = performance.now();
    const res = await fetch(`${base}/api/v1/coops`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${accessToken}` },
      body: JSON.stringify({
        name: `Bench ${i}`,
        slug,
        country: 'CI',
        admin: { name: `Admin ${i}`, email: `admin@${slug}.test` },
      }),
    });
    times.push(performance.now() - t0);
    if (res.status !== 201) throw new Error(`${slug}: ${res.status} ${await res.text()}`);
    if ((i + 1) % 100 === 0) console.log(`provisioned ${i + 1}/${count}`);
  }
  const provisionTotal = Date.now() - started;
  await app.close();

  const log = () => undefined;
  const noop = await migrateAll(orm, { concurrency: Number(values.concurrency), log });
  const service = new MigrationService(orm, {
    federation: federationMigrations,
    tenant: [...tenantMigrations, { name: '29990101000000-bench-notes', class: BenchAddedTable }],
  });
  const real = await migrateAll(orm, { concurrency: Number(values.concurrency), log, service });
  if (real.failed.length || real.migrated !== count)
    throw new Error(`migration failed: ${JSON.stringify(real.failed.slice(0, 3))}`);

  const sorted = [...times].sort((a, b) => a - b);
  const result = {
    cooperatives: count,
    provisioning_ms: {
      p50: Math.round(percentile(sorted, 50)),
      p95: Math.round(percentile(sorted, 95)),
      p99: Math.round(percentile(sorted, 99)),
      max: Math.round(sorted.at(-1)!),
      total: provisionTotal,
    },
    migrate_all_up_to_date_ms: noop.ms,
    migrate_all_new_migration_ms: real.ms,
    concurrency: Number(values.concurrency),
  };
  console.log(JSON.stringify(result, null, 2));
} finally {
  await orm.close();
  await database.drop();
}
