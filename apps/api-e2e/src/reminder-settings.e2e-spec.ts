import type { INestApplicationContext } from '@nestjs/common';
import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import type { LoanResponse, Problem, ReminderSettingsResponse } from '@kotizo/contracts';
import { addDays, isoWeekday, localDate } from '@kotizo/domain';
import { ApiHarness } from '../../api/src/testing/api-harness.js';
import { TenantDatabase } from '../../api/src/platform/database/tenant-database.js';
import { TenantJobs } from '../../api/src/platform/queue/tenant-jobs.js';
import type { TenantContext } from '../../api/src/platform/tenancy/tenant-context.js';
import { ReminderRunner } from '../../api/src/modules/notifications/reminders/reminder-runner.js';
import {
  NOTIFICATIONS_QUEUE,
  RemindersProcessor,
} from '../../api/src/modules/notifications/reminders/reminders.processor.js';
import { cooperativeWithEveryRole, type CoopFixture } from './fixtures.js';
import { eventually } from './socket-client.js';

/**
 * Late in the day, so that the worker's own dispatcher (every quarter hour, on the wall clock)
 * does not run the day's reminders in the middle of these tests: they run them themselves.
 */
const SETTINGS = { enabled: true, sendAt: '23:45', daysBefore: 3, lateReminders: true };

