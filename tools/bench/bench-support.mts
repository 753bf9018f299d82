// What the benchmarks share: a throwaway database on the local server, and percentiles.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';

const adminUrl = process.env['TEST_DATABASE_ADMIN_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';

async function admin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export interface ThrowawayDatabase {
  url: string;
  drop(): Promise<void>;
}

export async function throwawayDatabase(): Promise<ThrowawayDatabase> {
  const name = `kotizo_bench_${randomBytes(4).toString('hex')}`;
  await admin(`create database "${name}"`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => admin(`drop database if exists "${name}" with (force)`) };
}

/** The p-th percentile (nearest rank) of values sorted ascending. */
export function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export interface BenchApi {
  /** Calls the API under /api/v1; throws on a non-2xx answer. */
  call<T>(method: string, path: string, token: string | null, body?: unknown, raw?: Buffer): Promise<T>;
  login(email: string, password: string): Promise<string>;
  /** The federation admin's token. */
  fedToken: string;
  /** Peak resident memory of the API process so far, in MiB (a separate process only). */
  apiPeakRssMb(): number | null;
  /** The API's settings as environment strings (to run the CLI against the same database). */
  env: Record<string, string>;
  /** Where the API answers, ending in /api/v1 (for streamed downloads). */
  baseUrl: string;
  stop(): Promise<void>;
}

/**
 * A production-mode API over a throwaway database, listening on a random port,
 * signed in as the federation admin. The built API (apps/api/dist) is used.
 */
export async function startBenchApi(
  extraEnv: Record<string, string> = {},
  options: { separateProcess?: boolean } = {},
): Promise<BenchApi> {
  const { MikroORM } = await import('@mikro-orm/postgresql');
  const { createApi } = await import('../../apps/api/dist/app.factory.js');
  const { loadEnv } = await import('../../apps/api/dist/platform/config/env.schema.js');
  const { ormConfig } = await import('../../apps/api/dist/platform/database/orm.config.js');
  const { MigrationService } = await import('../../apps/api/dist/platform/database/migration.service.js');
  const { FederationAdminBootstrap } = await import('../../apps/api/dist/platform/auth/federation-admin.bootstrap.js');
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
    RATE_LIMIT_PER_MINUTE: '100000000',
    DATABASE_POOL_MAX: '20',
    ...extraEnv,
  });
  const orm = await MikroORM.init(ormConfig({ url: env.DATABASE_URL, poolMax: 2 }));
  await new MigrationService(orm).migrateFederation();
  await orm.close();
  // The first federation admin, as the start command's CLI makes it.
  const { NestFactory } = await import('@nestjs/core');
  const { CliModule } = await import('../../apps/api/dist/cli/cli.module.js');
  const cli = await NestFactory.createApplicationContext(CliModule.forRoot(env), { logger: false });
  await cli.get(FederationAdminBootstrap).run();
  await cli.close();
  let base: string;
  let close: () => Promise<void>;
  let apiPeakRssMb: () => number | null = () => null;
  if (options.separateProcess) {
    // The API alone in its own process, so its memory is measured apart from the load generator's.
    const port = 20_000 + Math.floor(Math.random() * 20_000);
    const child = spawn(process.execPath, ['apps/api/dist/main.js'], {
      env: { ...process.env, ...stringEnv(env), PORT: String(port), HOST: '127.0.0.1' },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    base = `http://127.0.0.1:${port}/api/v1`;
    for (let i = 0; ; i++) {
      if (child.exitCode !== null) throw new Error(`the API exited with ${child.exitCode}`);
      if (
        await fetch(`http://127.0.0.1:${port}/health`).then(
          (r) => r.ok,
          () => false,
        )
      )
        break;
      if (i > 300) throw new Error('the API did not start');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    apiPeakRssMb = () => {
      const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
      const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
      return Math.round(kb / 1024);
    };
    close = async () => {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
    };
  } else {
    const app = await createApi(env);
    await app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}/api/v1`;
    close = () => app.close();
  }
  const call = async <T,>(method: string, path: string, token: string | null, body?: unknown, raw?: Buffer) => {
    const headers: Record<string, string> = {};
    if (token) headers['authorization'] = `Bearer ${token}`;
    if (raw) headers['content-type'] = 'text/csv';
    else if (body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(base + path, {
      method,
      headers,
      body: raw ?? (body === undefined ? undefined : JSON.stringify(body)),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text.slice(0, 300)}`);
    return (text ? JSON.parse(text) : null) as T;
  };
  const login = async (email: string, password: string) =>
    (await call<{ accessToken: string }>('POST', '/auth/login', null, { email, password })).accessToken;
  return {
    call,
    login,
    fedToken: await login('bench@kotizo.test', 'Bench-admin-2026'),
    apiPeakRssMb: () => apiPeakRssMb(),
    env: stringEnv(env),
    baseUrl: base,
    stop: async () => {
      await close();
      await database.drop();
    },
  };
}

/** Settings as environment strings, for a child process. */
function stringEnv(env: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(env)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => [k, String(v)]),
  );
}
