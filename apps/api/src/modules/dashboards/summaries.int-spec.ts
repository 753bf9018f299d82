import type { INestApplicationContext } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { importMapping, type LoanResponse } from '@kotizo/contracts';
import { defineAbilityFor } from '@kotizo/authorization';
import { addDays, type CooperativeRole, localDate } from '@kotizo/domain';
import { CliModule } from '../../cli/cli.module.js';
import { FederationDatabase } from '../../platform/database/federation-database.js';
import { TenantDatabase } from '../../platform/database/tenant-database.js';
import type { TenantContext, TenantRequestContext } from '../../platform/tenancy/tenant-context.js';
import { ServiceHarness } from '../../testing/service-harness.js';
import { CooperativesService } from '../cooperatives/cooperatives.service.js';
import { ImportsModule } from '../imports/imports.module.js';
import { ImportsService } from '../imports/imports.service.js';
import { LedgerModule } from '../ledger/ledger.module.js';
import { LedgerService } from '../ledger/ledger.service.js';
import { LoansModule } from '../loans/loans.module.js';
import { LoansService } from '../loans/loans.service.js';
import { MembersModule } from '../members/members.module.js';
import { MembersService } from '../members/members.service.js';
import { LoanPositions } from './loan-positions.js';
import { SummaryRebuild } from './summary-rebuild.js';

/** mulberry32: the same seed draws the same writes, so a failure names a replayable seed. */
function seeded(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  return {
    int,
    pick: <T>(items: readonly T[]): T => items[int(0, items.length - 1)]!,
    chance: (p: number) => next() < p,
  };
}

interface Journal {
  id: string;
  kind: string;
  direction: number;
  amount: string;
  category: string | null;
  occurred_on: string;
  reverses_id: string | null;
}

type Daily = Record<string, { amount: number; cash: number; entries: number; reversals: number }>;

/** The summaries as the journal says they should be, computed here without SQL (the independent side). */
function expectedFromJournal(rows: Journal[]): { daily: Daily; totals: Record<string, number | string | null> } {
  const byId = new Map(rows.map((r) => [r.id, r]));
  const daily: Daily = {};
  const totals: Record<string, number | string | null> = {
    contributions: 0,
    loans_disbursed: 0,
    repayments: 0,
    penalties: 0,
    expenses: 0,
    income: 0,
    adjustments: 0,
    cash: 0,
    movements: 0,
    last_movement_on: null,
  };
  const field: Record<string, string> = {
    contribution: 'contributions',
    loan_disbursement: 'loans_disbursed',
    repayment: 'repayments',
    penalty: 'penalties',
    expense: 'expenses',
    income: 'income',
  };
  for (const r of rows) {
    const original = r.reverses_id ? byId.get(r.reverses_id)! : r;
    const signed = r.reverses_id ? -Number(r.amount) : Number(r.amount);
    const cash = r.direction * Number(r.amount);
    const key = `${r.occurred_on}|${original.kind}|${original.category ?? ''}`;
    const d = (daily[key] ??= { amount: 0, cash: 0, entries: 0, reversals: 0 });
    d.amount += signed;
    d.cash += cash;
    if (r.reverses_id) d.reversals += 1;
    else d.entries += 1;
    const f = field[original.kind];
    if (f) totals[f] = (totals[f] as number) + signed;
    if (original.kind === 'adjustment') totals['adjustments'] = (totals['adjustments'] as number) + cash;
    totals['cash'] = (totals['cash'] as number) + cash;
    totals['movements'] = (totals['movements'] as number) + 1;
    const last = totals['last_movement_on'] as string | null;
    if (!last || r.occurred_on > last) totals['last_movement_on'] = r.occurred_on;
  }
  return { daily, totals };
}

