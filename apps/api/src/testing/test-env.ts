import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { type Env, loadEnv } from '../platform/config/env.schema.js';

/** Server that tests create their throwaway databases on (trust auth, like CI). */
export const TEST_ADMIN_URL = process.env['TEST_DATABASE_ADMIN_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const TEST_REDIS_URL = process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379';

export interface TestDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

async function admin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: TEST_ADMIN_URL });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** A fresh database for one test file, dropped (with its connections) afterwards. */
export async function createTestDatabase(label: string): Promise<TestDatabase> {
  const name = `kotizo_test_${label.replace(/\W/g, '_').slice(0, 20)}_${randomBytes(4).toString('hex')}`.toLowerCase();
  await admin((c) => c.query(`create database "${name}"`));
  const url = new URL(TEST_ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    drop: () => admin((c) => c.query(`drop database if exists "${name}" with (force)`)).then(() => undefined),
  };
}

/** Settings for a test process: cheap hashing, quiet logs, its own Redis key prefix. */
export function testEnv(databaseUrl: string, overrides: Record<string, string> = {}): Env {
  return loadEnv({
    NODE_ENV: 'test',
    DATABASE_URL: databaseUrl,
    DATABASE_POOL_MAX: '5',
    REDIS_URL: TEST_REDIS_URL,
    REDIS_PREFIX: `kotizo_test_${randomBytes(4).toString('hex')}`,
    JWT_SECRET: randomBytes(32).toString('hex'),
    ARGON2_MEMORY_KIB: '1024',
    LOG_LEVEL: process.env['TEST_LOG_LEVEL'] ?? 'silent',
    RATE_LIMIT_PER_MINUTE: '100000',
    LOGIN_RATE_LIMIT_PER_MINUTE: '100000',
    FEDERATION_ADMIN_EMAIL: 'fed.admin@kotizo.test',
    FEDERATION_ADMIN_PASSWORD: 'Federation-Admin-1',
    ...overrides,
  });
}
