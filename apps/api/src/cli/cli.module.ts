import { type DynamicModule, Module } from '@nestjs/common';
import type { Env } from '../platform/config/env.schema.js';
import { PlatformModule } from '../platform/platform.module.js';
import { CooperativesModule } from '../modules/cooperatives/cooperatives.module.js';
import { UsersModule } from '../modules/users/users.module.js';
import { AuditCoreModule } from '../modules/audit/audit-core.module.js';
import { FederationStandingModule } from '../modules/federation/federation-standing.module.js';
import { SummariesModule } from '../modules/dashboards/summaries.module.js';
import { DemoSeeder } from './demo-seeder.js';
import { SummariesCommand } from './rebuild-summaries.js';

/** Commands run the same services as the API, without HTTP. */
@Module({})
export class CliModule {
  static forRoot(env?: Env): DynamicModule {
    return {
      module: CliModule,
      imports: [
        PlatformModule.forWorker(env),
        CooperativesModule,
        UsersModule,
        AuditCoreModule,
        SummariesModule,
        FederationStandingModule,
      ],
      providers: [DemoSeeder, SummariesCommand],
    };
  }
}