describe('reminder settings', () => {
  let api: ApiHarness;
  let worker: INestApplicationContext;
  let coop: CoopFixture;
  let tenant: TenantContext;
  let memberId: string;
  // The cooperatives of Côte d'Ivoire keep UTC: local times are UTC times.
  const today = localDate(new Date(), 'Africa/Abidjan');
  const url = (rest: string) => `/api/v1/coops/${coop.slug}${rest}`;

  const read = (token = coop.users.treasurer.accessToken) =>
    api.request<ReminderSettingsResponse & Problem>('GET', url('/reminder-settings'), { token });
  const put = (body: unknown, token = coop.users.admin.accessToken) =>
    api.request<ReminderSettingsResponse & Problem>('PUT', url('/reminder-settings'), { token, body });
  const sql = <T extends object[]>(query: string, params: unknown[] = []) =>
    api.app.get(TenantDatabase).transactional(tenant, (tx) => tx.execute<T>(query, params));
  /** What was decided for the member of these tests, as `kind ref`. */
  const reminded = async () =>
    (
      await sql<{ kind: string; ref: string }[]>(
        'select kind, ref from reminders_sent where member_id = ? order by kind, ref',
        [memberId],
      )
    ).map((r) => `${r.kind} ${r.ref}`);
  const deliveries = async () =>
    Number(
      (await sql<{ n: string }[]>('select count(*) as n from channel_deliveries where member_id = ?', [memberId]))[0]!
        .n,
    );
  const run = (date = today) => worker.get(ReminderRunner).run(tenant, date);

  beforeAll(async () => {
    api = await ApiHarness.start('reminder-settings');
    coop = await cooperativeWithEveryRole(api, (await api.loginFederationAdmin()).accessToken, 'relances');
    tenant = await api.app.get(TenantJobs).context({ tenant: { cooperativeId: coop.id, slug: coop.slug } });
    // A member who has paid nothing (the fixture's member has).
    const member = await api.request<{ id: string }>('POST', url('/members'), {
      token: coop.users.secretary.accessToken,
      body: { fullName: 'Fanta Traoré', phone: '+22507998877', joinedOn: '2026-01-01' },
    });
    memberId = member.body.id;
  });
  afterAll(async () => {
    await api.stop();
  });

  it('reads today’s behaviour when never changed: on, from 08:00 local time, three days ahead, late ones too', async () => {
    const settings = await read();
    expect(settings.status).toBe(200);
    expect(settings.body).toEqual({
      enabled: true,
      sendAt: '08:00',
      daysBefore: 3,
      lateReminders: true,
      timeZone: 'Africa/Abidjan',
    });
    expect((await read(coop.users.secretary.accessToken)).status).toBe(200);
    expect((await read(coop.users.member.accessToken)).status).toBe(403);
  });

  it('answers bad settings with a problem naming each bad field, and changes nothing', async () => {
    const bad = await put({ enabled: true, sendAt: '25:00', daysBefore: -1, lateReminders: true, channel: 'sms' });
    expect(bad.status).toBe(422);
    expect(bad.headers.get('content-type')).toContain('application/problem+json');
    expect(bad.body.errors?.map((e) => e.field).sort()).toEqual(['channel', 'daysBefore', 'sendAt']);
    expect(bad.body.errors?.find((e) => e.field === 'daysBefore')?.message).toBe('cannot be negative');
    expect(bad.body.errors?.find((e) => e.field === 'channel')?.code).toBe('not_allowed');
    expect(bad.body.errors?.find((e) => e.field === 'sendAt')).toMatchObject({
      code: 'time_format',
      message: 'must be a time as HH:MM (24 h)',
    });

    const text = await put({ ...SETTINGS, daysBefore: '3' });
    expect(text.status).toBe(422);
    expect(text.body.errors).toEqual([expect.objectContaining({ field: 'daysBefore', message: 'must be a number' })]);
    const tooFar = await put({ ...SETTINGS, sendAt: '8:00', daysBefore: 31 });
    expect(tooFar.body.errors?.map((e) => e.field).sort()).toEqual(['daysBefore', 'sendAt']);
    const missing = await put({ enabled: false });
    expect(missing.body.errors?.map((e) => e.field).sort()).toEqual(['daysBefore', 'lateReminders', 'sendAt']);

    expect((await read()).body).toMatchObject({ enabled: true, sendAt: '08:00', daysBefore: 3, lateReminders: true });
  });

  it('lets only an admin change them, and keeps the change in the audit log', async () => {
    expect((await put(SETTINGS, coop.users.treasurer.accessToken)).status).toBe(403);
    expect((await put(SETTINGS, coop.users.secretary.accessToken)).status).toBe(403);
    expect((await read()).body.sendAt).toBe('08:00');

    const saved = await put(SETTINGS);
    expect(saved.status).toBe(200);
    expect(saved.body).toEqual({ ...SETTINGS, timeZone: 'Africa/Abidjan' });
    expect((await read()).body).toEqual(saved.body);
    // One entry: the refused attempts left none.
    const entries = await sql<{ actor_user_id: string; details: unknown }[]>(
      `select actor_user_id, details from federation.audit_log
        where action = 'settings.update' and target = 'reminders' and cooperative_id = ?`,
      [coop.id],
    );
    expect(entries).toEqual([{ actor_user_id: coop.users.admin.id, details: SETTINGS }]);
    // Started only now: with the hour set late, its own dispatcher leaves the day to these tests.
    worker = await api.startWorker();
  });

  it('reminds of a due as many days ahead as set', async () => {
    const dueOn = addDays(today, 5);
    const plan = await api.request('PUT', url('/contribution-plan'), {
      token: coop.users.admin.accessToken,
      body: {
        amount: 3_000,
        frequency: 'weekly',
        dueDay: isoWeekday(dueOn),
        startDate: addDays(today, 1),
        graceDays: 2,
      },
    });
    expect(plan.status).toBe(200);

    await run();
    expect(await reminded()).toEqual([]);

    expect((await put({ ...SETTINGS, daysBefore: 5 })).status).toBe(200);
    const ran = await run();
    expect(ran.created).toBeGreaterThanOrEqual(1);
    expect(await reminded()).toEqual([`due.upcoming ${dueOn}`]);
    expect(await deliveries()).toBe(1);
  });

  it('sends nothing while reminders are off, and what is due once they are on again', async () => {
    // A loan paid out 35 days ago: its first installment is late.
    const requested = await api.request<LoanResponse>('POST', url('/loans'), {
      token: coop.users.treasurer.accessToken,
      body: {
        memberId,
        principal: 20_000,
        annualRateBasisPoints: 0,
        method: 'flat',
        installments: 2,
        frequency: 'monthly',
        purpose: 'Semences',
      },
    });
    await api.request('POST', url(`/loans/${requested.body.id}/decision`), {
      token: coop.users.admin.accessToken,
      body: { decision: 'approve' },
    });
    const disbursed = await api.request<LoanResponse>('POST', url(`/loans/${requested.body.id}/disbursement`), {
      token: coop.users.treasurer.accessToken,
      body: { channel: 'cash', occurredOn: addDays(today, -35) },
    });
    expect(disbursed.body.schedule[0]).toMatchObject({ status: 'late' });

    expect((await put({ ...SETTINGS, daysBefore: 5, enabled: false })).body.enabled).toBe(false);
    expect(await run()).toEqual({ decided: 0, created: 0, sent: 0 });
    expect(await reminded()).toEqual([`due.upcoming ${addDays(today, 5)}`]);
    expect(await deliveries()).toBe(1);

    // On again, late installments left out: still nothing about the loan.
    await put({ ...SETTINGS, daysBefore: 5, lateReminders: false });
    expect(await run()).toEqual({ decided: 1, created: 0, sent: 0 });
    expect(await reminded()).toEqual([`due.upcoming ${addDays(today, 5)}`]);

    await put({ ...SETTINGS, daysBefore: 5 });
    expect(await run()).toEqual({ decided: 2, created: 1, sent: 1 });
    expect(await reminded()).toEqual([`due.upcoming ${addDays(today, 5)}`, `installment.late ${requested.body.id}:1`]);
  });

  it('falls back to the default of a stored value it cannot read, and runs on', async () => {
    await sql(`update settings set value = '"lots"' where key = 'reminders.daysBefore'`);
    await sql(`update settings set value = '"8h"' where key = 'reminders.sendAt'`);
    expect((await read()).body).toMatchObject({ sendAt: '08:00', daysBefore: 3, enabled: true, lateReminders: true });
    // Three days ahead again: the due in five days is out of sight, the late installment is not.
    expect(await run()).toEqual({ decided: 1, created: 0, sent: 0 });
    await put(SETTINGS);
  });

  it('dispatches the day’s reminders from the local time set, and not before', async () => {
    const queue = worker.get<Queue>(getQueueToken(NOTIFICATIONS_QUEUE));
    const processor = worker.get(RemindersProcessor);
    // Tomorrow evening: a day the worker's own dispatcher cannot have reached yet.
    const tomorrow = addDays(today, 1);
    const at = new Date(`${tomorrow}T23:15:00Z`);
    const jobId = `reminders.run.${coop.id}.${tomorrow}`;
    expect((await put({ ...SETTINGS, sendAt: '23:30' })).status).toBe(200);

    expect(await processor.dispatch(at)).toBe(0);
    expect(await queue.getJob(jobId)).toBeUndefined();
    // The same instant, with the hour moved earlier: the cooperative's turn has come.
    await put({ ...SETTINGS, sendAt: '23:00' });
    expect(await processor.dispatch(at)).toBe(1);
    const job = await eventually(async () => {
      const found = await queue.getJob(jobId);
      return found && (await found.isCompleted()) && found;
    });
    // The late installment was reminded already: the run finds it and sends nothing twice.
    expect(job.returnvalue).toMatchObject({ decided: 1, created: 0, sent: 0 });

    // Set after the last quarter hour the dispatcher sees, they go out at it rather than never.
    await put({ ...SETTINGS, sendAt: '23:50' });
    expect(await processor.dispatch(new Date(`${addDays(today, 2)}T23:45:00Z`))).toBe(1);
  });
});
