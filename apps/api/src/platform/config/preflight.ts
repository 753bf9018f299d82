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
  const client = new Redis(url, { lazyConnect: true, connectTimeout: 3_000, maxRetriesPerRequest: 0, retryStrategy: () => null });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.ping();
  } catch (error) {
    const reason = (error as Error).message || 'no answer';
    throw new ServiceUnavailable(`Redis does not answer at ${redact(url)} (${reason}): ${HOW_TO_START} REDIS_URL.`);
  } finally {
    client.disconnect();
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
