import type { CooperativeUserResponse, CreateCooperativeResponse, MeResponse, Problem } from '@kotizo/contracts';
import { ApiHarness } from '../../api/src/testing/api-harness.js';

describe('cooperative users and roles', () => {
  let api: ApiHarness;
  let fed: string;
  let admin: string;
  let moussaPassword: string;

  async function provision(slug: string, adminEmail: string): Promise<CreateCooperativeResponse> {
    const res = await api.request<CreateCooperativeResponse>('POST', '/api/v1/coops', {
      token: fed,
      body: {
        name: `Groupement ${slug}`,
        slug,
        country: 'SN',
        currency: 'XOF',
        timeZone: 'Africa/Dakar',
        admin: { name: 'Admin', email: adminEmail },
      },
    });
    expect(res.status).toBe(201);
    return res.body;
  }

  beforeAll(async () => {
    api = await ApiHarness.start('users');
    fed = (await api.loginFederationAdmin()).accessToken;
    const created = await provision('thies', 'ndeye@thies.test');
    admin = (await api.login('ndeye@thies.test', created.admin.temporaryPassword!)).accessToken;
  });
  afterAll(async () => {
    await api.stop();
  });

  it('adds a user with a role; the user signs in with the temporary password', async () => {
    const res = await api.request<CooperativeUserResponse>('POST', '/api/v1/coops/thies/users', {
      token: admin,
      body: { name: 'Moussa Diop', email: 'Moussa@Thies.test', role: 'treasurer' },
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ email: 'moussa@thies.test', role: 'treasurer', active: true });
    moussaPassword = res.body.temporaryPassword!;
    const tokens = await api.login('moussa@thies.test', moussaPassword);
    const me = await api.request<MeResponse>('GET', '/api/v1/me', { token: tokens.accessToken });
    expect(me.body.memberships.map((m) => [m.slug, m.role])).toEqual([['thies', 'treasurer']]);
  });

  it('refuses bad input with one entry per field and creates nobody', async () => {
    const res = await api.request<Problem>('POST', '/api/v1/coops/thies/users', {
      token: admin,
      body: { name: '', email: 'moussa@', role: 'boss', password: 'weak', nickname: 'x' },
    });
    expect(res.status).toBe(422);
    expect(res.body.errors!.map((e) => e.field).sort()).toEqual(['email', 'name', 'nickname', 'password', 'role']);
    const list = await api.request<{ total: number }>('GET', '/api/v1/coops/thies/users', { token: admin });
    expect(list.body.total).toBe(2);
  });

  it('refuses to add the same person twice', async () => {
    const res = await api.request<Problem>('POST', '/api/v1/coops/thies/users', {
      token: admin,
      body: { name: 'Moussa', email: 'moussa@thies.test', role: 'member' },
    });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('already_member');
  });

  it('changes a role and deactivates a user; the change applies to open sessions at once', async () => {
    const added = await api.request<CooperativeUserResponse>('POST', '/api/v1/coops/thies/users', {
      token: admin,
      body: { name: 'Fatou Sow', email: 'fatou@thies.test', role: 'secretary', password: 'Fatou-Sow-2026' },
    });
    const fatou = (await api.login('fatou@thies.test', 'Fatou-Sow-2026')).accessToken;
    expect((await api.request('GET', '/api/v1/coops/thies/users', { token: fatou })).status).toBe(200);
    expect((await api.request('POST', '/api/v1/coops/thies/users', { token: fatou, body: {} })).status).toBe(403);

    const promoted = await api.request<CooperativeUserResponse>('PATCH', `/api/v1/coops/thies/users/${added.body.id}`, {
      token: admin,
      body: { role: 'admin' },
    });
    expect(promoted.body.role).toBe('admin');
    const now = await api.request('POST', '/api/v1/coops/thies/users', {
      token: fatou,
      body: { name: 'Awa', email: 'awa@thies.test', role: 'member', password: 'Awa-member-2026' },
    });
    expect(now.status).toBe(201);

    const off = await api.request<CooperativeUserResponse>('PATCH', `/api/v1/coops/thies/users/${added.body.id}`, {
      token: admin,
      body: { active: false },
    });
    expect(off.body.active).toBe(false);
    const denied = await api.request<Problem>('GET', '/api/v1/coops/thies/users', { token: fatou });
    expect(denied.status).toBe(403);
    expect(denied.body.code).toBe('not_a_member');
    const inactive = await api.request<{ items: CooperativeUserResponse[] }>(
      'GET',
      '/api/v1/coops/thies/users?active=false',
      {
        token: admin,
      },
    );
    expect(inactive.body.items.map((u) => u.email)).toEqual(['fatou@thies.test']);
  });

  it('keeps at least one active admin', async () => {
    const me = await api.request<MeResponse>('GET', '/api/v1/me', { token: admin });
    const res = await api.request<Problem>('PATCH', `/api/v1/coops/thies/users/${me.body.id}`, {
      token: admin,
      body: { role: 'member' },
    });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('last_admin');
    const empty = await api.request<Problem>('PATCH', `/api/v1/coops/thies/users/${me.body.id}`, {
      token: admin,
      body: {},
    });
    expect(empty.status).toBe(422);
    const unknown = await api.request('PATCH', '/api/v1/coops/thies/users/not-a-uuid', {
      token: admin,
      body: { role: 'member' },
    });
    expect(unknown.status).toBe(404);
  });

  it('lets a user in two cooperatives switch between them', async () => {
    const second = await provision('kaolack', 'omar@kaolack.test');
    const omar = (await api.login('omar@kaolack.test', second.admin.temporaryPassword!)).accessToken;
    const added = await api.request<CooperativeUserResponse>('POST', '/api/v1/coops/kaolack/users', {
      token: omar,
      body: { name: 'Moussa Diop', email: 'moussa@thies.test', role: 'auditor' },
    });
    expect(added.status).toBe(201);
    expect(added.body.temporaryPassword).toBeNull(); // the account existed: no new password

    const moussa = (await api.login('moussa@thies.test', moussaPassword)).accessToken;
    const me = await api.request<MeResponse>('GET', '/api/v1/me', { token: moussa });
    expect(me.body.memberships.map((m) => [m.slug, m.role])).toEqual([
      ['kaolack', 'auditor'],
      ['thies', 'treasurer'],
    ]);
    // Switching is choosing the other slug: each answers with its own users only.
    const inThies = await api.request<{ items: CooperativeUserResponse[] }>('GET', '/api/v1/coops/thies/users', {
      token: moussa,
    });
    const inKaolack = await api.request<{ items: CooperativeUserResponse[] }>('GET', '/api/v1/coops/kaolack/users', {
      token: moussa,
    });
    expect(inThies.body.items.map((u) => u.email)).toContain('ndeye@thies.test');
    expect(inKaolack.body.items.map((u) => u.email).sort()).toEqual(['moussa@thies.test', 'omar@kaolack.test']);
  });
});
