import type { DuesOverviewResponse, MemberDuesResponse, Problem } from '@kotizo/contracts';
import { addDays, isoWeekday, localDate } from '@kotizo/domain';
import { ApiHarness } from '../../api/src/testing/api-harness.js';
import { cooperativeWithEveryRole, type CoopFixture } from './fixtures.js';

describe('contribution plan and dues', () => {
  let api: ApiHarness;
  let coop: CoopFixture;
  let memberId: string;
  const today = localDate(new Date(), 'Africa/Abidjan');
  const base = () => `/api/v1/coops/${coop.slug}`;

  beforeAll(async () => {
    api = await ApiHarness.start('dues');
    coop = await cooperativeWithEveryRole(api, (await api.loginFederationAdmin()).accessToken, 'daloa');
    const member = await api.request<{ id: string }>('POST', `${base()}/members`, {
      token: coop.users.secretary.accessToken,
      body: { fullName: 'Affoué Konan', phone: '+22505050505', joinedOn: addDays(today, -30) },
    });
    memberId = member.body.id;
  });
  afterAll(async () => {
    await api.stop();
  });

  it('says when no plan is set, and only an admin sets one', async () => {
    const none = await api.request<Problem>('GET', `${base()}/members/${memberId}/dues`, {
      token: coop.users.treasurer.accessToken,
    });
    expect(none.status).toBe(409);
    expect(none.body.code).toBe('no_contribution_plan');
    const plan = {
      amount: 5000,
      frequency: 'weekly',
      dueDay: isoWeekday(addDays(today, -10)),
      startDate: addDays(today, -30),
      graceDays: 5,
    };
    expect(
      (await api.request('PUT', `${base()}/contribution-plan`, { token: coop.users.treasurer.accessToken, body: plan }))
        .status,
    ).toBe(403);
    const saved = await api.request('PUT', `${base()}/contribution-plan`, {
      token: coop.users.admin.accessToken,
      body: plan,
    });
    expect(saved.status).toBe(200);
    const bad = await api.request<Problem>('PUT', `${base()}/contribution-plan`, {
      token: coop.users.admin.accessToken,
      body: { ...plan, dueDay: 9, graceDays: -1, amount: 0 },
    });
    expect(bad.body.errors!.map((e) => e.field).sort()).toEqual(['amount', 'dueDay', 'graceDays']);
  });

  it('shows each weekly period paid, late (past the grace days) or due, oldest paid first', async () => {
    const treasurer = coop.users.treasurer.accessToken;
    for (const [amount, occurredOn] of [
      [5000, addDays(today, -20)],
      [2000, addDays(today, -1)],
    ] as const) {
      const res = await api.request('POST', `${base()}/transactions`, {
        token: treasurer,
        body: { kind: 'contribution', memberId, amount, channel: 'cash', occurredOn },
      });
      expect(res.status).toBe(201);
    }
    const dues = await api.request<MemberDuesResponse>('GET', `${base()}/members/${memberId}/dues`, {
      token: treasurer,
    });
    // Due dates fall every 7 days on the weekday of today-10: today-24, -17, -10, -3, then +4, +11...
    expect(dues.body.periods.slice(0, 5).map((p) => [p.dueDate, p.status, p.paid])).toEqual([
      [addDays(today, -24), 'paid', 5000],
      [addDays(today, -17), 'late', 2000],
      [addDays(today, -10), 'late', 0],
      [addDays(today, -3), 'due', 0],
      [addDays(today, 4), 'upcoming', 0],
    ]);
    expect(dues.body).toMatchObject({ amountLate: 8000, amountDue: 13000, overrideAmount: null });

    const overview = await api.request<DuesOverviewResponse>('GET', `${base()}/dues`, { token: treasurer });
    expect(overview.body.members.find((m) => m.memberId === memberId)).toMatchObject({
      amountLate: 8000,
      latePeriods: 2,
    });
  });

  it('applies a member’s own amount', async () => {
    const res = await api.request<MemberDuesResponse>('PUT', `${base()}/members/${memberId}/contribution-override`, {
      token: coop.users.admin.accessToken,
      body: { amount: 3000 },
    });
    expect(res.body.overrideAmount).toBe(3000);
    expect(res.body.periods.every((p) => p.amount === 3000)).toBe(true);
    // 7,000 received: periods 1 and 2 paid (3,000 each), 1,000 on the third.
    expect(res.body.periods.slice(0, 3).map((p) => p.status)).toEqual(['paid', 'paid', 'late']);
    const back = await api.request<MemberDuesResponse>('PUT', `${base()}/members/${memberId}/contribution-override`, {
      token: coop.users.admin.accessToken,
      body: { amount: null },
    });
    expect(back.body.overrideAmount).toBeNull();
  });
});
