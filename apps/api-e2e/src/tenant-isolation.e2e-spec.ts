import { COOPERATIVE_ROLES } from '@kotizo/domain';
import { ApiHarness } from '../../api/src/testing/api-harness.js';
import { routeInventory, type RouteInfo } from '../../api/src/testing/route-inventory.js';
import { cooperativeWithEveryRole, type CoopFixture } from './fixtures.js';

/**
 * Two cooperatives x every role x every cooperative route, discovered from the
 * application itself: a route added later joins the matrix (and needs a sample
 * body below, or this test fails and says so).
 */
const sampleBodies: Record<string, unknown> = {
  'GET /api/v1/coops/:slug': undefined,
  'PATCH /api/v1/coops/:slug/status': { status: 'suspended' },
  'GET /api/v1/coops/:slug/users': undefined,
  'POST /api/v1/coops/:slug/users': { name: 'Intruder', email: 'intruder@x.test', role: 'member' },
  'PATCH /api/v1/coops/:slug/users/:userId': { role: 'member' },
  'GET /api/v1/coops/:slug/members': undefined,
  'POST /api/v1/coops/:slug/members': { fullName: 'Intrus', phone: '+22507999999', joinedOn: '2026-01-01' },
  'GET /api/v1/coops/:slug/members/:memberId': undefined,
  'PATCH /api/v1/coops/:slug/members/:memberId': { fullName: 'Renamed by an intruder' },
  'POST /api/v1/coops/:slug/members/:memberId/status': { status: 'suspended', reason: 'intrusion' },
  'GET /api/v1/coops/:slug/members/:memberId/history': undefined,
  'GET /api/v1/coops/:slug/members/:memberId/summary': undefined,
  'GET /api/v1/coops/:slug/members/:memberId/statement.csv': undefined,
  'POST /api/v1/coops/:slug/transactions': { kind: 'income', amount: 100, channel: 'cash' },
  'GET /api/v1/coops/:slug/transactions': undefined,
  'GET /api/v1/coops/:slug/transactions/:transactionId': undefined,
  'POST /api/v1/coops/:slug/transactions/:transactionId/reversal': { reason: 'intrusion' },
  'GET /api/v1/coops/:slug/balances': undefined,
  'GET /api/v1/coops/:slug/ledger/verification': undefined,
  'POST /api/v1/coops/:slug/loans': {
    memberId: '00000000-0000-4000-8000-000000000000',
    principal: 1000,
    annualRateBasisPoints: 0,
    method: 'flat',
    installments: 1,
    frequency: 'monthly',
    purpose: 'intrusion',
  },
  'GET /api/v1/coops/:slug/loans': undefined,
  'GET /api/v1/coops/:slug/loans/:loanId': undefined,
  'POST /api/v1/coops/:slug/loans/:loanId/decision': { decision: 'approve' },
  'POST /api/v1/coops/:slug/loans/:loanId/disbursement': { channel: 'cash' },
  'POST /api/v1/coops/:slug/loans/:loanId/repayments': { amount: 100, channel: 'cash' },
  'POST /api/v1/coops/:slug/loans/:loanId/write-off': { reason: 'intrusion' },
  'POST /api/v1/coops/:slug/loans/:loanId/penalties': { installmentNumber: 1, amount: 100, reason: 'intrusion' },
  'GET /api/v1/coops/:slug/portfolio': undefined,
  'GET /api/v1/coops/:slug/penalty-policy': undefined,
  'PUT /api/v1/coops/:slug/penalty-policy': {
    enabled: true,
    charge: { kind: 'fixed', amount: 100_000 },
    period: 'day',
    graceDays: 0,
    cap: null,
  },
  'GET /api/v1/coops/:slug/reminder-settings': undefined,
  'PUT /api/v1/coops/:slug/reminder-settings': { enabled: false, sendAt: '03:00', daysBefore: 0, lateReminders: false },
  'GET /api/v1/coops/:slug/contribution-plan': undefined,
  'PUT /api/v1/coops/:slug/contribution-plan': {
    amount: 100,
    frequency: 'monthly',
    dueDay: 1,
    startDate: '2026-01-01',
    graceDays: 0,
  },
  'PUT /api/v1/coops/:slug/members/:memberId/contribution-override': { amount: 1 },
  'GET /api/v1/coops/:slug/members/:memberId/dues': undefined,
  'GET /api/v1/coops/:slug/dues': undefined,
  'POST /api/v1/coops/:slug/imports': undefined,
  'POST /api/v1/coops/:slug/imports/:importId/preview': {
    mapping: { columns: { date: 'd', amount: 'a' }, defaults: { kind: 'income', channel: 'cash' } },
  },
  'POST /api/v1/coops/:slug/imports/:importId/commit': {
    mapping: { columns: { date: 'd', amount: 'a' }, defaults: { kind: 'income', channel: 'cash' } },
  },
  'GET /api/v1/coops/:slug/rules': undefined,
  'GET /api/v1/coops/:slug/rules/versions': undefined,
  'GET /api/v1/coops/:slug/rules/versions/:version': undefined,
  'POST /api/v1/coops/:slug/rules/versions/:version/rollback': { note: 'intrusion' },
  'GET /api/v1/coops/:slug/rules/draft': undefined,
  'PUT /api/v1/coops/:slug/rules/draft': { ruleSet: { pack: 'x', packVersion: '1', rules: [] } },
  'DELETE /api/v1/coops/:slug/rules/draft': undefined,
  'POST /api/v1/coops/:slug/rules/validate': { ruleSet: { pack: 'x', packVersion: '1', rules: [] } },
  'POST /api/v1/coops/:slug/rules/draft/backtest': { from: '2026-01-01', to: '2026-01-31' },
  'POST /api/v1/coops/:slug/rules/draft/activate': {},
  'GET /api/v1/coops/:slug/rules/pack-update': undefined,
  'POST /api/v1/coops/:slug/rules/pack-update/adopt': undefined,
  'GET /api/v1/coops/:slug/rules/snoozes': undefined,
  'POST /api/v1/coops/:slug/rules/snoozes': {
    ruleId: 'duplicate-within-24h',
    memberId: '00000000-0000-4000-8000-000000000000',
    until: '2999-01-01',
    reason: 'intrusion',
  },
  'POST /api/v1/coops/:slug/rules/snoozes/:snoozeId/lift': undefined,
  'GET /api/v1/coops/:slug/cases': undefined,
  'GET /api/v1/coops/:slug/cases/:caseId': undefined,
  'POST /api/v1/coops/:slug/cases/:caseId/assign': { assigneeId: null },
  'POST /api/v1/coops/:slug/cases/:caseId/comments': { text: 'intrusion' },
  'POST /api/v1/coops/:slug/cases/:caseId/status': { status: 'investigating' },
  'GET /api/v1/coops/:slug/transactions/:transactionId/verdict': undefined,
  'POST /api/v1/coops/:slug/audits': {},
  'GET /api/v1/coops/:slug/audits': undefined,
  'GET /api/v1/coops/:slug/audits/:runId': undefined,
  'GET /api/v1/coops/:slug/ai': undefined,
  'POST /api/v1/coops/:slug/cases/:caseId/investigations': {},
  'GET /api/v1/coops/:slug/cases/:caseId/investigations': undefined,
  'GET /api/v1/coops/:slug/investigations/:investigationId': undefined,
  'POST /api/v1/coops/:slug/investigations/:investigationId/decision': { decision: 'dismiss' },
  'POST /api/v1/coops/:slug/investigations/:investigationId/retry': undefined,
  'POST /api/v1/coops/:slug/assistant/explain': { subject: { kind: 'cash', asOf: '2026-01-01' } },
  'GET /api/v1/coops/:slug/assistant/monthly-report': undefined,
  'GET /api/v1/coops/:slug/assistant/monthly-report.csv': undefined,
  'GET /api/v1/coops/:slug/assistant/threads': undefined,
  'POST /api/v1/coops/:slug/assistant/threads': {},
  'GET /api/v1/coops/:slug/assistant/threads/:threadId': undefined,
  'POST /api/v1/coops/:slug/assistant/threads/:threadId/messages': {
    request: { kind: 'monthly-report', month: '2026-01' },
  },
  'GET /api/v1/coops/:slug/dashboard': undefined,
  'GET /api/v1/coops/:slug/exports/movements': undefined,
  'GET /api/v1/coops/:slug/exports/members': undefined,
  'GET /api/v1/coops/:slug/exports/loans': undefined,
  'GET /api/v1/coops/:slug/exports/dues': undefined,
  'GET /api/v1/coops/:slug/exports/cases': undefined,
  'GET /api/v1/coops/:slug/message-threads': undefined,
  'POST /api/v1/coops/:slug/message-threads': { subject: 'intrusion', body: 'intrusion' },
  'GET /api/v1/coops/:slug/message-threads/:messageThreadId': undefined,
  'POST /api/v1/coops/:slug/message-threads/:messageThreadId/messages': { body: 'intrusion' },
  'POST /api/v1/coops/:slug/message-threads/:messageThreadId/read': undefined,
  'GET /api/v1/coops/:slug/message-recipients': undefined,
};

