import { Module } from '@nestjs/common';
import { BullModule } from '@nestjs/bullmq';
import { AuditModule } from '../audit/audit.module.js';
import { DuesModule } from '../dues/dues.module.js';
import { LedgerModule } from '../ledger/ledger.module.js';
import { LoansModule } from '../loans/loans.module.js';
import { MembersModule } from '../members/members.module.js';
import { AgentPortsFactory } from './agent-ports.js';
import { AGENT_QUEUE, agentModelsProvider } from './agent-models.provider.js';
import { InvestigationsRepository } from './investigations.repository.js';
import { TenantTokenBudgets } from './token-budget.js';

const shared = [AgentPortsFactory, TenantTokenBudgets, InvestigationsRepository, agentModelsProvider];

/** What the API and the worker share for investigations and the assistant. */
@Module({
  imports: [
    BullModule.registerQueue({ name: AGENT_QUEUE }),
    LedgerModule,
    MembersModule,
    LoansModule,
    DuesModule,
    AuditModule,
  ],
  providers: shared,
  exports: [...shared, BullModule, AuditModule],
})
export class AgentCoreModule {}
