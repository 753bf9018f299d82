#!/usr/bin/env node
// Starts a throwaway stack for the browser journeys: a fresh database, the
// built API and the console server. Prints "ready" when both answer, and
// removes everything on SIGINT/SIGTERM. Needs `nx run-many -t build` first.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const adminUrl = process.env.TEST_DATABASE_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const apiPort = Number(process.env.E2E_API_PORT ?? 3300);
const consolePort = Number(process.env.E2E_CONSOLE_PORT ?? 4300);
const dbName = `kotizo_e2e_${randomBytes(4).toString('hex')}`;
const dbUrl = new URL(adminUrl);
dbUrl.pathname = `/${dbName}`;

const env = {
  ...process.env,
  NODE_ENV: 'test',
  PORT: String(apiPort),
  HOST: '127.0.0.1',
  DATABASE_URL: dbUrl.toString(),
  REDIS_PREFIX: `kotizo_e2e_${randomBytes(4).toString('hex')}`,
  JWT_SECRET: randomBytes(32).toString('hex'),
  FEDERATION_ADMIN_EMAIL: process.env.E2E_ADMIN_EMAIL ?? 'admin@kotizo.test',
  FEDERATION_ADMIN_PASSWORD: process.env.E2E_ADMIN_PASSWORD ?? 'Kotizo-Admin-2026',
  FEDERATION_ADMIN_NAME: 'Admin Fédération',
  LOG_LEVEL: process.env.E2E_LOG_LEVEL ?? 'warn',
  ARGON2_MEMORY_KIB: '4096',
  LOGIN_RATE_LIMIT_PER_MINUTE: '1000',
  RATE_LIMIT_PER_MINUTE: '100000',
  CONSOLE_PORT: String(consolePort),
  API_URL: `http://127.0.0.1:${apiPort}`,
};

async function sql(statement) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

const children = [];
let stopping = false;
async function stop(code = 0) {
  if (stopping) return;
  stopping = true;
  for (const child of children) child.kill('SIGTERM');
  await new Promise((r) => setTimeout(r, 500));
  await sql(`drop database if exists "${dbName}" with (force)`).catch(() => undefined);
  process.exit(code);
}
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());

function cli(...args) {
  const result = spawnSync(process.execPath, [join(root, 'apps/api/dist/cli/main.js'), ...args], {
    env,
    stdio: 'inherit',
  });
  if (result.status !== 0) throw new Error(`kotizo ${args.join(' ')} failed`);
}

async function waitFor(url, ms = 30_000) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // not yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} did not answer within ${ms} ms`);
}

try {
  await sql(`create database "${dbName}"`);
  cli('migrate');
  cli('create-federation-admin');
  children.push(spawn(process.execPath, [join(root, 'apps/api/dist/main.js')], { env, stdio: 'inherit' }));
  // The worker runs audits, investigations and the outbox, as in production.
  children.push(spawn(process.execPath, [join(root, 'apps/api/dist/worker.js')], { env, stdio: 'inherit' }));
  children.push(spawn(process.execPath, [join(root, 'tools/console-server/server.mjs')], { env, stdio: 'inherit' }));
  for (const child of children) child.on('exit', (code) => !stopping && void stop(code ?? 1));
  await waitFor(`http://127.0.0.1:${apiPort}/health`);
  await waitFor(`http://127.0.0.1:${consolePort}/`);
  console.log('ready');
} catch (error) {
  console.error(`e2e stack: ${error.message}`);
  await stop(1);
}
