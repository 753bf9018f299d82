import { Module } from '@nestjs/common';
import { AuditCoreModule } from './audit-core.module.js';
import { CasesController } from './cases.controller.js';
import { CasesService } from './cases.service.js';
import { RulePacksController } from './rule-packs.controller.js';
import { RuleSetsService } from './rule-sets.service.js';
import { RulesController } from './rules.controller.js';

/** Audit rules, findings, cases and audit runs: the API side. */
@Module({
  imports: [AuditCoreModule],
  controllers: [RulesController, CasesController, RulePacksController],
  providers: [RuleSetsService, CasesService],
  exports: [CasesService],
})
export class AuditModule {}
