import type { INestApplicationContext } from '@nestjs/common';
import type { LoanResponse, NotificationPage } from '@kotizo/contracts';
import { addDays, isoWeekday, localDate } from '@kotizo/domain';
import { ApiHarness } from '../../api/src/testing/api-harness.js';
import { TenantDatabase } from '../../api/src/platform/database/tenant-database.js';
import { TenantJobs } from '../../api/src/platform/queue/tenant-jobs.js';
import type { TenantContext } from '../../api/src/platform/tenancy/tenant-context.js';
import { ReminderRunner } from '../../api/src/modules/notifications/reminders/reminder-runner.js';
import { cooperativeWithEveryRole, type CoopFixture } from './fixtures.js';
import { eventually } from './socket-client.js';

interface Delivery {
  channel: string;
  recipient: string;
  subject: string | null;
  body: string;
  kind: string;
}

describe('reminders of dues and installments', () => {
  let api: ApiHarness;
  let worker: INestApplicationContext;
  let coop: CoopFixture;
  let tenant: TenantContext;
  let memberId: string;
  const today = localDate(new Date(), 'Africa/Abidjan');
  const url = (rest: string) => `/api/v1/coops/${coop.slug}${rest}`;

  const deliveries = () =>
    api.app
      .get(TenantDatabase)
      .read(tenant, (em) =>
        em.execute<Delivery[]>('select channel, recipient, subject, body, kind from channel_deliveries order by id'),
      );
  const notifications = async () =>
    (
      await api.request<NotificationPage>('GET', '/api/v1/me/notifications?limit=100', {
        token: coop.users.member.accessToken,
      })
    ).body.items;

  beforeAll(async () => {
    api = await ApiHarness.start('reminders');
    coop = await cooperativeWithEveryRole(api, (await api.loginFederationAdmin()).accessToken, 'rappels');
    worker = await api.startWorker();
    tenant = await worker.get(TenantJobs).context({ tenant: { cooperativeId: coop.id, slug: coop.slug } });
    // A member of their own, who has paid nothing, with the member account linked to it.
    const member = await api.request<{ id: string }>('POST', url('/members'), {
      token: coop.users.secretary.accessToken,
      body: { fullName: 'Awa Koné', phone: '+22507123456', joinedOn: '2026-01-01' },
    });
    memberId = member.body.id;
    await api.app
      .get(TenantDatabase)
      .transactional(tenant, (tx) =>
        tx.execute('update members set user_id = ? where id = ?', [coop.users.member.id, memberId]),
      );
  });
  afterAll(async () => {
    await api.stop();
  });

  it('reminds a member of a due coming in the days set, in the app, by SMS and by e-mail, once', async () => {
    // A weekly plan starting tomorrow, due the day after: within the default three days.
    const dueOn = addDays(today, 2);
    const plan = await api.request('PUT', url('/contribution-plan'), {
      token: coop.users.admin.accessToken,
      body: {
        amount: 2_500,
        frequency: 'weekly',
        dueDay: isoWeekday(dueOn),
        startDate: addDays(today, 1),
        graceDays: 2,
      },
    });
    expect(plan.status).toBe(200);
    const runner = worker.get(ReminderRunner);
    const first = await runner.run(tenant, today);
    expect(first.created).toBeGreaterThanOrEqual(1);

    const reminder = await eventually(async () => (await notifications()).find((n) => n.kind === 'due.upcoming'));
    expect(reminder.data).toEqual(
      expect.objectContaining({ memberId, memberName: 'Awa Koné', dueOn, amount: 2_500, currency: 'XOF' }),
    );
    const sent = (await deliveries()).filter((d) => d.kind === 'due.upcoming' && d.body.includes('Awa Koné'));
    expect(sent.map((d) => [d.channel, d.recipient])).toEqual([
      ['sms', '+22507123456'],
      ['email', coop.users.member.email],
    ]);
    expect(sent[0]!.body).toMatch(
      /^Coop rappels : bonjour Awa Koné, votre cotisation de 2\s500\sF\sCFA est attendue le \d\d\/\d\d\/\d{4}\.$/u,
    );
    expect(sent[1]!.subject).toBe('Coop rappels : cotisation à venir');

    // The same day again, or a second worker running the same job: nothing twice.
    const again = await runner.run(tenant, today);
    expect(again).toEqual({ decided: first.decided, created: 0, sent: 0 });
    expect((await deliveries()).filter((d) => d.kind === 'due.upcoming')).toHaveLength(2);
  });

  it('reminds of an installment coming and of one late', async () => {
    const requested = await api.request<LoanResponse>('POST', url('/loans'), {
      token: coop.users.treasurer.accessToken,
      body: {
        memberId,
        principal: 20_000,
        annualRateBasisPoints: 0,
        method: 'flat',
        installments: 2,
        frequency: 'monthly',
        purpose: 'Commerce',
      },
    });
    const loanId = requested.body.id;
    await api.request('POST', url(`/loans/${loanId}/decision`), {
      token: coop.users.admin.accessToken,
      body: { decision: 'approve' },
    });
    // Paid out 35 days ago: the first installment is late, the second falls due in about 25 days.
    const disbursed = await api.request<LoanResponse>('POST', url(`/loans/${loanId}/disbursement`), {
      token: coop.users.treasurer.accessToken,
      body: { channel: 'cash', occurredOn: addDays(today, -35) },
    });
    expect(disbursed.status).toBe(200);
    const second = disbursed.body.schedule[1]!;
    const settings = await api.request('PUT', url('/reminder-settings'), {
      token: coop.users.admin.accessToken,
      body: { enabled: true, sendAt: '08:00', daysBefore: 30, lateReminders: true },
    });
    expect(settings.status).toBe(200);
    await worker.get(ReminderRunner).run(tenant, today);

    const kinds = await eventually(async () => {
      const mine = (await notifications()).filter((n) => n.data.loanId === loanId);
      return mine.length === 2 && mine;
    });
    expect(kinds.map((n) => [n.kind, n.data.installmentNumber]).sort()).toEqual([
      ['installment.late', 1],
      ['installment.upcoming', 2],
    ]);
    expect(kinds.find((n) => n.kind === 'installment.upcoming')!.data).toEqual(
      expect.objectContaining({ dueOn: second.dueDate, amount: 10_000, loanNumber: requested.body.number }),
    );
    const sms = (await deliveries()).filter((d) => d.kind.startsWith('installment.') && d.channel === 'sms');
    expect(sms).toHaveLength(2);
    const late = new RegExp(`prêt n° ${requested.body.number} a 10\\s000\\sF\\sCFA d'impayés`, 'u');
    expect(sms.some((d) => late.test(d.body))).toBe(true);
  });
});