/** The id each route parameter takes, from the cooperative given. */
const idFor: Record<string, (c: CoopFixture) => string> = {
  userId: (c) => c.users.member.id,
  memberId: (c) => c.memberId,
  transactionId: (c) => c.transactionId,
  loanId: (c) => c.loanId,
  importId: (c) => c.importId,
  caseId: (c) => c.caseId,
  runId: (c) => c.runId,
  snoozeId: (c) => c.snoozeId,
  // Version numbers are per cooperative; one that exists nowhere stands for "someone else's".
  version: () => '999',
  investigationId: (c) => c.investigationId,
  threadId: (c) => c.threadId,
  messageThreadId: (c) => c.messageThreadId,
};

describe('tenant isolation', () => {
  let api: ApiHarness;
  let a: CoopFixture;
  let b: CoopFixture;
  let tenantRoutes: RouteInfo[];

  beforeAll(async () => {
    api = await ApiHarness.start('isolation');
    const fed = await api.loginFederationAdmin();
    a = await cooperativeWithEveryRole(api, fed.accessToken, 'coop-a');
    b = await cooperativeWithEveryRole(api, fed.accessToken, 'coop-b');
    tenantRoutes = routeInventory(api.app).filter((r) => r.path.includes(':slug'));
  });
  afterAll(async () => {
    await api.stop();
  });

  /** Fills the route's parameters: the slug given, and every other id taken from `ids`. */
  function url(route: RouteInfo, slug: string, ids: CoopFixture): string {
    return route.path.replace(':slug', slug).replace(/:(\w+)/g, (_, name: string) => {
      const id = idFor[name];
      if (!id) throw new Error(`tenant-isolation: no fixture id for :${name} in ${route.path}`);
      return id(ids);
    });
  }

  it('knows a sample body for every cooperative route', () => {
    const missing = tenantRoutes.map((r) => `${r.method} ${r.path}`).filter((k) => !(k in sampleBodies));
    expect(missing).toEqual([]);
    expect(tenantRoutes.length).toBeGreaterThanOrEqual(26);
  });

  it.each(COOPERATIVE_ROLES)('a %s of A asking for B’s URLs gets 403 and no data', async (role) => {
    const token = a.users[role].accessToken;
    for (const route of tenantRoutes) {
      const res = await api.request(route.method, url(route, b.slug, b), {
        token,
        body: sampleBodies[`${route.method} ${route.path}`],
      });
      expect({ route: `${route.method} ${route.path}`, status: res.status }).toEqual({
        route: `${route.method} ${route.path}`,
        status: 403,
      });
      expect(JSON.stringify(res.body)).not.toContain(b.id);
    }
  });

  it.each(COOPERATIVE_ROLES)('a %s of A asking for B’s ids through A’s URLs never gets them', async (role) => {
    const token = a.users[role].accessToken;
    for (const route of tenantRoutes.filter((r) => /:(?!slug)\w+/.test(r.path))) {
      const res = await api.request(route.method, url(route, a.slug, b), {
        token,
        body: sampleBodies[`${route.method} ${route.path}`],
      });
      // 404 when the role may act on such records at all, 403 when it may not.
      expect([403, 404]).toContain(res.status);
      if (role === 'admin') expect(res.status).toBe(404);
      // The URL the caller sent is echoed in `instance`; everything else must be free of B's data.
      const { instance: _instance, ...rest } = res.body as Record<string, unknown>;
      const text = JSON.stringify(rest);
      for (const secret of [b.users.member.email, b.memberId, b.transactionId, b.loanId, `Membre ${b.slug}`]) {
        expect(text).not.toContain(secret);
      }
    }
  });

  it('lists only the caller’s own cooperatives and users', async () => {
    for (const role of COOPERATIVE_ROLES) {
      const coops = await api.request<{ items: { slug: string }[] }>('GET', '/api/v1/coops', {
        token: a.users[role].accessToken,
      });
      expect(coops.body.items.map((c) => c.slug)).toEqual(['coop-a']);
    }
    const users = await api.request<{ items: { email: string }[] }>('GET', `/api/v1/coops/${a.slug}/users?limit=100`, {
      token: a.users.admin.accessToken,
    });
    expect(users.body.items).toHaveLength(5);
    expect(users.body.items.every((u) => u.email.endsWith('@coop-a.test'))).toBe(true);
  });

  it('still refuses B’s URL with a slug that does not exist, without saying so', async () => {
    const res = await api.request('GET', '/api/v1/coops/no-such-coop', { token: a.users.admin.accessToken });
    expect(res.status).toBe(403);
    const traversal = await api.request('GET', '/api/v1/coops/..%2Fcoop-b/users', { token: a.users.admin.accessToken });
    expect([403, 404]).toContain(traversal.status);
  });

  it('B’s data is untouched after every attempt', async () => {
    const fed = await api.loginFederationAdmin();
    const coop = await api.request<{ status: string }>('GET', `/api/v1/coops/${b.slug}`, { token: fed.accessToken });
    expect(coop.body.status).toBe('active');
    const users = await api.request<{ items: { email: string; role: string }[] }>(
      'GET',
      `/api/v1/coops/${b.slug}/users?limit=100`,
      { token: fed.accessToken },
    );
    expect(users.body.items.map((u) => u.email)).not.toContain('intruder@x.test');
    expect(users.body.items.find((u) => u.email === `member@${b.slug}.test`)?.role).toBe('member');
    const members = await api.request<{ items: { fullName: string; status: string }[] }>(
      'GET',
      `/api/v1/coops/${b.slug}/members`,
      {
        token: fed.accessToken,
      },
    );
    expect(members.body.items).toEqual([expect.objectContaining({ fullName: `Membre ${b.slug}`, status: 'active' })]);
    const journal = await api.request<{ total: number }>('GET', `/api/v1/coops/${b.slug}/transactions`, {
      token: fed.accessToken,
    });
    expect(journal.body.total).toBe(2);
    const cases = await api.request<{ items: { id: string; status: string }[] }>(
      'GET',
      `/api/v1/coops/${b.slug}/cases`,
      {
        token: fed.accessToken,
      },
    );
    expect(cases.body.items.find((c) => c.id === b.caseId)?.status).toBe('open');
    const policy = await api.request<{ enabled: boolean }>('GET', `/api/v1/coops/${b.slug}/penalty-policy`, {
      token: fed.accessToken,
    });
    expect(policy.body.enabled).toBe(false);
    const reminders = await api.request<{ enabled: boolean; sendAt: string }>(
      'GET',
      `/api/v1/coops/${b.slug}/reminder-settings`,
      { token: fed.accessToken },
    );
    expect(reminders.body).toMatchObject({ enabled: true, sendAt: '08:00' });
  });
});
