import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { NestFactory } from '@nestjs/core';
import { MikroORM } from '@mikro-orm/postgresql';
import { envSchema, loadEnv } from '../platform/config/env.schema.js';
import { ensureDatabase, preflight, runMain } from '../platform/config/preflight.js';
import { ormConfig } from '../platform/database/orm.config.js';
import { FederationAdminBootstrap } from '../platform/auth/federation-admin.bootstrap.js';
import { CliModule } from './cli.module.js';
import { DemoSeeder } from './demo-seeder.js';
import { migrateAll } from './migrate-all.js';
import { setUpCheckpoints } from '../modules/agent/checkpoint-setup.js';
import { SummariesCommand } from './rebuild-summaries.js';

const usage = `usage: kotizo <command>
  check                            check that PostgreSQL and Redis answer (one line if not)
  ensure-database                  create the configured database if the server lacks it
  migrate [--concurrency N]        migrate the federation schema and every cooperative schema
  create-federation-admin [--email E --password P --name N]
                                   create the first federation admin (defaults from the environment)
  seed-demo                        create the demo federation admin, cooperatives and users
  rebuild-summaries [--slug S]     recompute dashboard summaries from the ledger (every cooperative, or S)`;

runMain(async () => {
  const [command, ...rest] = process.argv.slice(2);
  // These two need only the connection settings, so they can run before the rest is configured.
  if (command === 'check' || command === 'ensure-database') {
    const connections = envSchema.pick({ DATABASE_URL: true, REDIS_URL: true }).parse(process.env);
    if (command === 'check') {
      await preflight(connections);
      console.log('PostgreSQL and Redis answer.');
    } else if (await ensureDatabase(connections.DATABASE_URL)) {
      console.log('database created');
    }
    return;
  }
  const env = loadEnv();
  switch (command) {
    case 'migrate': {
      const { values } = parseArgs({ args: rest, options: { concurrency: { type: 'string', default: '4' } } });
      await preflight(env);
      const orm = await MikroORM.init(ormConfig({ url: env.DATABASE_URL, poolMax: Number(values.concurrency) + 2 }));
      try {
        const report = await migrateAll(orm, { concurrency: Number(values.concurrency), log: (l) => console.log(l) });
        await setUpCheckpoints(env.DATABASE_URL);
        console.log('agent: checkpoint tables ready');
        console.log(
          `done in ${report.ms} ms: ${report.tenants} cooperatives, ${report.migrated} migrated, ${report.failed.length} failed`,
        );
        if (report.failed.length) process.exitCode = 1;
      } finally {
        await orm.close();
      }
      return;
    }
    case 'create-federation-admin': {
      const { values } = parseArgs({
        args: rest,
        options: { email: { type: 'string' }, password: { type: 'string' }, name: { type: 'string' } },
      });
      await preflight(env);
      const app = await NestFactory.createApplicationContext(CliModule.forRoot(env), { logger: ['error', 'warn'] });
      try {
        const outcome = await app.get(FederationAdminBootstrap).run({
          email: values.email ?? env.FEDERATION_ADMIN_EMAIL,
          password: values.password ?? env.FEDERATION_ADMIN_PASSWORD,
          name: values.name ?? env.FEDERATION_ADMIN_NAME,
        });
        console.log(
          {
            created: 'federation admin created',
            exists: 'a federation admin already exists: nothing done',
            not_configured: 'give --email and --password (or FEDERATION_ADMIN_EMAIL/PASSWORD)',
          }[outcome],
        );
        if (outcome === 'not_configured') process.exitCode = 2;
      } finally {
        await app.close();
      }
      return;
    }
    case 'seed-demo': {
      await preflight(env);
      const app = await NestFactory.createApplicationContext(CliModule.forRoot(env), { logger: ['error', 'warn'] });
      try {
        const logins = await app.get(DemoSeeder).seed();
        console.log('Demo logins:');
        for (const l of logins) console.log(`  ${l.email.padEnd(26)} ${l.password.padEnd(20)} ${l.who}`);
      } finally {
        await app.close();
      }
      return;
    }
    case 'rebuild-summaries': {
      const { values } = parseArgs({ args: rest, options: { slug: { type: 'string' } } });
      await preflight(env);
      const app = await NestFactory.createApplicationContext(CliModule.forRoot(env), { logger: ['error', 'warn'] });
      try {
        const lines = await app.get(SummariesCommand).run({ slug: values.slug, log: (l) => console.log(l) });
        console.log(`done: ${lines.length} cooperatives`);
      } finally {
        await app.close();
      }
      return;
    }
    default:
      console.error(usage);
      process.exitCode = command ? 2 : 0;
  }
});
