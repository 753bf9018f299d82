import type { MemberEventResponse, MemberResponse, Page, Problem } from '@kotizo/contracts';
import { ApiHarness } from '../../api/src/testing/api-harness.js';
import { cooperativeWithEveryRole, type CoopFixture } from './fixtures.js';

describe('members', () => {
  let api: ApiHarness;
  let coop: CoopFixture;
  let secretary: string;
  const base = () => `/api/v1/coops/${coop.slug}/members`;

  beforeAll(async () => {
    api = await ApiHarness.start('members');
    coop = await cooperativeWithEveryRole(api, (await api.loginFederationAdmin()).accessToken, 'man');
    secretary = coop.users.secretary.accessToken;
  });
  afterAll(async () => {
    await api.stop();
  });

  it('adds a member with a number given by the system and a normalised phone', async () => {
    const res = await api.request<MemberResponse>('POST', base(), {
      token: secretary,
      body: { fullName: 'Adjoua Brou', phone: '+225 07 08 09 10 11', nationalId: 'CI-0012345', joinedOn: '2025-03-01' },
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ number: 2, fullName: 'Adjoua Brou', phone: '+2250708091011', status: 'active' });
  });

  it('refuses bad input, one entry per field', async () => {
    const res = await api.request<Problem>('POST', base(), {
      token: secretary,
      body: { fullName: 'A', phone: '0708091011', joinedOn: '01/03/2025', age: 40 },
    });
    expect(res.status).toBe(422);
    expect(res.body.errors!.map((e) => e.field).sort()).toEqual(['age', 'fullName', 'joinedOn', 'phone']);
  });

  it('edits, suspends with a reason, reactivates and records an exit; every change is in the history', async () => {
    const created = await api.request<MemberResponse>('POST', base(), {
      token: secretary,
      body: { fullName: 'Yao Kouamé', phone: '+2250102030405', joinedOn: '2024-06-10' },
    });
    const id = created.body.id;
    await api.request('PATCH', `${base()}/${id}`, { token: secretary, body: { phone: '+2250102030499' } });
    const noReason = await api.request<Problem>('POST', `${base()}/${id}/status`, {
      token: secretary,
      body: { status: 'suspended' },
    });
    expect(noReason.body.errors).toEqual([expect.objectContaining({ field: 'reason' })]);
    await api.request('POST', `${base()}/${id}/status`, {
      token: secretary,
      body: { status: 'suspended', reason: 'Three dues missed' },
    });
    await api.request('POST', `${base()}/${id}/status`, { token: secretary, body: { status: 'active' } });
    const exited = await api.request<MemberResponse>('POST', `${base()}/${id}/status`, {
      token: secretary,
      body: { status: 'exited', reason: 'Moved to Bouaké' },
    });
    expect(exited.body).toMatchObject({ status: 'exited', statusReason: 'Moved to Bouaké' });
    const back = await api.request<Problem>('POST', `${base()}/${id}/status`, {
      token: secretary,
      body: { status: 'active' },
    });
    expect(back.body.code).toBe('member_exited');

    const history = await api.request<MemberEventResponse[]>('GET', `${base()}/${id}/history`, { token: secretary });
    expect(history.body.map((e) => e.action)).toEqual(['created', 'updated', 'suspended', 'reactivated', 'exited']);
    expect(history.body[1]!.changes).toEqual({ phone: { from: '+2250102030405', to: '+2250102030499' } });
    expect(history.body[2]!.reason).toBe('Three dues missed');

    const money = await api.request<Problem>('POST', `/api/v1/coops/${coop.slug}/transactions`, {
      token: coop.users.treasurer.accessToken,
      body: { kind: 'contribution', memberId: id, amount: 100, channel: 'cash' },
    });
    expect(money.body.code).toBe('member_exited');
  });

  it('searches by name, phone or number and filters by status, paginated', async () => {
    const byName = await api.request<Page<MemberResponse>>('GET', `${base()}?q=adjoua`, { token: secretary });
    expect(byName.body.items.map((m) => m.fullName)).toEqual(['Adjoua Brou']);
    const byNumber = await api.request<Page<MemberResponse>>('GET', `${base()}?q=2`, { token: secretary });
    expect(byNumber.body.items.map((m) => m.number)).toContain(2);
    const current = await api.request<Page<MemberResponse>>('GET', `${base()}?status=current&limit=100`, {
      token: secretary,
    });
    expect(current.body.items.map((m) => m.status)).not.toContain('exited');
    expect(current.body.total).toBe(2);
    const exited = await api.request<Page<MemberResponse>>('GET', `${base()}?status=exited`, { token: secretary });
    expect(exited.body.items.map((m) => m.fullName)).toEqual(['Yao Kouamé']);
    const page = await api.request<Page<MemberResponse>>('GET', `${base()}?limit=1&offset=1`, { token: secretary });
    expect(page.body).toMatchObject({ total: 3, limit: 1, offset: 1 });
    expect(page.body.items).toHaveLength(1);
  });

  it('shows a member account linked to its record only that record, its money and its loans', async () => {
    const own = await api.request<MemberResponse>('POST', base(), {
      token: secretary,
      body: { fullName: 'Mamadou Cissé', phone: '+2250612345678', joinedOn: '2025-02-01' },
    });
    const treasurer = coop.users.treasurer.accessToken;
    await api.request('POST', `/api/v1/coops/${coop.slug}/transactions`, {
      token: treasurer,
      body: { kind: 'contribution', memberId: own.body.id, amount: 1500, channel: 'cash' },
    });
    const wrongRole = await api.request<Problem>('POST', `/api/v1/coops/${coop.slug}/users`, {
      token: coop.users.admin.accessToken,
      body: { name: 'Mamadou', email: 'mamadou@man.test', role: 'treasurer', memberId: own.body.id },
    });
    expect(wrongRole.body.errors).toEqual([expect.objectContaining({ field: 'memberId' })]);
    const account = await api.request('POST', `/api/v1/coops/${coop.slug}/users`, {
      token: coop.users.admin.accessToken,
      body: {
        name: 'Mamadou',
        email: 'mamadou@man.test',
        role: 'member',
        memberId: own.body.id,
        password: 'Mamadou-pass-26',
      },
    });
    expect(account.status).toBe(201);
    const twice = await api.request<Problem>('POST', `/api/v1/coops/${coop.slug}/users`, {
      token: coop.users.admin.accessToken,
      body: { name: 'Other', email: 'other@man.test', role: 'member', memberId: own.body.id },
    });
    expect(twice.status).toBe(422);

    const token = (await api.login('mamadou@man.test', 'Mamadou-pass-26')).accessToken;
    const me = await api.request<{ memberships: { slug: string; memberId: string | null }[] }>('GET', '/api/v1/me', {
      token,
    });
    expect(me.body.memberships).toEqual([expect.objectContaining({ slug: coop.slug, memberId: own.body.id })]);
    const list = await api.request<Page<MemberResponse>>('GET', base(), { token });
    expect(list.body.items.map((m) => m.id)).toEqual([own.body.id]);
    expect((await api.request('GET', `${base()}/${own.body.id}`, { token })).status).toBe(200);
    expect((await api.request('GET', `${base()}/${coop.memberId}`, { token })).status).toBe(404);
    expect((await api.request('GET', `${base()}/${coop.memberId}/summary`, { token })).status).toBe(404);
    const summary = await api.request<{ savings: number }>('GET', `${base()}/${own.body.id}/summary`, { token });
    expect(summary.body.savings).toBe(1500);
    const journal = await api.request<Page<{ memberId: string }>>('GET', `/api/v1/coops/${coop.slug}/transactions`, {
      token,
    });
    expect(journal.body.items.map((t) => t.memberId)).toEqual([own.body.id]);
    const loans = await api.request<Page<{ memberId: string }>>('GET', `/api/v1/coops/${coop.slug}/loans`, { token });
    expect(loans.body.items).toEqual([]);
    expect((await api.request('GET', `/api/v1/coops/${coop.slug}/loans/${coop.loanId}`, { token })).status).toBe(404);
    expect((await api.request('GET', `/api/v1/coops/${coop.slug}/balances`, { token })).status).toBe(403);
  });

  it('shows a member account with no member record linked nobody’s records', async () => {
    const member = coop.users.member.accessToken;
    expect((await api.request('GET', base(), { token: member })).status).toBe(403);
    expect((await api.request('GET', `${base()}/${coop.memberId}`, { token: member })).status).toBe(403);
    expect((await api.request('GET', `/api/v1/coops/${coop.slug}/transactions`, { token: member })).status).toBe(403);
  });
});
