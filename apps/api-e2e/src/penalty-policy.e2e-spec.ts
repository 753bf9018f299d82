import type { INestApplicationContext } from '@nestjs/common';
import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import type { LoanResponse, PenaltyPolicyResponse, Problem } from '@kotizo/contracts';
import { addDays, localDate } from '@kotizo/domain';
import { ApiHarness } from '../../api/src/testing/api-harness.js';
import { TenantDatabase } from '../../api/src/platform/database/tenant-database.js';
import { TenantJobs } from '../../api/src/platform/queue/tenant-jobs.js';
import type { TenantContext } from '../../api/src/platform/tenancy/tenant-context.js';
import { LOANS_QUEUE, PenaltiesProcessor } from '../../api/src/modules/loans/penalties.processor.js';
import { PenaltyRunner } from '../../api/src/modules/loans/penalty-runner.js';
import { cooperativeWithEveryRole, type CoopFixture } from './fixtures.js';
import { eventually } from './socket-client.js';

/** 500 FCFA a day late after 3 days of grace, at most 1 200 per installment. */
const POLICY = {
  enabled: true,
  charge: { kind: 'fixed', amount: 500 },
  period: 'day',
  graceDays: 3,
  cap: { kind: 'amount', amount: 1_200 },
};

describe('automatic penalties on late installments', () => {
  let api: ApiHarness;
  let worker: INestApplicationContext;
  let coop: CoopFixture;
  let tenant: TenantContext;
  let runner: PenaltyRunner;
  /** Two loans paid out 45 days ago: each has its first installment about two weeks late. */
  let paidLater: string;
  let neverPaid: string;
  const today = localDate(new Date(), 'Africa/Abidjan');
  const url = (rest: string) => `/api/v1/coops/${coop.slug}${rest}`;

  const loan = async (id: string) =>
    (await api.request<LoanResponse>('GET', url(`/loans/${id}`), { token: coop.users.treasurer.accessToken })).body;
  const setPolicy = (body: unknown, token = coop.users.admin.accessToken) =>
    api.request<PenaltyPolicyResponse & Problem>('PUT', url('/penalty-policy'), { token, body });
  const charges = () =>
    api.app
      .get(TenantDatabase)
      .read(tenant, (em) =>
        em.execute<
          { loan_id: string; installment_number: number; amount: string; assessed_by: string | null; reason: string }[]
        >('select loan_id, installment_number, amount, assessed_by, reason from loan_penalties order by assessed_at'),
      );

  async function lateLoan(principal: number, installments: number): Promise<string> {
    const requested = await api.request<LoanResponse>('POST', url('/loans'), {
      token: coop.users.treasurer.accessToken,
      body: {
        memberId: coop.memberId,
        principal,
        annualRateBasisPoints: 0,
        method: 'flat',
        installments,
        frequency: 'monthly',
        purpose: 'Commerce de pagnes',
      },
    });
    await api.request('POST', url(`/loans/${requested.body.id}/decision`), {
      token: coop.users.admin.accessToken,
      body: { decision: 'approve' },
    });
    const disbursed = await api.request<LoanResponse>('POST', url(`/loans/${requested.body.id}/disbursement`), {
      token: coop.users.treasurer.accessToken,
      body: { channel: 'cash', occurredOn: addDays(today, -45) },
    });
    expect(disbursed.body.schedule[0]).toMatchObject({ status: 'late', penalty: 0 });
    return requested.body.id;
  }

  beforeAll(async () => {
    // The nightly hour is a minute before midnight: the worker's own dispatcher never fires during
    // the test, and the test dispatches at 23:59 itself.
    api = await ApiHarness.start('penalties', { AUDIT_NIGHTLY_AT: '23:59' });
    coop = await cooperativeWithEveryRole(api, (await api.loginFederationAdmin()).accessToken, 'penalites');
    worker = await api.startWorker();
    tenant = await worker.get(TenantJobs).context({ tenant: { cooperativeId: coop.id, slug: coop.slug } });
    runner = worker.get(PenaltyRunner);
    paidLater = await lateLoan(30_000, 3);
    neverPaid = await lateLoan(20_000, 2);
  });
  afterAll(async () => {
    await api.stop();
  });

  it('is off by default, and then charges nothing', async () => {
    const policy = await api.request<PenaltyPolicyResponse>('GET', url('/penalty-policy'), {
      token: coop.users.treasurer.accessToken,
    });
    expect(policy.status).toBe(200);
    expect(policy.body).toMatchObject({ enabled: false, effectiveFrom: null, currency: 'XOF' });
    expect(await runner.run(tenant, today)).toEqual({ loans: 0, charged: 0, amount: 0 });
    expect((await loan(paidLater)).schedule.map((i) => i.penalty)).toEqual([0, 0, 0]);
  });

  it('answers bad settings with a problem naming each bad field, and lets only an admin set them', async () => {
    const bad = await setPolicy({
      enabled: 'yes',
      charge: { kind: 'rate', basisPoints: 0 },
      period: 'year',
      graceDays: -1,
      cap: { kind: 'amount', amount: 1.5 },
    });
    expect(bad.status).toBe(422);
    expect(bad.headers.get('content-type')).toContain('application/problem+json');
    expect(bad.body.errors?.map((e) => e.field)).toEqual([
      'enabled',
      'charge.basisPoints',
      'period',
      'graceDays',
      'cap.amount',
    ]);
    const unknownKind = await setPolicy({ ...POLICY, charge: { kind: 'percent', amount: 5 } });
    expect(unknownKind.body.errors?.map((e) => e.field)).toEqual(['charge.kind']);
    expect((await setPolicy(POLICY, coop.users.treasurer.accessToken)).status).toBe(403);
    const byMember = await api.request('GET', url('/penalty-policy'), { token: coop.users.member.accessToken });
    expect(byMember.status).toBe(403);
  });

  it('charges each late installment once from the day it is turned on, however often the job runs', async () => {
    const saved = await setPolicy(POLICY);
    expect(saved.status).toBe(200);
    expect(saved.body).toEqual({ ...POLICY, effectiveFrom: today, currency: 'XOF' });

    // Both loans are two weeks late, but periods that started before today are not charged. Two
    // workers running the same day's job at once charge each period once between them.
    const [one, other] = await Promise.all([runner.run(tenant, today), runner.run(tenant, today)]);
    expect(one.charged + other.charged).toBe(2);
    expect(one.amount + other.amount).toBe(1_000);
    const charged = await loan(paidLater);
    expect(charged.schedule.map((i) => i.penalty)).toEqual([500, 0, 0]);
    expect(charged.position).toMatchObject({ penaltiesDue: 500, arrears: 10_500 });
    const [row] = await charges();
    expect(row).toMatchObject({ installment_number: 1, amount: '500', assessed_by: null });
    expect(row!.reason).toBe(
      `Pénalité de retard automatique, période ${charged.position!.daysPastDue - POLICY.graceDays} (du ${today} au ${today})`,
    );

    // The same day again, directly or through the nightly dispatch and the queue: nothing more.
    expect(await runner.run(tenant, today)).toEqual({ loans: 0, charged: 0, amount: 0 });
    expect(await worker.get(PenaltiesProcessor).dispatch(new Date(`${today}T23:59:30Z`))).toBe(1);
    const queue = worker.get<Queue>(getQueueToken(LOANS_QUEUE));
    const job = await eventually(async () => {
      const found = await queue.getJob(`penalties.run.${coop.id}.${today}`);
      return found && (await found.isCompleted()) && found;
    });
    expect(job.returnvalue).toEqual({ loans: 0, charged: 0, amount: 0 });
    expect(await charges()).toHaveLength(2);
  });

  it('stops charging an installment once it is paid, and keeps charging one that is not', async () => {
    const owed = (await loan(paidLater)).schedule[0]!.remaining;
    const repaid = await api.request('POST', url(`/loans/${paidLater}/repayments`), {
      token: coop.users.treasurer.accessToken,
      body: { amount: owed, channel: 'mobile_money' },
    });
    expect(repaid.status).toBe(201);
    expect(owed).toBe(10_500);

    const tomorrow = addDays(today, 1);
    expect(await runner.run(tenant, tomorrow)).toEqual({ loans: 1, charged: 1, amount: 500 });
    const rows = await charges();
    expect(rows.filter((r) => r.loan_id === paidLater)).toHaveLength(1);
    expect(rows.filter((r) => r.loan_id === neverPaid)).toHaveLength(2);
  });

  it('charges nothing while the policy is off, and no more than the cap once back on', async () => {
    const off = await setPolicy({ ...POLICY, enabled: false });
    expect(off.body).toMatchObject({ enabled: false, effectiveFrom: null });
    const later = addDays(today, 2);
    expect(await runner.run(tenant, later)).toEqual({ loans: 0, charged: 0, amount: 0 });

    expect((await setPolicy(POLICY)).body.effectiveFrom).toBe(today);
    // 1 000 charged already on that installment: 200 are left under the cap of 1 200.
    expect(await runner.run(tenant, later)).toEqual({ loans: 1, charged: 1, amount: 200 });
    expect(await runner.run(tenant, addDays(today, 3))).toEqual({ loans: 0, charged: 0, amount: 0 });
    const never = (await charges()).filter((r) => r.loan_id === neverPaid);
    expect(never.map((r) => Number(r.amount))).toEqual([500, 500, 200]);
  });
});
