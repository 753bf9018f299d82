import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';
import { Queue, QueueEvents } from 'bullmq';
import { ServiceHarness } from '../../testing/service-harness.js';
import { WorkerModule } from '../../worker.module.js';
import { MAINTENANCE_QUEUE } from '../../platform/queue/queue.module.js';
import { SCHEMA_CHECK_ALL, SCHEMA_CHECK_TENANT } from './schema-check.processor.js';

/** A real worker process context consuming real BullMQ jobs on Redis. */
describe('tenant jobs on the worker (PostgreSQL + Redis)', () => {
  let harness: ServiceHarness;
  let worker: INestApplicationContext;
  let queue: Queue;
  let events: QueueEvents;
  let tenants: { cooperativeId: string; slug: string }[];

  beforeAll(async () => {
    harness = await ServiceHarness.start('jobs');
    tenants = [];
    for (const slug of ['kindia', 'labe']) {
      const c = await harness.provision(slug);
      tenants.push({ cooperativeId: c.id, slug });
    }
    worker = await NestFactory.createApplicationContext(WorkerModule.forRoot(harness.env), { logger: false });
    const connection = { url: harness.env.REDIS_URL };
    const prefix = `${harness.env.REDIS_PREFIX}:bull`;
    queue = new Queue(MAINTENANCE_QUEUE, { connection, prefix });
    events = new QueueEvents(MAINTENANCE_QUEUE, { connection, prefix });
    await events.waitUntilReady();
  });
  afterAll(async () => {
    // Stop consuming first, so no job finishes against a queue being emptied.
    await worker.close();
    await queue.obliterate({ force: true });
    await Promise.all([queue.close(), events.close()]);
    await harness.stop();
  });

  it('runs each job in the cooperative its payload names', async () => {
    const jobs = await Promise.all(tenants.map((tenant) => queue.add(SCHEMA_CHECK_TENANT, { tenant })));
    const results = await Promise.all(jobs.map((job) => job.waitUntilFinished(events, 10_000)));
    expect(results).toEqual([
      { slug: 'kindia', pending: [] },
      { slug: 'labe', pending: [] },
    ]);
  });

  it('fails loudly for a job without a tenant or for a suspended cooperative', async () => {
    const noTenant = await queue.add(SCHEMA_CHECK_TENANT, {}, { attempts: 1 });
    await expect(noTenant.waitUntilFinished(events, 10_000)).rejects.toThrow('Job carries no tenant');
    await harness.query(`update federation.cooperatives set status = 'suspended' where slug = 'labe'`);
    const suspended = await queue.add(SCHEMA_CHECK_TENANT, { tenant: tenants[1] }, { attempts: 1 });
    await expect(suspended.waitUntilFinished(events, 10_000)).rejects.toThrow('Job for suspended cooperative labe');
    await harness.query(`update federation.cooperatives set status = 'active' where slug = 'labe'`);
  });

  it('fans out one job per active cooperative and has a daily scheduler', async () => {
    const job = await queue.add(SCHEMA_CHECK_ALL, {});
    expect(await job.waitUntilFinished(events, 10_000)).toBe(2);
    // The two jobs it enqueued run too (the scheduler's next run stays delayed until 03:15).
    const deadline = Date.now() + 10_000;
    let counts = await queue.getJobCounts('waiting', 'active');
    while (counts['waiting']! + counts['active']! > 0 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 50));
      counts = await queue.getJobCounts('waiting', 'active');
    }
    expect(counts).toEqual({ waiting: 0, active: 0 });
    const schedulers = await queue.getJobSchedulers();
    expect(schedulers.map((s) => [s.key, s.pattern])).toEqual([[SCHEMA_CHECK_ALL, '15 3 * * *']]);
  });
});
