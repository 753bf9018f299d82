import pg from 'pg';
import { Redis } from 'ioredis';
import type { Env } from './env.schema.js';

/** A service the process needs did not answer: said in one line, with what to do. */
export class ServiceUnavailable extends Error {}

function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return url;
  }
}

const HOW_TO_START = 'start it (docker compose -f docker/compose.yml up -d postgres redis) or fix';

export async function checkPostgres(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3_000 });
  try {
    await client.connect();
    await client.query('select 1');
  } catch (error) {
    const reason = (error as Error).message || (error as { code?: string }).code || 'no answer';
    throw new ServiceUnavailable(
      `PostgreSQL does not answer at ${redact(url)} (${reason}): ${HOW_TO_START} DATABASE_URL.`,
    );
  } finally {
    await client.end().catch(() => undefined);
  }
}

export async function checkRedis(url: string): Promise<void> {
  // ioredis' own connect timer outlives a failed attempt; time the attempt here instead.
  const client = new Redis(url, {
    lazyConnect: true,
    connectTimeout: 0,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  let cause: Error | null = null;
  client.on('error', (error: Error) => {
    cause ??= error;
  });
  try {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('no answer within 3 s')), 3_000);
    });
    try {
      await Promise.race([client.connect().then(() => client.ping()), timeout]);
    } finally {
      clearTimeout(timer);
    }
  } catch (error) {
    // The 'error' event carries the socket's reason (ECONNREFUSED...); the rejection only "closed".
    const reason = (cause as Error | null)?.message || (error as Error).message || 'no answer';
    throw new ServiceUnavailable(`Redis does not answer at ${redact(url)} (${reason}): ${HOW_TO_START} REDIS_URL.`);
  } finally {
    // After a failed attempt the client is already closed; disconnect() would arm a 2 s timer.
    if (client.status !== 'end') client.disconnect();
  }
}

/**
 * Creates the configured database when the server answers but the database
 * does not exist yet (a fresh PostgreSQL). Returns true when it created it.
 */
export async function ensureDatabase(url: string): Promise<boolean> {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  if (!/^[a-z_][a-z0-9_]*$/.test(name))
    throw new ServiceUnavailable(`DATABASE_URL names an unusual database "${name}"; create it yourself.`);
  const maintenance = new URL(url);
  maintenance.pathname = '/postgres';
  // Report the URL the user configured, not the maintenance database we reach through it.
  await checkPostgres(maintenance.toString()).catch((error: unknown) => {
    throw error instanceof ServiceUnavailable
      ? new ServiceUnavailable(error.message.replace(redact(maintenance.toString()), redact(url)))
      : error;
  });
  const client = new pg.Client({ connectionString: maintenance.toString(), connectionTimeoutMillis: 3_000 });
  await client.connect();
  try {
    const found = await client.query('select 1 from pg_database where datname = $1', [name]);
    if (found.rowCount) return false;
    await client.query(`create database "${name}"`);
    return true;
  } finally {
    await client.end();
  }
}

export async function preflight(env: Pick<Env, 'DATABASE_URL' | 'REDIS_URL'>): Promise<void> {
  await checkPostgres(env.DATABASE_URL);
  await checkRedis(env.REDIS_URL);
}

/** Runs a process entry point; known start-up failures print one line instead of a stack. */
export function runMain(main: () => Promise<void>): void {
  main().catch((error: unknown) => {
    if (error instanceof ServiceUnavailable || (error as Error).name === 'ConfigError') {
      process.stderr.write(`kotizo: ${(error as Error).message}\n`);
    } else {
      process.stderr.write(`kotizo: ${(error as Error).stack ?? String(error)}\n`);
    }
    process.exit(1);
  });
}
