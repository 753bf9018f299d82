import { ServiceHarness } from '../testing/service-harness.js';
import { DemoSeeder } from './demo-seeder.js';

/** The start command's demo data: what a newcomer sees first. */
describe('demo seeder (PostgreSQL)', () => {
  let harness: ServiceHarness;

  beforeAll(async () => {
    harness = await ServiceHarness.start('demo');
  });
  afterAll(async () => {
    await harness.stop();
  });

  const count = async (sql: string) => Number((await harness.query<{ n: string }>(sql))[0]!.n);

  it('creates the federation admin, two cooperatives with a year of books, and prints the logins', async () => {
    const logins = await harness.app.get(DemoSeeder).seed();
    expect(logins.map((l) => l.email)).toEqual([
      'fed.admin@kotizo.test',
      'awa@yopougon.demo',
      'mariam@demo.kotizo',
      'kouassi@yopougon.demo',
      'aminata@yopougon.demo',
      'jeanpaul@bafoussam.demo',
    ]);
    expect(await count(`select count(*) as n from coop_tontine_yopougon.members`)).toBe(18);
    expect(await count(`select count(*) as n from coop_entraide_bafoussam.members`)).toBe(12);
    expect(
      await count(`select count(*) as n from coop_tontine_yopougon.transactions where kind = 'contribution'`),
    ).toBeGreaterThan(150);
    const loans = await harness.query<{ status: string; n: string }>(
      `select status, count(*) as n from coop_tontine_yopougon.loans group by status order by status`,
    );
    expect(loans.map((l) => [l.status, Number(l.n)])).toEqual([
      ['disbursed', 2],
      ['requested', 1],
    ]);
    expect(
      await count(`select count(*) as n from coop_tontine_yopougon.members where user_id is not null and number = 1`),
    ).toBe(1);
  });

  it('opens the demo with the cases the default rules find in its books', async () => {
    const rules = await harness.query<{ rule_id: string }>(
      `select distinct rule_id from coop_tontine_yopougon.findings order by rule_id`,
    );
    expect(rules.map((r) => r.rule_id)).toEqual(
      expect.arrayContaining([
        'duplicate-within-24h',
        'large-expense',
        'same-external-reference',
        'round-amount-structuring',
        'overdue-installment',
      ]),
    );
    // Every movement has its verdict, so nothing waits for the nightly audit.
    expect(
      await count(`select count(*) as n from coop_tontine_yopougon.transactions t
                    where not exists (select 1 from coop_tontine_yopougon.movement_verdicts v
                                       where v.transaction_id = t.id)`),
    ).toBe(0);
    expect(await count(`select count(*) as n from coop_tontine_yopougon.cases where status = 'open'`)).toBeGreaterThan(
      3,
    );
  });

  it('adds nothing when run again (the start command runs it every time)', async () => {
    const before = await count(`select count(*) as n from coop_tontine_yopougon.transactions`);
    const users = await count(`select count(*) as n from federation.users`);
    await harness.app.get(DemoSeeder).seed();
    expect(await count(`select count(*) as n from coop_tontine_yopougon.transactions`)).toBe(before);
    expect(await count(`select count(*) as n from federation.users`)).toBe(users);
    expect(await count(`select count(*) as n from federation.cooperatives`)).toBe(2);
    expect(await count(`select count(*) as n from coop_tontine_yopougon.audit_runs`)).toBe(1);
  });
});
