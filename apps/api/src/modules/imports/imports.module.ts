import { Module } from '@nestjs/common';
import { AuditCoreModule } from '../audit/audit-core.module.js';
import { LedgerModule } from '../ledger/ledger.module.js';
import { ImportPreparation } from './import-preparation.js';
import { ImportStagingRepository } from './import-staging.repository.js';
import { ImportsController } from './imports.controller.js';
import { ImportsService } from './imports.service.js';

@Module({
  imports: [AuditCoreModule, LedgerModule],
  controllers: [ImportsController],
  providers: [ImportsService, ImportPreparation, ImportStagingRepository],
})
export class ImportsModule {}
