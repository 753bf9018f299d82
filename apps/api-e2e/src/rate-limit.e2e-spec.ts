import type { Problem } from '@kotizo/contracts';
import { ApiHarness } from '../../api/src/testing/api-harness.js';

describe('rate limits shared by every API process (Redis)', () => {
  let a: ApiHarness;
  let b: ApiHarness;

  beforeAll(async () => {
    a = await ApiHarness.start('ratelimit', { LOGIN_RATE_LIMIT_PER_MINUTE: '3', RATE_LIMIT_PER_MINUTE: '40' });
    b = await ApiHarness.alongside(a);
  });
  afterAll(async () => {
    await b.stop();
    await a.stop();
  });

  const attempt = (api: ApiHarness, email: string) =>
    api.request<Problem>('POST', '/api/v1/auth/login', { body: { email, password: 'guessing-password-1' } });

  it('limits sign-in per address and e-mail across processes, with a clear problem', async () => {
    expect((await attempt(a, 'victim@x.test')).status).toBe(401);
    expect((await attempt(b, 'victim@x.test')).status).toBe(401);
    expect((await attempt(a, 'victim@x.test')).status).toBe(401);
    const blocked = await attempt(b, 'victim@x.test');
    expect(blocked.status).toBe(429);
    expect(blocked.headers.get('content-type')).toContain('application/problem+json');
    expect(blocked.body).toMatchObject({ code: 'too_many_requests', status: 429 });
    expect(blocked.headers.get('retry-after-login')).toMatch(/^\d+$/);
    // Another e-mail from the same address is counted apart.
    expect((await attempt(a, 'someone.else@x.test')).status).toBe(401);
  });

  it('limits every route more loosely', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 45; i++) statuses.push((await a.request('GET', '/api/v1/me')).status);
    expect(statuses.slice(0, 30).every((s) => s === 401)).toBe(true);
    expect(statuses).toContain(429);
  });
});
