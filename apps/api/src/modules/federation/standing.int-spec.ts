import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Test } from '@nestjs/testing';
import { Queue, QueueEvents } from 'bullmq';
import { defineAbilityFor } from '@kotizo/authorization';
import { addDays, type CooperativeRole, localDate } from '@kotizo/domain';
import { CliModule } from '../../cli/cli.module.js';
import { SummariesCommand } from '../../cli/rebuild-summaries.js';
import { FederationDatabase } from '../../platform/database/federation-database.js';
import type { TenantContext, TenantRequestContext } from '../../platform/tenancy/tenant-context.js';
import { ServiceHarness } from '../../testing/service-harness.js';
import type { Env } from '../../platform/config/env.schema.js';
import { WorkerModule } from '../../worker.module.js';
import { CooperativesService } from '../cooperatives/cooperatives.service.js';
import { DuesModule } from '../dues/dues.module.js';
import { DuesService } from '../dues/dues.service.js';
import { LedgerModule } from '../ledger/ledger.module.js';
import { LedgerService } from '../ledger/ledger.service.js';
import { LoansModule } from '../loans/loans.module.js';
import { LoansService } from '../loans/loans.service.js';
import { MembersModule } from '../members/members.module.js';
import { MembersService } from '../members/members.service.js';
import { CooperativeStanding } from './cooperative-standing.js';
import { STANDING_DISPATCH_JOB, STANDING_QUEUE } from './standing-queue.js';

interface StandingRow {
  as_of: string;
  outstanding: string;
  at_risk_30: string;
  par30_bp: number;
  late_loans: number;
  late_dues: number;
  members_late: number;
  late_dues_amount: string;
  members_active: number;
  members_suspended: number;
  refreshed_at: string;
  checked_at: string;
}