describe('summaries kept by the ledger’s trigger (PostgreSQL)', () => {
  let app: INestApplicationContext;
  let harness: ServiceHarness;
  let tenant: TenantContext;
  const members: string[] = [];
  const today = localDate(new Date(), 'Africa/Abidjan');

  const ctx = (userId: string, role: CooperativeRole): TenantRequestContext => {
    const principal = { userId, federationRole: null, cooperativeRole: role, memberId: null };
    return { principal, ability: defineAbilityFor(principal), sessionId: 's', requestId: null, tenant };
  };
  const treasurer = () => ctx('00000000-0000-4000-8000-000000000001', 'treasurer');
  const admin = () => ctx('00000000-0000-4000-8000-000000000002', 'admin');

  beforeAll(async () => {
    harness = await ServiceHarness.start('summaries');
    const moduleRef = await Test.createTestingModule({
      imports: [CliModule.forRoot(harness.env), MembersModule, LedgerModule, LoansModule, ImportsModule],
    }).compile();
    app = await moduleRef.init();
    const coop = await app.get(CooperativesService).create(
      {
        principal: {
          userId: '00000000-0000-4000-8000-000000000000',
          federationRole: 'federation_admin',
          cooperativeRole: null,
        },
        requestId: null,
      },
      {
        name: 'Coop summaries',
        slug: 'summaries',
        country: 'CI',
        currency: 'XOF',
        timeZone: 'Africa/Abidjan',
        locale: 'fr',
        admin: { name: 'A', email: 'a@summaries.test' },
      },
    );
    tenant = {
      cooperativeId: coop.body.id,
      slug: 'summaries',
      schema: 'coop_summaries',
      currency: 'XOF',
      timeZone: 'Africa/Abidjan',
      locale: 'fr',
    };
    for (let i = 1; i <= 6; i++) {
      const m = await app
        .get(MembersService)
        .create(
          admin(),
          { fullName: `Membre ${i}`, phone: `+2250701${String(i).padStart(6, '0')}`, joinedOn: '2024-01-01' },
          null,
        );
      members.push(m.body.id);
    }
  }, 60_000);
  afterAll(async () => {
    await app.close();
    await harness.stop();
  });

  const sql = <T>(query: string, params: unknown[] = []) =>
    app.get(TenantDatabase).read(tenant, (em) => em.execute<T[]>(query, params));

  async function storedDaily(): Promise<Daily> {
    const rows = await sql<{
      day: string;
      kind: string;
      category: string;
      amount: string;
      cash: string;
      entries: number;
      reversals: number;
    }>(
      `select to_char(day, 'YYYY-MM-DD') as day, kind, category, amount, cash, entries, reversals from daily_summaries`,
    );
    const daily: Daily = {};
    for (const r of rows) {
      daily[`${r.day}|${r.kind}|${r.category}`] = {
        amount: Number(r.amount),
        cash: Number(r.cash),
        entries: Number(r.entries),
        reversals: Number(r.reversals),
      };
    }
    return daily;
  }

  async function storedTotals(): Promise<Record<string, number | string | null>> {
    const [row] = await app
      .get(FederationDatabase)
      .em()
      .execute<Record<string, string | null>[]>(
        `select contributions, loans_disbursed, repayments, penalties, expenses, income, adjustments, cash, movements,
              to_char(last_movement_on, 'YYYY-MM-DD') as last_movement_on
         from federation.cooperative_totals where cooperative_id = ?`,
        [tenant.cooperativeId],
      );
    return Object.fromEntries(Object.entries(row ?? {}).map(([k, v]) => [k, k === 'last_movement_on' ? v : Number(v)]));
  }

  /** One random write through the services the API uses; returns what it did, for the failure message. */
  async function randomWrite(random: ReturnType<typeof seeded>): Promise<string> {
    const ledger = app.get(LedgerService);
    const loans = app.get(LoansService);
    const day = addDays(today, -random.int(0, 500));
    const op = random.pick([
      'contribution',
      'contribution',
      'expense',
      'income',
      'penalty',
      'adjustment',
      'reversal',
      'reversal',
      'loan',
      'repayment',
      'repayment',
      'repayment',
      'charge',
      'write-off',
      'import',
    ] as const);
    const amount = random.int(1, 40) * 250;
    switch (op) {
      case 'contribution':
      case 'penalty':
        await ledger.record(
          treasurer(),
          { kind: op, memberId: random.pick(members), amount, channel: 'cash', occurredOn: day },
          null,
        );
        return `${op} ${amount} on ${day}`;
      case 'expense': {
        const category = random.pick(['transport', 'rent', 'social'] as const);
        await ledger.record(treasurer(), { kind: 'expense', category, amount, channel: 'cash', occurredOn: day }, null);
        return `expense ${category} ${amount}`;
      }
      case 'income':
        await ledger.record(treasurer(), { kind: 'income', amount, channel: 'bank', occurredOn: day }, null);
        return `income ${amount}`;
      case 'adjustment': {
        const direction = random.pick(['in', 'out'] as const);
        await ledger.record(
          treasurer(),
          { kind: 'adjustment', direction, amount, channel: 'cash', memo: 'écart', occurredOn: day },
          null,
        );
        return `adjustment ${direction} ${amount}`;
      }
      case 'reversal': {
        const standing = `from transactions t where t.kind not in ('reversal', 'loan_disbursement')
                            and not exists (select 1 from transactions r where r.reverses_id = t.id)`;
        const [{ n }] = (await sql<{ n: string }>(`select count(*) as n ${standing}`)) as [{ n: string }];
        // Repayments half of the time, when there are any: reversing one reopens what the loan owes.
        const repayment = random.chance(0.5) ? ` and t.kind = 'repayment'` : '';
        const [target] = await sql<{ id: string; kind: string }>(
          `select t.id, t.kind ${standing}${repayment} order by t.seq offset ? limit 1`,
          [random.int(0, Math.max(0, Number(n) - 1))],
        );
        if (!target) return 'reversal: nothing to reverse';
        await ledger.reverse(treasurer(), target.id, { reason: 'erreur de saisie' }, null);
        return `reversal of a ${target.kind}`;
      }
      case 'loan': {
        const requested = await loans.request(
          treasurer(),
          {
            memberId: random.pick(members),
            principal: random.int(10, 200) * 500,
            annualRateBasisPoints: random.pick([0, 1200, 2400]),
            method: random.pick(['flat', 'declining'] as const),
            installments: random.int(1, 8),
            frequency: random.pick(['weekly', 'monthly'] as const),
            purpose: 'Commerce',
            guarantorIds: [],
          },
          null,
        );
        await loans.decide(admin(), requested.body.id, { decision: 'approve' });
        await loans.disburse(
          treasurer(),
          requested.body.id,
          { channel: 'cash', occurredOn: addDays(today, -random.int(0, 300)) },
          null,
        );
        return `loan of ${requested.body.principal}`;
      }
      case 'repayment': {
        const running = await loans.list(treasurer(), { status: 'disbursed', limit: 50, offset: 0 });
        const loan: LoanResponse | undefined = running.items.length ? random.pick(running.items) : undefined;
        if (!loan) return 'repayment: no running loan';
        const owed = loan.position!.outstandingTotal;
        const pay = random.chance(0.2) ? owed : Math.max(1, Math.min(owed, random.int(1, 20) * 700));
        const on = loan.disbursedOn! > day ? loan.disbursedOn! : day;
        await loans.repay(treasurer(), loan.id, { amount: pay, channel: 'mobile_money', occurredOn: on }, null);
        return `repayment ${pay} of ${owed} on loan #${loan.number}`;
      }
      case 'charge': {
        const running = await loans.list(treasurer(), { status: 'disbursed', limit: 50, offset: 0 });
        const late = running.items.flatMap((l) => l.schedule.filter((i) => i.status === 'late').map((i) => ({ l, i })));
        if (late.length === 0) return 'penalty charge: nothing late';
        const { l, i } = random.pick(late);
        await loans.assessPenalty(admin(), l.id, { installmentNumber: i.number, amount, reason: 'retard' });
        return `penalty charge ${amount} on loan #${l.number} installment ${i.number}`;
      }
      case 'write-off': {
        const running = await loans.list(treasurer(), { status: 'disbursed', limit: 50, offset: 0 });
        if (running.items.length === 0 || !random.chance(0.3)) return 'write-off: skipped';
        const loan = random.pick(running.items);
        await loans.writeOff(admin(), loan.id, { reason: 'irrécouvrable' });
        return `write-off of loan #${loan.number}`;
      }
      case 'import': {
        const count = random.int(1, 300);
        const lines = ['date;member_number;kind;amount;channel;reference;memo'];
        for (let i = 0; i < count; i++) {
          const kind = random.pick(['contribution', 'expense', 'income'] as const);
          lines.push(
            `${addDays(today, -random.int(0, 500))};${random.int(1, 6)};${kind};${random.int(1, 99) * 100};cash;R-${random.int(0, 1e9)}-${i};`,
          );
        }
        const imports = app.get(ImportsService);
        const up = await imports.upload(treasurer(), Buffer.from(lines.join('\n')), 'random.csv');
        const done = await imports.commit(treasurer(), up.id, importMapping.parse(up.suggestedMapping));
        return `import of ${done.imported} rows`;
      }
    }
  }

  it.each([11, 23, 57])(
    'equal a full recomputation after random writes (seed %i)',
    async (seed) => {
      const random = seeded(seed);
      const done: string[] = [];
      for (let i = 0; i < 60; i++) {
        done.push(await randomWrite(random));
        // Now and then mid-way, and always at the end: the summaries match the journal, exactly.
        if (i % 20 !== 19) continue;
        const journal = await sql<Journal>(
          `select id, kind, direction, amount, category, to_char(occurred_on, 'YYYY-MM-DD') as occurred_on, reverses_id
           from transactions order by seq`,
        );
        const expected = expectedFromJournal(journal);
        const context = `seed ${seed} after: ${done.join(', ')}`;
        expect({ context, daily: await storedDaily() }).toEqual({ context, daily: expected.daily });
        expect({ context, totals: await storedTotals() }).toEqual({ context, totals: expected.totals });
      }

      // Loan positions, once the stale ones are recomputed, give the portfolio page's figures, loan by loan.
      await app.get(LoanPositions).refreshStale(tenant);
      const positions = await sql<{ loan_id: string; outstanding_principal: string }>(
        'select loan_id, outstanding_principal from loan_positions',
      );
      const loans = await app.get(LoansService).list(treasurer(), { limit: 100, offset: 0 });
      for (const loan of loans.items.filter((l) => l.position)) {
        const stored = positions.find((p) => p.loan_id === loan.id);
        expect({ loan: loan.number, outstanding: Number(stored?.outstanding_principal) }).toEqual({
          loan: loan.number,
          outstanding: loan.position!.outstandingPrincipal,
        });
      }
      const portfolio = await app.get(LoansService).portfolio(treasurer());
      const fromSummaries = await app
        .get(TenantDatabase)
        .read(tenant, (em) => app.get(LoanPositions).portfolio(em, today));
      expect({ currency: 'XOF', ...fromSummaries }).toEqual(portfolio);

      // The rebuild (what the command runs) finds nothing to correct.
      const before = { daily: await storedDaily(), totals: await storedTotals() };
      await app.get(SummaryRebuild).rebuild(tenant);
      expect({ daily: await storedDaily(), totals: await storedTotals() }).toEqual(before);
    },
    120_000,
  );

  it('rebuilds summaries that were damaged, from the journal', async () => {
    const before = { daily: await storedDaily(), totals: await storedTotals() };
    await app.get(TenantDatabase).transactional(tenant, async (tx) => {
      await tx.execute(`update daily_summaries set amount = amount + 1, entries = entries + 5`);
      await tx.execute(`delete from daily_summaries where kind = 'expense'`);
      await tx.execute(`update loan_positions set outstanding_principal = 1, stale = false`);
    });
    await app.get(FederationDatabase).em().execute(`update federation.cooperative_totals set cash = 0`);
    expect(await storedDaily()).not.toEqual(before.daily);
    const report = await app.get(SummaryRebuild).rebuild(tenant);
    expect(report.summaryRows).toBe(Object.keys(before.daily).length);
    expect({ daily: await storedDaily(), totals: await storedTotals() }).toEqual(before);
    const [damaged] = await sql<{ n: string }>(
      `select count(*) as n from loan_positions where outstanding_principal = 1`,
    );
    expect(Number(damaged!.n)).toBe(0);
  });
});
