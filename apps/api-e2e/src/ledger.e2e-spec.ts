import type {
  BalancesResponse,
  LedgerVerification,
  MemberSummaryResponse,
  Problem,
  TransactionResponse,
} from '@kotizo/contracts';
import { FederationDatabase } from '../../api/src/platform/database/federation-database.js';
import { ApiHarness } from '../../api/src/testing/api-harness.js';
import { cooperativeWithEveryRole, type CoopFixture } from './fixtures.js';

describe('ledger: recording money', () => {
  let api: ApiHarness;
  let coop: CoopFixture;
  let treasurer: string;
  const path = () => `/api/v1/coops/${coop.slug}/transactions`;

  beforeAll(async () => {
    api = await ApiHarness.start('ledger');
    coop = await cooperativeWithEveryRole(api, (await api.loginFederationAdmin()).accessToken, 'korhogo');
    treasurer = coop.users.treasurer.accessToken;
  });
  afterAll(async () => {
    await api.stop();
  });

  const sql = <T>(statement: string, params: unknown[] = []) =>
    api.app.get(FederationDatabase).em().execute<T[]>(statement, params);
  const count = async () =>
    Number((await sql<{ n: string }>('select count(*) as n from coop_korhogo.transactions'))[0]!.n);
  const contribution = (amount: unknown = 2500) => ({
    kind: 'contribution',
    memberId: coop.memberId,
    amount,
    channel: 'mobile_money',
  });

  it('records a contribution in XOF, dated today in the cooperative’s zone, and chains it', async () => {
    const res = await api.request<TransactionResponse>('POST', path(), { token: treasurer, body: contribution() });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      kind: 'contribution',
      direction: 1,
      amount: 2500,
      currency: 'XOF',
      channel: 'mobile_money',
    });
    expect(res.body.occurredOn).toBe(
      new Intl.DateTimeFormat('en-CA', { timeZone: 'Africa/Abidjan' }).format(new Date()),
    );
    expect(res.body.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it.each([
    ['a fraction of a franc', 10.5],
    ['zero', 0],
    ['a negative amount', -100],
    ['a number as a string', '2500'],
    ['beyond the maximum', 1e16],
    ['beyond 2^53', 2 ** 53 + 2],
    ['nothing', null],
  ])('refuses %s and records nothing', async (_, amount) => {
    const before = await count();
    const res = await api.request<Problem>('POST', path(), { token: treasurer, body: contribution(amount) });
    expect(res.status).toBe(422);
    expect(res.body.errors).toEqual([expect.objectContaining({ field: 'amount' })]);
    expect(await count()).toBe(before);
  });

  it('refuses an unknown kind, a member of nowhere, a future date and extra fields, one entry per field', async () => {
    const kind = await api.request<Problem>('POST', path(), {
      token: treasurer,
      body: { ...contribution(), kind: 'gift' },
    });
    expect(kind.status).toBe(422);
    const stranger = await api.request<Problem>('POST', path(), {
      token: treasurer,
      body: { ...contribution(), memberId: '00000000-0000-4000-8000-000000000000' },
    });
    expect(stranger.body.errors).toEqual([
      { field: 'memberId', code: 'not_a_member', message: 'is not a member of this cooperative' },
    ]);
    const future = await api.request<Problem>('POST', path(), {
      token: treasurer,
      body: { ...contribution(), occurredOn: '2999-01-01' },
    });
    expect(future.body.errors).toEqual([
      { field: 'occurredOn', code: 'in_future', message: 'cannot be in the future' },
    ]);
    const extra = await api.request<Problem>('POST', path(), {
      token: treasurer,
      body: { ...contribution(), category: 'rent', note: 1 },
    });
    expect(extra.body.errors!.map((e) => e.field).sort()).toEqual(['category', 'note']);
  });

  it('answers a replayed Idempotency-Key with the first response and writes once, even under 50 concurrent retries', async () => {
    const before = await count();
    const headers = { 'idempotency-key': 'retry-test-000001' };
    const first = await api.request<TransactionResponse>('POST', path(), {
      token: treasurer,
      body: contribution(1000),
      headers,
    });
    const again = await api.request<TransactionResponse>('POST', path(), {
      token: treasurer,
      body: contribution(1000),
      headers,
    });
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    const other = await api.request<Problem>('POST', path(), { token: treasurer, body: contribution(1001), headers });
    expect(other.status).toBe(422);
    expect(other.body.code).toBe('idempotency_key_reused');
    expect(await count()).toBe(before + 1);

    const burstHeaders = { 'idempotency-key': 'burst-test-000001' };
    const burst = await Promise.all(
      Array.from({ length: 50 }, () =>
        api.request<TransactionResponse>('POST', path(), {
          token: treasurer,
          body: contribution(777),
          headers: burstHeaders,
        }),
      ),
    );
    const statuses = new Set(burst.map((r) => r.status));
    expect([...statuses].every((s) => s === 201 || s === 409)).toBe(true);
    expect(new Set(burst.filter((r) => r.status === 201).map((r) => r.body.id)).size).toBe(1);
    expect(await count()).toBe(before + 2);
    const bad = await api.request<Problem>('POST', path(), {
      token: treasurer,
      body: contribution(),
      headers: { 'idempotency-key': 'x' },
    });
    expect(bad.status).toBe(400);
  });

  it('reverses a mistake with a reason, once, and the balances follow', async () => {
    const expense = await api.request<TransactionResponse>('POST', path(), {
      token: treasurer,
      body: { kind: 'expense', category: 'transport', amount: 3000, channel: 'cash', memo: 'Taxi to the bank' },
    });
    const before = (
      await api.request<BalancesResponse>('GET', `/api/v1/coops/${coop.slug}/balances`, { token: treasurer })
    ).body;
    const reversal = await api.request<TransactionResponse>('POST', `${path()}/${expense.body.id}/reversal`, {
      token: treasurer,
      body: { reason: 'Recorded twice' },
    });
    expect(reversal.status).toBe(201);
    expect(reversal.body).toMatchObject({
      kind: 'reversal',
      direction: 1,
      amount: 3000,
      reversesId: expense.body.id,
      reason: 'Recorded twice',
    });
    const after = (
      await api.request<BalancesResponse>('GET', `/api/v1/coops/${coop.slug}/balances`, { token: treasurer })
    ).body;
    expect(after.cash).toBe(before.cash + 3000);
    expect(after.expenses).toBe(before.expenses - 3000);
    const original = await api.request<TransactionResponse>('GET', `${path()}/${expense.body.id}`, {
      token: treasurer,
    });
    expect(original.body.reversedById).toBe(reversal.body.id);

    const twice = await api.request<Problem>('POST', `${path()}/${expense.body.id}/reversal`, {
      token: treasurer,
      body: { reason: 'Again' },
    });
    expect(twice.status).toBe(409);
    expect(twice.body.code).toBe('already_reversed');
    const ofReversal = await api.request<Problem>('POST', `${path()}/${reversal.body.id}/reversal`, {
      token: treasurer,
      body: { reason: 'Undo' },
    });
    expect(ofReversal.body.code).toBe('cannot_reverse_reversal');
    const noReason = await api.request<Problem>('POST', `${path()}/${expense.body.id}/reversal`, {
      token: treasurer,
      body: {},
    });
    expect(noReason.status).toBe(422);
  });

  it('computes a member’s savings net of reversals', async () => {
    const summary = await api.request<MemberSummaryResponse>(
      'GET',
      `/api/v1/coops/${coop.slug}/members/${coop.memberId}/summary`,
      {
        token: treasurer,
      },
    );
    const rows = await sql<{ net: string }>(
      `select sum(case when t.kind = 'reversal' then -t.amount else t.amount end) as net
         from coop_korhogo.transactions t left join coop_korhogo.transactions o on o.id = t.reverses_id
        where t.member_id = ? and coalesce(o.kind, t.kind) = 'contribution'`,
      [coop.memberId],
    );
    expect(summary.body.savings).toBe(Number(rows[0]!.net));
    // The fixture records the same 5 000 twice (the second one opens a duplicate case).
    expect(summary.body.savings).toBe(5000 + 5000 + 2500 + 1000 + 777);
  });

  it('lets only the roles that keep the books record money', async () => {
    for (const role of ['secretary', 'auditor', 'member'] as const) {
      const res = await api.request('POST', path(), { token: coop.users[role].accessToken, body: contribution() });
      expect(res.status).toBe(403);
    }
  });

  it('refuses UPDATE, DELETE and TRUNCATE of ledger rows in the database itself', async () => {
    for (const statement of [
      'update coop_korhogo.transactions set amount = 1',
      'delete from coop_korhogo.transactions',
      // CASCADE gets past the foreign keys, so only the trigger stands in the way.
      'truncate coop_korhogo.transactions cascade',
    ]) {
      await expect(sql(statement)).rejects.toThrow(/append-only/);
    }
  });

  it('verifies the chain, and names the first entry a superuser changed behind the application’s back', async () => {
    const auditor = coop.users.auditor.accessToken;
    const url = `/api/v1/coops/${coop.slug}/ledger/verification`;
    const ok = await api.request<LedgerVerification>('GET', url, { token: auditor });
    expect(ok.body).toEqual({ ok: true, checked: await count(), firstBroken: null });

    const [third] = await sql<{ id: string }>('select id from coop_korhogo.transactions where seq = 3');
    await api.app
      .get(FederationDatabase)
      .em()
      .transactional(async (tx) => {
        await tx.execute('set local session_replication_role = replica'); // superuser: triggers off
        await tx.execute('update coop_korhogo.transactions set amount = amount + 1 where seq = 3');
      });
    const broken = await api.request<LedgerVerification>('GET', url, { token: auditor });
    expect(broken.body.ok).toBe(false);
    expect(broken.body.checked).toBe(2);
    expect(broken.body.firstBroken).toMatchObject({ seq: 3, id: third!.id });
    expect((await api.request('GET', url, { token: treasurer })).status).toBe(403);
  });
});
