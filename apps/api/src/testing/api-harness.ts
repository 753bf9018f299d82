import { MikroORM } from '@mikro-orm/postgresql';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { WorkerModule } from '../worker.module.js';
import { createApi } from '../app.factory.js';
import type { Env } from '../platform/config/env.schema.js';
import { FederationAdminBootstrap } from '../platform/auth/federation-admin.bootstrap.js';
import { MigrationService } from '../platform/database/migration.service.js';
import { ormConfig } from '../platform/database/orm.config.js';
import { createTestDatabase, type TestDatabase, testEnv } from './test-env.js';

export interface ApiResponse<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
}

/**
 * A real API on a random port over a fresh database, spoken to over real HTTP.
 * One per test file: `const api = await startApi('label')` ... `await api.stop()`.
 */
export class ApiHarness {
  private constructor(
    readonly app: NestFastifyApplication,
    readonly env: Env,
    readonly database: TestDatabase,
    readonly baseUrl: string,
    private readonly ownsDatabase = true,
  ) {}

  private static async listen(env: Env): Promise<{ app: NestFastifyApplication; baseUrl: string }> {
    const app = await createApi(env);
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.getHttpServer().address() as { port: number };
    return { app, baseUrl: `http://127.0.0.1:${address.port}` };
  }

  /** A second API process on the same database and Redis (scale-out scenarios). */
  static async alongside(first: ApiHarness): Promise<ApiHarness> {
    const { app, baseUrl } = await ApiHarness.listen(first.env);
    return new ApiHarness(app, first.env, first.database, baseUrl, false);
  }

  static async start(label: string, overrides: Record<string, string> = {}): Promise<ApiHarness> {
    const database = await createTestDatabase(label);
    const env = testEnv(database.url, overrides);
    const orm = await MikroORM.init(ormConfig({ url: env.DATABASE_URL, poolMax: 2 }));
    await new MigrationService(orm).migrateFederation();
    await orm.close();
    const { app, baseUrl } = await ApiHarness.listen(env);
    await app.get(FederationAdminBootstrap).run();
    return new ApiHarness(app, env, database, baseUrl);
  }

  /** A worker process (queue consumers and schedules) on the same database and Redis. */
  async startWorker(): Promise<INestApplicationContext> {
    const worker = await NestFactory.createApplicationContext(WorkerModule.forRoot(this.env), {
      logger: false,
      abortOnError: false,
    });
    await worker.init();
    this.workers.push(worker);
    return worker;
  }

  private readonly workers: INestApplicationContext[] = [];

  async stop(): Promise<void> {
    for (const worker of this.workers.splice(0)) await worker.close();
    await this.app.close();
    if (this.ownsDatabase) await this.database.drop();
  }

  async request<T = unknown>(
    method: string,
    path: string,
    options: { token?: string; body?: unknown; headers?: Record<string, string>; rawBody?: string | Buffer } = {},
  ): Promise<ApiResponse<T>> {
    const headers: Record<string, string> = { ...options.headers };
    if (options.token) headers['authorization'] = `Bearer ${options.token}`;
    let body: string | Uint8Array | undefined = options.rawBody;
    if (options.body !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(options.body);
    }
    const response = await fetch(this.baseUrl + path, { method, headers, body });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      // keep the text
    }
    return { status: response.status, headers: response.headers, body: parsed as T };
  }

  async login(email: string, password: string): Promise<{ accessToken: string; refreshToken: string }> {
    const res = await this.request<{ accessToken: string; refreshToken: string }>('POST', '/api/v1/auth/login', {
      body: { email, password },
    });
    if (res.status !== 200) throw new Error(`login ${email} failed: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  }

  loginFederationAdmin() {
    return this.login(this.env.FEDERATION_ADMIN_EMAIL!, this.env.FEDERATION_ADMIN_PASSWORD!);
  }
}
