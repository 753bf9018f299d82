import { Module } from '@nestjs/common';
import { AuditCoreModule } from '../audit/audit-core.module.js';
import { LedgerModule } from '../ledger/ledger.module.js';
import { MembersModule } from '../members/members.module.js';
import { LoansController } from './loans.controller.js';
import { LoansRepository } from './loans.repository.js';
import { LoansService } from './loans.service.js';
import { PenaltyPolicyController } from './penalty-policy.controller.js';
import { PenaltyPolicySettings } from './penalty-policy-settings.js';
import { PenaltyPolicyService } from './penalty-policy.service.js';

@Module({
  imports: [AuditCoreModule, MembersModule, LedgerModule],
  controllers: [LoansController, PenaltyPolicyController],
  providers: [LoansService, LoansRepository, PenaltyPolicyService, PenaltyPolicySettings],
  exports: [LoansService],
})
export class LoansModule {}
