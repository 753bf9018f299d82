import { type DynamicModule, Module } from '@nestjs/common';
import type { Env } from './platform/config/env.schema.js';
import { PlatformModule } from './platform/platform.module.js';
import { CooperativesModule } from './modules/cooperatives/cooperatives.module.js';
import { DuesModule } from './modules/dues/dues.module.js';
import { ImportsModule } from './modules/imports/imports.module.js';
import { LedgerModule } from './modules/ledger/ledger.module.js';
import { LoansModule } from './modules/loans/loans.module.js';
import { MeModule } from './modules/me/me.module.js';
import { MembersModule } from './modules/members/members.module.js';
import { UsersModule } from './modules/users/users.module.js';
import { AuditModule } from './modules/audit/audit.module.js';
import { AgentModule } from './modules/agent/agent.module.js';
import { DashboardsModule } from './modules/dashboards/dashboards.module.js';
import { FederationModule } from './modules/federation/federation.module.js';
import { ReportsModule } from './modules/reports/reports.module.js';
import { RealtimeModule } from './platform/realtime/realtime.module.js';
import { NotificationsModule } from './modules/notifications/notifications.module.js';
import { MessagesModule } from './modules/messages/messages.module.js';

/** The HTTP API: the platform, then one module per business feature. */
@Module({})
export class AppModule {
  static forRoot(env?: Env): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformModule.forApi(env),
        MeModule,
        CooperativesModule,
        UsersModule,
        MembersModule,
        LedgerModule,
        LoansModule,
        DuesModule,
        ImportsModule,
        AuditModule,
        AgentModule,
        DashboardsModule,
        ReportsModule,
        FederationModule,
        RealtimeModule.forApi(),
        NotificationsModule,
        MessagesModule,
      ],
    };
  }
}
