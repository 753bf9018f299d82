import { type DynamicModule, Module } from '@nestjs/common';
import type { Env } from './platform/config/env.schema.js';
import { PlatformModule } from './platform/platform.module.js';
import { MaintenanceModule } from './modules/maintenance/maintenance.module.js';
import { AuditWorkerModule } from './modules/audit/audit-worker.module.js';
import { AgentWorkerModule } from './modules/agent/agent-worker.module.js';
import { FederationWorkerModule } from './modules/federation/federation-worker.module.js';
import { LoansWorkerModule } from './modules/loans/loans-worker.module.js';
import { RealtimeModule } from './platform/realtime/realtime.module.js';
import { NotificationsWorkerModule } from './modules/notifications/notifications-worker.module.js';

/** The queue worker: the platform without HTTP, then the job processors. */
@Module({})
export class WorkerModule {
  static forRoot(env?: Env): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        PlatformModule.forWorker(env),
        MaintenanceModule,
        AuditWorkerModule,
        AgentWorkerModule,
        FederationWorkerModule,
        LoansWorkerModule,
        RealtimeModule.forWorker(),
        NotificationsWorkerModule,
      ],
    };
  }
}
