import { MikroORM } from '@mikro-orm/postgresql';
import { type INestApplicationContext } from '@nestjs/common';
import { Test, type TestingModuleBuilder } from '@nestjs/testing';
import type { CreateCooperativeCommand, CreateCooperativeResponse } from '@kotizo/contracts';
import { CliModule } from '../cli/cli.module.js';
import type { Env } from '../platform/config/env.schema.js';
import { FederationDatabase } from '../platform/database/federation-database.js';
import { MigrationService } from '../platform/database/migration.service.js';
import { ormConfig } from '../platform/database/orm.config.js';
import { CooperativesService } from '../modules/cooperatives/cooperatives.service.js';
import { createTestDatabase, type TestDatabase, testEnv } from './test-env.js';

/** The services without HTTP, over a fresh migrated database (integration specs). */
export class ServiceHarness {
  private constructor(
    readonly app: INestApplicationContext,
    readonly env: Env,
    readonly database: TestDatabase,
  ) {}

  static async start(
    label: string,
    customise: (builder: TestingModuleBuilder) => TestingModuleBuilder = (b) => b,
  ): Promise<ServiceHarness> {
    const database = await createTestDatabase(label);
    const env = testEnv(database.url);
    const orm = await MikroORM.init(ormConfig({ url: env.DATABASE_URL, poolMax: 2 }));
    await new MigrationService(orm).migrateFederation();
    await orm.close();
    const moduleRef = await customise(Test.createTestingModule({ imports: [CliModule.forRoot(env)] })).compile();
    const app = await moduleRef.init();
    return new ServiceHarness(app, env, database);
  }

  async stop(): Promise<void> {
    await this.app.close();
    await this.database.drop();
  }

  query<T>(sql: string, params: unknown[] = []): Promise<T[]> {
    return this.app.get(FederationDatabase).em().execute<T[]>(sql, params);
  }

  async provision(slug: string, overrides: Partial<CreateCooperativeCommand> = {}): Promise<CreateCooperativeResponse> {
    const { body } = await this.app.get(CooperativesService).create(
      {
        principal: {
          userId: '00000000-0000-4000-8000-000000000000',
          federationRole: 'federation_admin',
          cooperativeRole: null,
        },
        requestId: null,
      },
      {
        name: `Coop ${slug}`,
        slug,
        country: 'CI',
        currency: 'XOF',
        timeZone: 'Africa/Abidjan',
        locale: 'fr',
        admin: { name: 'Admin', email: `admin@${slug}.test` },
        ...overrides,
      },
    );
    return body;
  }
}
