import { checkPostgres, checkRedis, ensureDatabase, ServiceUnavailable } from './preflight.js';
import { TEST_ADMIN_URL, TEST_REDIS_URL } from '../../testing/test-env.js';

describe('preflight', () => {
  it('passes when PostgreSQL and Redis answer', async () => {
    await expect(checkPostgres(TEST_ADMIN_URL)).resolves.toBeUndefined();
    await expect(checkRedis(TEST_REDIS_URL)).resolves.toBeUndefined();
  });

  it('says in one line, with how to fix it, when PostgreSQL does not answer', async () => {
    const error = await checkPostgres('postgres://kotizo:secret@127.0.0.1:1/kotizo').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ServiceUnavailable);
    const message = (error as Error).message;
    expect(message).toMatch(
      /^PostgreSQL does not answer at postgres:\/\/kotizo:\*\*\*@127\.0\.0\.1:1\/kotizo \(.+\): start it \(docker compose/,
    );
    expect(message).not.toContain('\n');
    expect(message).not.toContain('secret');
  });

  it('names the configured database, not the maintenance one, when creating it fails', async () => {
    const error = await ensureDatabase('postgres://kz:secret@127.0.0.1:1/kotizo').catch((e: unknown) => e);
    expect((error as Error).message).toMatch(
      /^PostgreSQL does not answer at postgres:\/\/kz:\*\*\*@127\.0\.0\.1:1\/kotizo \(/,
    );
  });

  it('says in one line when Redis does not answer', async () => {
    const error = await checkRedis('redis://127.0.0.1:1').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ServiceUnavailable);
    expect((error as Error).message).toMatch(/^Redis does not answer at redis:\/\/127\.0\.0\.1:1 .*REDIS_URL\.$/);
  });
});
