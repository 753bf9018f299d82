import type { CooperativeResponse, CreateCooperativeResponse, Problem } from '@kotizo/contracts';
import { FederationDatabase } from '../../api/src/platform/database/federation-database.js';
import { ApiHarness } from '../../api/src/testing/api-harness.js';

const validBody = (slug: string) => ({
  name: 'Tontine de Cocody',
  slug,
  country: 'CI',
  admin: { name: 'Aya Kouadio', email: `aya@${slug}.test` },
});

describe('cooperatives (federation admin)', () => {
  let api: ApiHarness;
  let fed: string;

  beforeAll(async () => {
    api = await ApiHarness.start('coops');
    fed = (await api.loginFederationAdmin()).accessToken;
  });
  afterAll(async () => {
    await api.stop();
  });

  async function schemaExists(schema: string): Promise<boolean> {
    const res = await api.app
      .get(FederationDatabase)
      .em()
      .execute<{ n: string }[]>('select count(*) as n from pg_namespace where nspname = ?', [schema]);
    return Number(res[0]!.n) === 1;
  }

  it('provisions with the defaults: XOF, Africa/Abidjan, fr; the admin signs in with the temporary password', async () => {
    const res = await api.request<CreateCooperativeResponse>('POST', '/api/v1/coops', {
      token: fed,
      body: validBody('cocody'),
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      slug: 'cocody',
      currency: 'XOF',
      timeZone: 'Africa/Abidjan',
      locale: 'fr',
      status: 'active',
    });
    expect(res.body.admin.temporaryPassword).toMatch(/^[a-z2-9]{3}(-[a-z2-9]{3}){3}$/);
    expect(await schemaExists('coop_cocody')).toBe(true);

    const admin = await api.login('aya@cocody.test', res.body.admin.temporaryPassword!);
    const me = await api.request<{ mustChangePassword: boolean; memberships: { slug: string; role: string }[] }>(
      'GET',
      '/api/v1/me',
      { token: admin.accessToken },
    );
    expect(me.body.mustChangePassword).toBe(true);
    expect(me.body.memberships).toEqual([expect.objectContaining({ slug: 'cocody', role: 'admin', currency: 'XOF' })]);
  });

  it('answers the same call again with the cooperative already made, and a different one with 409', async () => {
    const replay = await api.request<CreateCooperativeResponse>('POST', '/api/v1/coops', {
      token: fed,
      body: validBody('cocody'),
    });
    expect(replay.status).toBe(200);
    expect(replay.body.admin.temporaryPassword).toBeNull();

    const other = await api.request<Problem>('POST', '/api/v1/coops', {
      token: fed,
      body: { ...validBody('cocody'), name: 'Another group' },
    });
    expect(other.status).toBe(409);
    expect(other.body).toMatchObject({ code: 'slug_taken', errors: [{ field: 'slug' }] });
    const list = await api.request<{ items: CooperativeResponse[] }>('GET', '/api/v1/coops?q=cocody', { token: fed });
    expect(list.body.items).toHaveLength(1);
  });

  it('provisions once under concurrent identical calls', async () => {
    const results = await Promise.all(
      Array.from({ length: 5 }, () =>
        api.request('POST', '/api/v1/coops', { token: fed, body: validBody('treichville') }),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual([200, 200, 200, 200, 201]);
  });

  it.each([
    ['uppercase', 'Cocody2'],
    ['spaces', 'my coop'],
    ['path traversal', '../etc'],
    ['reserved word', 'admin'],
    ['200 characters', 'a'.repeat(200)],
    ['too short', 'ab'],
    ['trailing hyphen', 'coop-'],
    ['a number', 12345],
  ])('refuses a bad slug (%s) and creates nothing', async (_, slug) => {
    const res = await api.request<Problem>('POST', '/api/v1/coops', { token: fed, body: { ...validBody('x'), slug } });
    expect(res.status).toBe(422);
    expect(res.body.errors).toEqual([expect.objectContaining({ field: 'slug' })]);
  });

  it('refuses bad fields, one entry each, and unknown fields', async () => {
    const res = await api.request<Problem>('POST', '/api/v1/coops', {
      token: fed,
      body: {
        name: 'G',
        slug: 'good-slug',
        country: 'Ivory Coast',
        currency: 'FCFA',
        timeZone: 'Africa/Nowhere',
        locale: 'de',
        admin: { name: 'A', email: 'not-an-email', phone: '0102' },
        color: 'blue',
      },
    });
    expect(res.status).toBe(422);
    expect(res.body.errors!.map((e) => e.field).sort()).toEqual(
      ['admin.email', 'admin.phone', 'color', 'country', 'currency', 'locale', 'name', 'timeZone'].sort(),
    );
    expect(await schemaExists('coop_good_slug')).toBe(false);
  });

  it('suspends and reactivates: members are locked out meanwhile, federation staff are not', async () => {
    const created = await api.request<CreateCooperativeResponse>('POST', '/api/v1/coops', {
      token: fed,
      body: validBody('plateau'),
    });
    const admin = await api.login('aya@plateau.test', created.body.admin.temporaryPassword!);

    const suspended = await api.request<CooperativeResponse>('PATCH', '/api/v1/coops/plateau/status', {
      token: fed,
      body: { status: 'suspended', reason: 'Annual accounts missing' },
    });
    expect(suspended.body.status).toBe('suspended');
    const locked = await api.request<Problem>('GET', '/api/v1/coops/plateau/users', { token: admin.accessToken });
    expect(locked.status).toBe(403);
    expect(locked.body.code).toBe('cooperative_suspended');
    expect((await api.request('GET', '/api/v1/coops/plateau/users', { token: fed })).status).toBe(200);
    const filtered = await api.request<{ items: CooperativeResponse[] }>('GET', '/api/v1/coops?status=suspended', {
      token: fed,
    });
    expect(filtered.body.items.map((c) => c.slug)).toEqual(['plateau']);

    await api.request('PATCH', '/api/v1/coops/plateau/status', { token: fed, body: { status: 'active' } });
    expect((await api.request('GET', '/api/v1/coops/plateau/users', { token: admin.accessToken })).status).toBe(200);
  });

  it('lets only the federation admin create and suspend', async () => {
    const created = await api.request<CreateCooperativeResponse>('POST', '/api/v1/coops', {
      token: fed,
      body: validBody('adjame'),
    });
    const admin = await api.login('aya@adjame.test', created.body.admin.temporaryPassword!);
    const create = await api.request('POST', '/api/v1/coops', {
      token: admin.accessToken,
      body: validBody('adjame-2'),
    });
    expect(create.status).toBe(403);
    const suspend = await api.request('PATCH', '/api/v1/coops/adjame/status', {
      token: admin.accessToken,
      body: { status: 'suspended' },
    });
    expect(suspend.status).toBe(403);
    expect(await schemaExists('coop_adjame_2')).toBe(false);
  });

  it('pages the list and refuses bad paging values', async () => {
    const page = await api.request<{ items: CooperativeResponse[]; total: number; limit: number }>(
      'GET',
      '/api/v1/coops?limit=2&offset=1',
      { token: fed },
    );
    expect(page.body.limit).toBe(2);
    expect(page.body.items).toHaveLength(2);
    expect(page.body.total).toBeGreaterThanOrEqual(4);
    const bad = await api.request<Problem>('GET', '/api/v1/coops?limit=abc&offset=-1&sort=x', { token: fed });
    expect(bad.status).toBe(422);
    expect(bad.body.errors!.map((e) => e.field).sort()).toEqual(['limit', 'offset', 'sort']);
  });
});