/** The federation's standing rows: what the worker computes, when, and how it ages with the calendar. */
describe('cooperative standing (PostgreSQL + Redis)', () => {
  let app: INestApplicationContext;
  let env: Env;
  let harness: ServiceHarness;
  const tenants: TenantContext[] = [];
  const today = localDate(new Date(), 'Africa/Abidjan');
  let loanId: string;

  const ctx = (tenant: TenantContext, userId: string, role: CooperativeRole): TenantRequestContext => {
    const principal = { userId, federationRole: null, cooperativeRole: role, memberId: null };
    return { principal, ability: defineAbilityFor(principal), sessionId: 's', requestId: null, tenant };
  };
  const treasurer = (t = tenants[0]!) => ctx(t, '00000000-0000-4000-8000-000000000001', 'treasurer');
  const admin = (t = tenants[0]!) => ctx(t, '00000000-0000-4000-8000-000000000002', 'admin');
  const row = async (tenant = tenants[0]!) =>
    (
      await app
        .get(FederationDatabase)
        .em()
        .execute<StandingRow[]>(
          `select to_char(as_of, 'YYYY-MM-DD') as as_of, outstanding, at_risk_30, par30_bp, late_loans, late_dues,
                members_late, late_dues_amount, members_active, members_suspended, refreshed_at, checked_at
           from federation.cooperative_standing where cooperative_id = ?`,
          [tenant.cooperativeId],
        )
    )[0];

  beforeAll(async () => {
    harness = await ServiceHarness.start('standing');
    env = harness.env;
    const moduleRef = await Test.createTestingModule({
      imports: [CliModule.forRoot(harness.env), MembersModule, LedgerModule, LoansModule, DuesModule],
    }).compile();
    app = await moduleRef.init();
    for (const slug of ['sikasso', 'kayes']) {
      const { body } = await app.get(CooperativesService).create(
        {
          principal: {
            userId: '00000000-0000-4000-8000-000000000000',
            federationRole: 'federation_admin',
            cooperativeRole: null,
          },
          requestId: null,
        },
        {
          name: `Coop ${slug}`,
          slug,
          country: 'ML',
          currency: 'XOF',
          timeZone: 'Africa/Abidjan',
          locale: 'fr',
          admin: { name: 'A', email: `a@${slug}.test` },
        },
      );
      tenants.push({
        cooperativeId: body.id,
        slug,
        schema: `coop_${slug}`,
        currency: 'XOF',
        timeZone: 'Africa/Abidjan',
        locale: 'fr',
      });
    }
    const members = [];
    for (let i = 1; i <= 3; i++) {
      const { body } = await app
        .get(MembersService)
        .create(admin(), { fullName: `Membre ${i}`, phone: `+2237000000${i}`, joinedOn: addDays(today, -100) }, null);
      members.push(body.id);
    }
    // A monthly plan of 1,000 due on the 5th, 3 days of grace, since 100 days ago: member 1 pays everything.
    await app.get(DuesService).savePlan(admin(), {
      amount: 1_000,
      frequency: 'monthly',
      dueDay: 5,
      startDate: addDays(today, -100),
      graceDays: 3,
    });
    await app
      .get(LedgerService)
      .record(treasurer(), { kind: 'contribution', memberId: members[0]!, amount: 10_000, channel: 'cash' }, null);
    // Weekly, 4 installments of 2,500, paid out 25 days ago: the first fell due 18 days ago.
    const loans = app.get(LoansService);
    const requested = await loans.request(
      treasurer(),
      {
        memberId: members[1]!,
        principal: 10_000,
        annualRateBasisPoints: 0,
        method: 'flat',
        installments: 4,
        frequency: 'weekly',
        purpose: 'Semences',
        guarantorIds: [],
      },
      null,
    );
    loanId = requested.body.id;
    await loans.decide(admin(), loanId, { decision: 'approve' });
    await loans.disburse(treasurer(), loanId, { channel: 'cash', occurredOn: addDays(today, -25) }, null);
  }, 60_000);
  afterAll(async () => {
    await app.close();
    await harness.stop();
  });

  it('counts late dues and the portfolio as the dues and portfolio pages do', async () => {
    expect(await app.get(CooperativeStanding).refresh(tenants[0]!)).toBe('refreshed');
    const stored = await row();
    const dues = await app.get(DuesService).overview(treasurer());
    const late = dues.members.filter((m) => m.latePeriods > 0);
    expect({
      periods: stored!.late_dues,
      members: stored!.members_late,
      amount: Number(stored!.late_dues_amount),
    }).toEqual({
      periods: late.reduce((sum, m) => sum + m.latePeriods, 0),
      members: late.length,
      amount: late.reduce((sum, m) => sum + m.amountLate, 0),
    });
    expect(stored!.members_late).toBe(2);
    const portfolio = await app.get(LoansService).portfolio(treasurer());
    expect({
      outstanding: Number(stored!.outstanding),
      atRisk: Number(stored!.at_risk_30),
      par: stored!.par30_bp,
      late: stored!.late_loans,
    }).toEqual({
      outstanding: portfolio.outstanding,
      atRisk: portfolio.atRisk30,
      par: portfolio.par30BasisPoints,
      late: portfolio.lateLoans,
    });
    expect(stored).toMatchObject({ as_of: today, par30_bp: 0, late_loans: 1, members_active: 3 });
  });

  it('ages with the calendar: the same books put the loan at risk 15 days later', async () => {
    const later = new Date(Date.now() + 15 * 86_400_000);
    expect(await app.get(CooperativeStanding).refresh(tenants[0]!, later)).toBe('refreshed');
    expect(await row()).toMatchObject({ as_of: addDays(today, 15), at_risk_30: '10000', par30_bp: 10_000 });
    // Back to today's figures for the tests below.
    await app.get(CooperativeStanding).refresh(tenants[0]!);
  });

  it('does the work again only when something it reads has changed', async () => {
    const standing = app.get(CooperativeStanding);
    const first = await row();
    expect(await standing.refresh(tenants[0]!)).toBe('unchanged');
    expect((await row())!.refreshed_at).toBe(first!.refreshed_at);
    const [member] = (await app.get(MembersService).list(admin(), { limit: 1, offset: 0 })).items;
    await app.get(MembersService).setStatus(admin(), member!.id, { status: 'suspended', reason: 'absences' });
    expect(await standing.refresh(tenants[0]!)).toBe('refreshed');
    expect(await row()).toMatchObject({ members_active: 2, members_suspended: 1 });
    await app.get(LoansService).repay(treasurer(), loanId, { amount: 2_500, channel: 'cash' }, null);
    expect(await standing.refresh(tenants[0]!)).toBe('refreshed');
    expect(await row()).toMatchObject({ outstanding: '7500', late_loans: 1 });
  });

  it('is refreshed by the worker for every active cooperative', async () => {
    const worker = await NestFactory.createApplicationContext(WorkerModule.forRoot(env), { logger: false });
    const connection = { url: env.REDIS_URL };
    const prefix = `${env.REDIS_PREFIX}:bull`;
    const queue = new Queue(STANDING_QUEUE, { connection, prefix });
    const events = new QueueEvents(STANDING_QUEUE, { connection, prefix });
    try {
      await events.waitUntilReady();
      expect(await row(tenants[1])).toBeUndefined();
      const job = await queue.add(STANDING_DISPATCH_JOB, {});
      expect(await job.waitUntilFinished(events, 10_000)).toBe(2);
      const deadline = Date.now() + 10_000;
      while (!(await row(tenants[1])) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      expect(await row(tenants[1])).toMatchObject({ as_of: today, members_active: 0, late_dues: 0 });
      const schedulers = await queue.getJobSchedulers();
      expect(schedulers.map((s) => [s.key, s.pattern])).toEqual([[STANDING_DISPATCH_JOB, '*/15 * * * *']]);
    } finally {
      await worker.close();
      await queue.obliterate({ force: true });
      await Promise.all([queue.close(), events.close()]);
    }
  });

  it('is rebuilt with the summaries by the rebuild-summaries command', async () => {
    await app.get(FederationDatabase).em().execute('delete from federation.cooperative_standing');
    await app.get(FederationDatabase).em().execute('update federation.cooperative_totals set cash = 0, movements = 0');
    const lines: string[] = [];
    const report = await app.get(SummariesCommand).run({ slug: 'sikasso', log: (l) => lines.push(l) });
    expect(report.map((r) => [r.slug, r.loans])).toEqual([['sikasso', 1]]);
    expect(lines[0]).toMatch(/^sikasso: \d+ daily summary rows, 1 loan positions in \d+ ms; standing in \d+ ms$/);
    expect(await row()).toMatchObject({ outstanding: '7500' });
    const [totals] = await app
      .get(FederationDatabase)
      .em()
      .execute<{ cash: string; movements: string }[]>(
        'select cash, movements from federation.cooperative_totals where cooperative_id = ?',
        [tenants[0]!.cooperativeId],
      );
    // 10,000 in, 10,000 paid out, 2,500 repaid.
    expect(totals).toEqual({ cash: '2500', movements: '3' });
    expect(await row(tenants[1])).toBeUndefined();
    await expect(app.get(SummariesCommand).run({ slug: 'nowhere', log: () => undefined })).rejects.toThrow(
      'No cooperative "nowhere"',
    );
  });
});
