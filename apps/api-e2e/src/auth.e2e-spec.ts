import { createHmac } from 'node:crypto';
import { ApiHarness } from '../../api/src/testing/api-harness.js';

interface Tokens {
  accessToken: string;
  refreshToken: string;
}

function b64url(value: object): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

describe('auth over HTTP', () => {
  let api: ApiHarness;

  beforeAll(async () => {
    api = await ApiHarness.start('auth');
  });
  afterAll(async () => {
    await api.stop();
  });

  it('signs in, answers /me, and rejects a wrong password with problem+json', async () => {
    const tokens = await api.loginFederationAdmin();
    const me = await api.request<{ email: string; federationRole: string }>('GET', '/api/v1/me', {
      token: tokens.accessToken,
    });
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ email: 'fed.admin@kotizo.test', federationRole: 'federation_admin' });

    const wrong = await api.request('POST', '/api/v1/auth/login', {
      body: { email: 'fed.admin@kotizo.test', password: 'not-the-password-1' },
    });
    expect(wrong.status).toBe(401);
    expect(wrong.headers.get('content-type')).toContain('application/problem+json');
    expect(wrong.body).toMatchObject({ code: 'invalid_credentials', status: 401 });
  });

  it('rejects unknown fields and wrong types, one entry per field', async () => {
    const res = await api.request<{ errors: { field: string }[] }>('POST', '/api/v1/auth/login', {
      body: { email: 42, password: ['x'], remember: true },
    });
    expect(res.status).toBe(422);
    expect(res.body.errors.map((e) => e.field).sort()).toEqual(['email', 'password', 'remember']);
  });

  it('rejects malformed JSON with a 400 problem', async () => {
    const res = await api.request('POST', '/api/v1/auth/login', {
      rawBody: '{"email": ',
      headers: { 'content-type': 'application/json' },
    });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
  });

  it('rotates refresh tokens and revokes the session when one is reused', async () => {
    const first = await api.loginFederationAdmin();
    const second = await api.request<Tokens>('POST', '/api/v1/auth/refresh', {
      body: { refreshToken: first.refreshToken },
    });
    expect(second.status).toBe(200);
    expect(second.body.refreshToken).not.toBe(first.refreshToken);

    const reuse = await api.request('POST', '/api/v1/auth/refresh', { body: { refreshToken: first.refreshToken } });
    expect(reuse.status).toBe(401);
    expect(reuse.body).toMatchObject({ code: 'refresh_token_reused' });

    // The whole session is gone: the newer refresh token and its access token too.
    const after = await api.request('POST', '/api/v1/auth/refresh', {
      body: { refreshToken: second.body.refreshToken },
    });
    expect(after.status).toBe(401);
    const me = await api.request('GET', '/api/v1/me', { token: second.body.accessToken });
    expect(me.status).toBe(401);
  });

  it('signs out: the access token and the refresh token stop working at once', async () => {
    const tokens = await api.loginFederationAdmin();
    const out = await api.request('POST', '/api/v1/auth/logout', { body: { refreshToken: tokens.refreshToken } });
    expect(out.status).toBe(204);
    expect((await api.request('GET', '/api/v1/me', { token: tokens.accessToken })).status).toBe(401);
    expect(
      (await api.request('POST', '/api/v1/auth/refresh', { body: { refreshToken: tokens.refreshToken } })).status,
    ).toBe(401);
  });

  it('refuses tampered, alg:none, wrongly signed and expired tokens', async () => {
    const { accessToken } = await api.loginFederationAdmin();
    const [header, payload, signature] = accessToken.split('.') as [string, string, string];
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<string, unknown>;

    const tampered = `${header}.${b64url({ ...claims, sub: '00000000-0000-0000-0000-000000000000' })}.${signature}`;
    const none = `${b64url({ alg: 'none', typ: 'JWT' })}.${payload}.`;
    const sign = (h: object, c: object, secret: string) => {
      const unsigned = `${b64url(h)}.${b64url(c)}`;
      return `${unsigned}.${createHmac('sha256', secret).update(unsigned).digest('base64url')}`;
    };
    const otherKey = sign({ alg: 'HS256', typ: 'JWT' }, claims, 'another-secret-another-secret-123');
    const now = Math.floor(Date.now() / 1000);
    const expired = sign(
      { alg: 'HS256', typ: 'JWT' },
      { ...claims, iat: now - 3600, exp: now - 60 },
      api.env.JWT_SECRET,
    );

    for (const [token, code] of [
      [tampered, 'invalid_token'],
      [none, 'invalid_token'],
      [otherKey, 'invalid_token'],
      [expired, 'token_expired'],
      ['not-a-jwt', 'invalid_token'],
    ] as const) {
      const res = await api.request('GET', '/api/v1/me', { token });
      expect({ status: res.status, code: (res.body as { code: string }).code }).toEqual({ status: 401, code });
    }
    expect((await api.request('GET', '/api/v1/me')).status).toBe(401);
  });

  it('changes the password: weak ones are refused, other sessions end', async () => {
    const a = await api.loginFederationAdmin();
    const b = await api.loginFederationAdmin();
    const weak = await api.request<{ errors: { field: string }[] }>('POST', '/api/v1/me/password', {
      token: a.accessToken,
      body: { currentPassword: api.env.FEDERATION_ADMIN_PASSWORD, newPassword: 'short' },
    });
    expect(weak.status).toBe(422);
    expect(weak.body.errors[0]).toMatchObject({ field: 'newPassword' });

    const ok = await api.request('POST', '/api/v1/me/password', {
      token: a.accessToken,
      body: { currentPassword: api.env.FEDERATION_ADMIN_PASSWORD, newPassword: 'A-new-passphrase-2026' },
    });
    expect(ok.status).toBe(204);
    expect((await api.request('GET', '/api/v1/me', { token: a.accessToken })).status).toBe(200);
    expect((await api.request('GET', '/api/v1/me', { token: b.accessToken })).status).toBe(401);
    await api.login('fed.admin@kotizo.test', 'A-new-passphrase-2026');
    // Put it back for the other tests of this file.
    const c = await api.login('fed.admin@kotizo.test', 'A-new-passphrase-2026');
    await api.request('POST', '/api/v1/me/password', {
      token: c.accessToken,
      body: { currentPassword: 'A-new-passphrase-2026', newPassword: api.env.FEDERATION_ADMIN_PASSWORD },
    });
  });
});
