import type { INestApplicationContext } from '@nestjs/common';
import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import type { CreateCooperativeResponse, NotificationPage } from '@kotizo/contracts';
import { ApiHarness } from '../../api/src/testing/api-harness.js';
import { TenantDatabase } from '../../api/src/platform/database/tenant-database.js';
import { TenantJobs } from '../../api/src/platform/queue/tenant-jobs.js';
import {
  NOTIFICATIONS_QUEUE,
  REMINDERS_RUN_JOB,
  RemindersProcessor,
} from '../../api/src/modules/notifications/reminders/reminders.processor.js';
import { cooperativeWithEveryRole, type CoopFixture } from './fixtures.js';
import { eventually, TestSocket } from './socket-client.js';

/** Two API processes and two workers on one PostgreSQL and one Redis, as README's "Running several processes". */
describe('several API and worker processes', () => {
  let first: ApiHarness;
  let second: ApiHarness;
  let workers: INestApplicationContext[];
  let coop: CoopFixture;

  beforeAll(async () => {
    first = await ApiHarness.start('scale-out');
    second = await ApiHarness.alongside(first);
    coop = await cooperativeWithEveryRole(first, (await first.loginFederationAdmin()).accessToken, 'scale');
    workers = [await first.startWorker(), await first.startWorker()];
  });
  afterAll(async () => {
    await second.app.close();
    await first.stop();
  });

  it('delivers an event written through one API process to a client of the other', async () => {
    const onSecond = await TestSocket.connect(second, coop.users.admin.accessToken, second.baseUrl);
    const otherTab = await TestSocket.connect(first, coop.users.admin.accessToken, first.baseUrl);
    try {
      const loan = await first.request<{ id: string }>('POST', `/api/v1/coops/${coop.slug}/loans`, {
        token: coop.users.treasurer.accessToken,
        body: {
          memberId: coop.memberId,
          principal: 10_000,
          annualRateBasisPoints: 0,
          method: 'flat',
          installments: 1,
          frequency: 'monthly',
          purpose: 'Stock',
        },
      });
      expect(loan.status).toBe(201);
      const received = await eventually(() => onSecond.notifications.find((n) => n.data.loanId === loan.body.id));
      expect(received.kind).toBe('loan.awaiting_approval');

      // Marked read through the second process: the tab on the first one hears of it.
      const read = await second.request('POST', `/api/v1/me/notifications/${received.id}/read`, {
        token: coop.users.admin.accessToken,
      });
      expect(read.status).toBe(204);
      await eventually(() =>
        otherTab.of<{ ids: string[] }>('notifications.read').some((e) => e.ids?.includes(received.id)),
      );
      const page = await first.request<NotificationPage>('GET', '/api/v1/me/notifications?unread=true&limit=100', {
        token: coop.users.admin.accessToken,
      });
      expect(page.body.items.map((n) => n.id)).not.toContain(received.id);
    } finally {
      onSecond.close();
      otherTab.close();
    }
  });

  it('spreads the reminder jobs of many cooperatives over both workers, each run once', async () => {
    const fed = (await first.loginFederationAdmin()).accessToken;
    const tenants = [{ cooperativeId: coop.id, slug: coop.slug }];
    for (let i = 0; i < 9; i++) {
      const created = await second.request<CreateCooperativeResponse>('POST', '/api/v1/coops', {
        token: fed,
        body: {
          name: `Coop ${i}`,
          slug: `spread-${i}`,
          country: 'CI',
          admin: { name: 'A', email: `a${i}@spread.test` },
        },
      });
      expect(created.status).toBe(201);
      tenants.push({ cooperativeId: created.body.id, slug: `spread-${i}` });
    }
    // Reminders go out from midnight, local time, in these cooperatives: so the dispatch below queues them all.
    const jobs = workers[0]!.get(TenantJobs);
    for (const tenant of tenants) {
      await first.app
        .get(TenantDatabase)
        .transactional(await jobs.context({ tenant }), (tx) =>
          tx.execute(`update settings set value = '"00:00"' where key = 'reminders.sendAt'`),
        );
    }
    expect(await workers[1]!.get(RemindersProcessor).dispatch(new Date())).toBe(tenants.length);

    const queue = workers[0]!.get<Queue>(getQueueToken(NOTIFICATIONS_QUEUE));
    const done = await eventually(async () => {
      const completed = (await queue.getJobs(['completed'], 0, 100)).filter((j) => j.name === REMINDERS_RUN_JOB);
      return completed.length === tenants.length && completed;
    }, 20_000);
    const byWorker = new Map<string, number>();
    for (const job of done) {
      const worker = (job.returnvalue as { worker: string }).worker;
      byWorker.set(worker, (byWorker.get(worker) ?? 0) + 1);
    }
    expect(new Set(done.map((j) => (j.data as { tenant: { slug: string } }).tenant.slug)).size).toBe(tenants.length);
    expect([...byWorker.keys()].sort()).toEqual(workers.map((w) => w.get(RemindersProcessor).instance).sort());
    // Dispatching again the same day queues nothing new.
    await workers[0]!.get(RemindersProcessor).dispatch(new Date());
    expect(
      (await queue.getJobs(['completed', 'waiting', 'active'], 0, 100)).filter((j) => j.name === REMINDERS_RUN_JOB),
    ).toHaveLength(tenants.length);
  });
});
