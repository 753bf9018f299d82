import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { ThrottlerGuard } from '@nestjs/throttler';
import { AuthModule } from './auth/auth.module.js';
import { JwtAuthGuard } from './auth/jwt-auth.guard.js';
import { AccessGuard } from './authorization/access.guard.js';
import { ConfigModule } from './config/config.module.js';
import type { Env } from './config/env.schema.js';
import { DatabaseModule } from './database/database.module.js';
import { ProblemFilter } from './errors/problem.filter.js';
import { HealthModule } from './health/health.module.js';
import { IdempotentWrites } from './idempotency/idempotent-writes.js';
import { AuditLog } from './observability/audit-log.js';
import { LoggingModule } from './observability/logging.module.js';
import { QueueModule } from './queue/queue.module.js';
import { RateLimitModule } from './rate-limit/rate-limit.module.js';
import { TenantResolver } from './tenancy/tenant-resolver.js';
import { Global } from '@nestjs/common';

@Global()
@Module({
  providers: [AuditLog, TenantResolver, IdempotentWrites],
  exports: [AuditLog, TenantResolver, IdempotentWrites],
})
class PlatformCoreModule {}

/**
 * Cross-cutting glue shared by the API and the worker. Feature modules are
 * added beside it (AppModule, WorkerModule) without touching it.
 */
@Module({})
export class PlatformModule {
  static forApi(env?: Env): DynamicModule {
    return {
      module: PlatformModule,
      imports: [
        ConfigModule.forRoot(env),
        LoggingModule,
        DatabaseModule,
        QueueModule,
        PlatformCoreModule,
        AuthModule,
        RateLimitModule,
        HealthModule,
      ],
      providers: [
        // Order matters: rate limit, then who you are, then what you may do.
        { provide: APP_GUARD, useClass: ThrottlerGuard },
        { provide: APP_GUARD, useClass: JwtAuthGuard },
        { provide: APP_GUARD, useClass: AccessGuard },
        { provide: APP_FILTER, useClass: ProblemFilter },
      ],
    };
  }

  static forWorker(env?: Env): DynamicModule {
    return {
      module: PlatformModule,
      imports: [ConfigModule.forRoot(env), LoggingModule, DatabaseModule, QueueModule, PlatformCoreModule, AuthModule],
    };
  }
}
