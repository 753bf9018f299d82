import { Module } from '@nestjs/common';
import { AuditCoreModule } from './audit-core.module.js';
import { AuditProcessor } from './audit.processor.js';

/** The worker side of the audit: runs, retried checks and the nightly schedule. */
@Module({ imports: [AuditCoreModule], providers: [AuditProcessor] })
export class AuditWorkerModule {}
