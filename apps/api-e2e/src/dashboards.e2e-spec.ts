import type {
  CasePage,
  DashboardResponse,
  FederationOverviewResponse,
  PortfolioResponse,
  Problem,
} from '@kotizo/contracts';
import { localDate } from '@kotizo/domain';
import { ApiHarness } from '../../api/src/testing/api-harness.js';
import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';
import { CliModule } from '../../api/src/cli/cli.module.js';
import { PasswordHasher } from '../../api/src/platform/auth/password-hasher.js';
import { FederationDatabase } from '../../api/src/platform/database/federation-database.js';
import { TenantJobs } from '../../api/src/platform/queue/tenant-jobs.js';
import { CooperativeStanding } from '../../api/src/modules/federation/cooperative-standing.js';
import { type Books, eurBooks, xofBooks } from './books-fixture.js';
import { cooperativeWithEveryRole, type CoopFixture } from './fixtures.js';

/** Figures checked against books added up by hand (see books-fixture.ts). */
describe('dashboards and the federation overview', () => {
  let api: ApiHarness;
  let fed: string;
  let xof: Books;
  let eur: Awaited<ReturnType<typeof eurBooks>>;
  let roles: CoopFixture;
  const today = (zone = 'Africa/Abidjan') => localDate(new Date(), zone);

  beforeAll(async () => {
    api = await ApiHarness.start('dashboards');
    fed = (await api.loginFederationAdmin()).accessToken;
    xof = await xofBooks(api, fed, 'dash-xof');
    eur = await eurBooks(api, fed, 'dash-eur');
    roles = await cooperativeWithEveryRole(api, fed, 'dash-roles');
  }, 120_000);
  afterAll(async () => {
    await api.stop();
  });

  const dashboard = (slug: string, token: string, query: string) =>
    api.request<DashboardResponse>('GET', `/api/v1/coops/${slug}/dashboard?${query}`, { token });

  it('adds up the first quarter of 2025 as computed by hand, month by month', async () => {
    const res = await dashboard(xof.slug, xof.treasurer, 'from=2025-01-01&to=2025-03-31&granularity=month');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      currency: 'XOF',
      currencyDigits: 0,
      asOf: today(),
      period: { from: '2025-01-01', to: '2025-03-31', granularity: 'month' },
      totals: {
        contributions: 22_000,
        loansDisbursed: 90_000,
        repayments: 26_600,
        expenses: 10_000,
        penalties: 500,
        income: 110_000,
        adjustments: -300,
        writeOffs: 0,
        loansWrittenOff: 0,
        entries: 17,
        reversals: 0,
      },
      cash: { opening: 0, closing: 58_800 },
    });
    const zero = { contributions: 0, loansDisbursed: 0, repayments: 0, expenses: 0, penalties: 0, income: 0 };
    expect(res.body.series).toEqual([
      {
        ...zero,
        start: '2025-01-01',
        end: '2025-01-31',
        contributions: 10_000,
        loansDisbursed: 60_000,
        expenses: 2_500,
        income: 100_000,
        cash: 47_500,
      },
      {
        ...zero,
        start: '2025-02-01',
        end: '2025-02-28',
        contributions: 12_000,
        loansDisbursed: 30_000,
        repayments: 10_600,
        expenses: 6_000,
        income: 10_000,
        cash: 44_100,
      },
      {
        ...zero,
        start: '2025-03-01',
        end: '2025-03-31',
        repayments: 16_000,
        expenses: 1_500,
        penalties: 500,
        cash: 58_800,
      },
    ]);
    expect(res.body.expensesByCategory).toEqual([
      { category: 'supplies', amount: 6_000, entries: 1 },
      { category: 'transport', amount: 4_000, entries: 2 },
    ]);
  });

  it('counts today’s reversals against what they reverse, and the write-off, up to today', async () => {
    const res = await dashboard(xof.slug, xof.admin, `from=2025-01-01&to=${today()}`);
    expect(res.status).toBe(200);
    expect(res.body.totals).toEqual({
      contributions: 20_000,
      loansDisbursed: 102_000,
      repayments: 24_600,
      expenses: 8_500,
      penalties: 500,
      income: 110_000,
      adjustments: -300,
      writeOffs: 20_000,
      loansWrittenOff: 1,
      entries: 22,
      reversals: 3,
    });
    expect(res.body.cash).toEqual({ opening: 0, closing: 44_300 });
    expect(res.body.expensesByCategory).toEqual([
      { category: 'supplies', amount: 6_000, entries: 1 },
      { category: 'transport', amount: 2_500, entries: 2 },
    ]);
    // Today's period alone: the corrections and the new loan, nothing from 2025.
    const todays = await dashboard(xof.slug, xof.admin, `from=${today()}&to=${today()}&granularity=week`);
    expect(todays.body.totals).toMatchObject({
      contributions: -2_000,
      repayments: -2_000,
      expenses: -1_500,
      entries: 5,
    });
    expect(todays.body.cash).toEqual({ opening: 58_800, closing: 44_300 });
    expect(todays.body.series).toHaveLength(1);
    expect(todays.body.series[0]).toMatchObject({ start: today(), end: today(), cash: 44_300 });
  });

  it('shows the loan book, members and open cases as of today, as their own pages do', async () => {
    const res = await dashboard(xof.slug, xof.treasurer, 'from=2025-01-01&to=2025-01-31');
    // L1 owes 46,600 of principal (60,000 - 10,000 - 3,400), late since 2025-03-10; L3 owes 12,000, not due yet.
    // L2 is written off: out of the portfolio. 46,600 / 58,600 = 79.52 %.
    expect(res.body.portfolio).toEqual({
      outstanding: 58_600,
      atRisk30: 46_600,
      par30BasisPoints: 7_952,
      activeLoans: 2,
      lateLoans: 1,
    });
    const portfolio = await api.request<PortfolioResponse>('GET', `/api/v1/coops/${xof.slug}/portfolio`, {
      token: xof.treasurer,
    });
    expect(portfolio.body).toEqual({ currency: 'XOF', ...res.body.portfolio });
    expect(res.body.members).toEqual({ active: 3, suspended: 1, exited: 1 });
    const cases = await api.request<CasePage>('GET', `/api/v1/coops/${xof.slug}/cases?status=active&limit=100`, {
      token: xof.admin,
    });
    for (const severity of ['low', 'medium', 'high', 'critical'] as const) {
      const row = res.body.findingsBySeverity.find((s) => s.severity === severity)!;
      expect(row.openCases).toBe(cases.body.items.filter((c) => c.severity === severity).length);
    }
    const findings = res.body.findingsBySeverity.reduce((sum, s) => sum + s.findings, 0);
    expect(findings).toBe(cases.body.items.reduce((sum, c) => sum + c.findingCount, 0));
    expect(res.body.findingsBySeverity.map((s) => s.severity)).toEqual(['low', 'medium', 'high', 'critical']);
  });

  it('keeps cents as integers for a two-decimal currency', async () => {
    const january = await dashboard(eur.slug, eur.treasurer, 'from=2025-01-01&to=2025-01-31&granularity=week');
    expect(january.body).toMatchObject({
      currency: 'EUR',
      currencyDigits: 2,
      totals: { contributions: 3_249, expenses: 305, entries: 3, reversals: 0 },
      cash: { opening: 0, closing: 2_944 },
      expensesByCategory: [{ category: 'fees', amount: 305, entries: 1 }],
    });
    // ISO weeks cut to the period: Wed 1 to Sun 5, then Monday to Sunday, the last one Mon 27 to Fri 31.
    expect(january.body.series.map((b) => [b.start, b.end, b.contributions, b.expenses, b.cash])).toEqual([
      ['2025-01-01', '2025-01-05', 1_250, 0, 1_250],
      ['2025-01-06', '2025-01-12', 1_999, 0, 3_249],
      ['2025-01-13', '2025-01-19', 0, 0, 3_249],
      ['2025-01-20', '2025-01-26', 0, 305, 2_944],
      ['2025-01-27', '2025-01-31', 0, 0, 2_944],
    ]);
    const all = await dashboard(eur.slug, eur.treasurer, `from=2025-01-01&to=${today('Europe/Paris')}`);
    expect(all.body.totals).toMatchObject({ contributions: 1_250, reversals: 1 });
    expect(all.body.cash.closing).toBe(945);
  });

  it('defaults to the last twelve months by month', async () => {
    const res = await dashboard(xof.slug, xof.treasurer, '');
    expect(res.status).toBe(200);
    expect(res.body.period.to).toBe(today());
    expect(res.body.period.granularity).toBe('month');
    expect(res.body.period.from.endsWith('-01')).toBe(true);
    expect(res.body.series).toHaveLength(12);
  });

  it('answers bad periods with one problem entry per bad field', async () => {
    const two = await api.request<Problem>(
      'GET',
      `/api/v1/coops/${xof.slug}/dashboard?from=2025-02-30&granularity=day`,
      { token: xof.treasurer },
    );
    expect(two.status).toBe(422);
    expect(two.headers.get('content-type')).toContain('application/problem+json');
    expect(two.body.errors!.map((e) => e.field).sort()).toEqual(['from', 'granularity']);
    const reversed = await api.request<Problem>(
      'GET',
      `/api/v1/coops/${xof.slug}/dashboard?from=2025-03-01&to=2025-02-01`,
      { token: xof.treasurer },
    );
    expect(reversed.status).toBe(422);
    expect(reversed.body.errors).toEqual([
      { field: 'from', code: 'on_or_before_to', message: 'must be on or before to' },
    ]);
    const afterToday = await api.request<Problem>('GET', `/api/v1/coops/${xof.slug}/dashboard?from=2999-01-01`, {
      token: xof.treasurer,
    });
    expect(afterToday.body.errors).toEqual([
      { field: 'from', code: 'on_or_before', params: { date: today() }, message: `must be on or before ${today()}` },
    ]);
    const tooLong = await api.request<Problem>(
      'GET',
      `/api/v1/coops/${xof.slug}/dashboard?from=2000-01-01&to=2025-01-01`,
      { token: xof.treasurer },
    );
    expect(tooLong.body.errors!.map((e) => e.field)).toEqual(['from']);
    const unknown = await api.request<Problem>('GET', `/api/v1/coops/${xof.slug}/dashboard?to=yesterday&period=month`, {
      token: xof.treasurer,
    });
    expect(unknown.body.errors!.map((e) => e.field).sort()).toEqual(['period', 'to']);
    const overview = await api.request<Problem>('GET', '/api/v1/federation/overview?sort=size&limit=0&offset=x', {
      token: fed,
    });
    expect(overview.status).toBe(422);
    expect(overview.body.errors!.map((e) => e.field).sort()).toEqual(['limit', 'offset', 'sort']);
  });

  it('is for the office: members get 403, every other role reads the dashboard', async () => {
    const path = `/api/v1/coops/${roles.slug}/dashboard`;
    const member = await api.request<Problem>('GET', path, { token: roles.users.member.accessToken });
    expect(member.status).toBe(403);
    expect(member.headers.get('content-type')).toContain('application/problem+json');
    for (const role of ['admin', 'treasurer', 'secretary', 'auditor'] as const) {
      const res = await api.request('GET', path, { token: roles.users[role].accessToken });
      expect({ role, status: res.status }).toEqual({ role, status: 200 });
    }
    // Federation staff open any cooperative's dashboard.
    expect((await dashboard(xof.slug, fed, 'from=2025-01-01&to=2025-03-31')).body.totals.contributions).toBe(22_000);
  });

  describe('the federation overview', () => {
    let auditor: string;
    // What the worker's job runs, without its schedule (which would race the test at a quarter hour).
    let commands: INestApplicationContext;

    beforeAll(async () => {
      commands = await NestFactory.createApplicationContext(CliModule.forRoot(api.env), { logger: false });
      const hash = await api.app.get(PasswordHasher).hash('Fed-auditor-2026');
      await api.app
        .get(FederationDatabase)
        .em()
        .execute(
          `insert into federation.users (email, name, password_hash, federation_role)
           values ('auditor@federation.test', 'Fed Auditor', ?, 'federation_auditor')`,
          [hash],
        );
      auditor = (await api.login('auditor@federation.test', 'Fed-auditor-2026')).accessToken;
    });
    afterAll(async () => {
      await commands.close();
    });

    const overview = (token: string, query = '') =>
      api.request<FederationOverviewResponse>('GET', `/api/v1/federation/overview${query}`, { token });

    it('has every cooperative’s money totals at once, kept by the ledger itself', async () => {
      const res = await overview(fed);
      expect(res.status).toBe(200);
      const row = res.body.items.find((c) => c.slug === xof.slug)!;
      expect(row.totals).toEqual({
        contributions: 20_000,
        loansDisbursed: 102_000,
        repayments: 24_600,
        expenses: 8_500,
        penalties: 500,
        income: 110_000,
        adjustments: -300,
        cash: 44_300,
        movements: 22,
        lastMovementOn: today(),
      });
      expect(res.body.items.find((c) => c.slug === eur.slug)!.totals).toMatchObject({
        contributions: 1_250,
        cash: 945,
        movements: 4,
      });
      // A movement shows at once.
      await api.request('POST', `/api/v1/coops/${eur.slug}/transactions`, {
        token: eur.treasurer,
        body: { kind: 'income', amount: 55, channel: 'bank' },
      });
      const after = await overview(fed, '?q=dash-eur');
      expect(after.body.items.map((c) => [c.slug, c.totals.cash])).toEqual([[eur.slug, 1_000]]);
    });

    it('ranks by risk once the worker has refreshed the standing rows, and sums per currency', async () => {
      const before = await overview(fed, '?q=dash-');
      expect(before.body.items.every((c) => c.standing === null)).toBe(true);
      const standing = commands.get(CooperativeStanding);
      const jobs = commands.get(TenantJobs);
      for (const slug of [xof.slug, eur.slug, roles.slug]) {
        const c = before.body.items.find((i) => i.slug === slug)!;
        const tenant = await jobs.context({ tenant: { cooperativeId: c.cooperativeId, slug } });
        expect(await standing.refresh(tenant)).toBe('refreshed');
        // Nothing changed since: the second run skips the work.
        expect(await standing.refresh(tenant)).toBe('unchanged');
      }
      const res = await overview(auditor, '?q=dash-&sort=risk');
      expect(res.status).toBe(200);
      expect(res.body.items[0]!.slug).toBe(xof.slug);
      expect(res.body.items[0]!.riskRank).toBe(1);
      expect(res.body.items[0]!.standing).toMatchObject({
        asOf: today(),
        members: { active: 3, suspended: 1, exited: 1 },
        portfolio: { outstanding: 58_600, atRisk30: 46_600, par30BasisPoints: 7_952, activeLoans: 2, lateLoans: 1 },
        lateDues: { periods: 0, members: 0, amount: 0 },
      });
      const byName = await overview(fed, '?q=dash-&sort=name');
      expect(byName.body.items.map((c) => c.slug)).toEqual(['dash-eur', 'dash-roles', 'dash-xof']);
      expect(byName.body.items.find((c) => c.slug === xof.slug)!.riskRank).toBe(1);
      expect(byName.body.total).toBe(3);
      const currencies = byName.body.byCurrency.map((c) => [c.currency, c.cooperatives]);
      expect(currencies).toEqual([
        ['EUR', 1],
        ['XOF', 2],
      ]);
      const xofTotals = byName.body.byCurrency.find((c) => c.currency === 'XOF')!;
      // dash-roles has two contributions of 5,000 made today by its fixture.
      expect(xofTotals.totals.contributions).toBe(20_000 + 10_000);
      expect(xofTotals.portfolio).toMatchObject({ outstanding: 58_600, atRisk30: 46_600, par30BasisPoints: 7_952 });
    });

    it('is for federation staff only', async () => {
      for (const token of [xof.admin, xof.treasurer, roles.users.auditor.accessToken]) {
        expect((await overview(token)).status).toBe(403);
        const csv = await api.request('GET', '/api/v1/federation/overview/export', { token });
        expect(csv.status).toBe(403);
      }
    });
  });
});
