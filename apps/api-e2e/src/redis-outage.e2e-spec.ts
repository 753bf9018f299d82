import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import type { NotificationPage } from '@kotizo/contracts';
import { type DynamicModule, type INestApplicationContext, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ApiHarness } from '../../api/src/testing/api-harness.js';
import type { Env } from '../../api/src/platform/config/env.schema.js';
import { PlatformModule } from '../../api/src/platform/platform.module.js';
import { RealtimeModule } from '../../api/src/platform/realtime/realtime.module.js';
import { OutboxRelayModule } from '../../api/src/modules/notifications/outbox-relay.module.js';
import { cooperativeWithEveryRole, type CoopFixture } from './fixtures.js';
import { eventually, settle, TestSocket } from './socket-client.js';

/** A Redis of our own, on a free port, that this test stops and starts again. */
class OwnRedis {
  private process: ChildProcess | null = null;

  constructor(readonly port: number) {}

  static async onFreePort(): Promise<OwnRedis> {
    const port = await new Promise<number>((resolve, reject) => {
      const probe = createServer();
      probe.once('error', reject);
      probe.listen(0, '127.0.0.1', () => {
        const { port: free } = probe.address() as { port: number };
        probe.close(() => resolve(free));
      });
    });
    return new OwnRedis(port);
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    if (this.process) return;
    const child = spawn(
      'redis-server',
      ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    this.process = child;
    await new Promise<void>((resolve, reject) => {
      let output = '';
      child.stdout!.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes('Ready to accept connections')) resolve();
      });
      child.once('exit', (code) => reject(new Error(`redis-server exited with ${code}: ${output}`)));
    });
  }

  async stop(): Promise<void> {
    const child = this.process;
    this.process = null;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
  }
}

/**
 * The worker's notification side only (the outbox relay and its socket.io emitter). The job queues'
 * own workers are left out: after Redis restarts empty, a BullMQ worker of the full worker process may
 * take minutes to close, which is theirs to handle and not what this test is about.
 */
@Module({})
class RelayWorkerModule {
  static forRoot(env: Env): DynamicModule {
    return {
      module: RelayWorkerModule,
      imports: [PlatformModule.forWorker(env), RealtimeModule.forWorker(), OutboxRelayModule],
    };
  }
}

describe('Redis away for a while', () => {
  let redis: OwnRedis;
  let api: ApiHarness;
  let coop: CoopFixture;
  let relay: INestApplicationContext;

  beforeAll(async () => {
    redis = await OwnRedis.onFreePort();
    await redis.start();
    api = await ApiHarness.start('redis-outage', { REDIS_URL: redis.url });
    coop = await cooperativeWithEveryRole(api, (await api.loginFederationAdmin()).accessToken, 'outage');
    relay = await NestFactory.createApplicationContext(RelayWorkerModule.forRoot(api.env), { logger: false });
    await relay.init();
  });
  afterAll(async () => {
    await redis.start();
    await relay.close();
    await api.stop();
    await redis.stop();
  });

  it('keeps writes working, stores the notifications, and delivers them when Redis is back', async () => {
    const admin = await TestSocket.connect(api, coop.users.admin.accessToken);
    try {
      // What the fixture caused (a case, a loan) is delivered before the outage starts.
      await eventually(() => admin.notifications.some((n) => n.kind === 'loan.awaiting_approval'));
      await settle(500);
      await admin.catchUp();
      const before = new Set(admin.notifications.map((n) => n.id));

      await redis.stop();
      const loans: string[] = [];
      for (let i = 0; i < 3; i++) {
        const started = Date.now();
        const res = await api.request<{ id: string }>('POST', `/api/v1/coops/${coop.slug}/loans`, {
          token: coop.users.treasurer.accessToken,
          body: {
            memberId: coop.memberId,
            principal: 15_000 + i,
            annualRateBasisPoints: 0,
            method: 'flat',
            installments: 1,
            frequency: 'monthly',
            purpose: 'Pendant la panne',
          },
        });
        expect(res.status).toBe(201);
        expect(Date.now() - started).toBeLessThan(2_000);
        loans.push(res.body.id);
      }
      // Stored while Redis is away (the relay needs only PostgreSQL); not pushed.
      await eventually(async () => {
        const page = await api.request<NotificationPage>('GET', '/api/v1/me/notifications?limit=100', {
          token: coop.users.admin.accessToken,
        });
        return loans.every((id) => page.body.items.some((n) => n.data.loanId === id));
      });
      await settle(1_000);
      expect(admin.socket.connected).toBe(true);
      expect(admin.notifications.filter((n) => !before.has(n.id))).toEqual([]);

      await redis.start();
      const arrived = await eventually(() => {
        const fresh = admin.notifications.filter((n) => loans.includes(n.data.loanId ?? ''));
        return fresh.length === loans.length && fresh;
      }, 15_000);
      expect(arrived.map((n) => n.data.loanId)).toEqual(loans);
      expect(new Set(arrived.map((n) => n.id)).size).toBe(loans.length);
      // The API lost its subscription for a while and told its clients to catch up.
      expect(admin.of('resync')).toEqual([{ reason: 'redis_reconnected' }]);
    } finally {
      admin.close();
    }
  });
});
