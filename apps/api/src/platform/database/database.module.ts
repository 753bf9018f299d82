import { Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/postgresql';
import { ENV } from '../config/config.module.js';
import type { Env } from '../config/env.schema.js';
import { FederationDatabase } from './federation-database.js';
import { MigrationService } from './migration.service.js';
import { ormConfig } from './orm.config.js';
import { TenantDatabase } from './tenant-database.js';

@Global()
@Module({
  providers: [
    {
      provide: MikroORM,
      inject: [ENV],
      useFactory: async (env: Env) => {
        const orm = await MikroORM.init(ormConfig({ url: env.DATABASE_URL, poolMax: env.DATABASE_POOL_MAX }));
        // MikroORM 7 connects lazily; connect now so a wrong URL fails the boot.
        await orm.connect();
        return orm;
      },
    },
    {
      provide: MigrationService,
      inject: [MikroORM],
      useFactory: (orm: MikroORM) => new MigrationService(orm),
    },
    FederationDatabase,
    TenantDatabase,
  ],
  exports: [FederationDatabase, TenantDatabase, MigrationService],
})
export class DatabaseModule implements OnApplicationShutdown {
  constructor(@Inject(MikroORM) private readonly orm: MikroORM) {}

  async onApplicationShutdown(): Promise<void> {
    await this.orm.close();
  }
}
