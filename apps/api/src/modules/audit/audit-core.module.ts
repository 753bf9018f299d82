import { Module } from '@nestjs/common';
import { BullModule } from '@nestjs/bullmq';
import { DuesRepository } from '../dues/dues.repository.js';
import { LedgerRepository } from '../ledger/ledger.repository.js';
import { LoansRepository } from '../loans/loans.repository.js';
import { ActiveRulesProvider } from './active-rules.js';
import { AUDIT_QUEUE } from './audit-queue.js';
import { AuditRuns } from './audit-runs.js';
import { AuditSettings } from './audit-settings.js';
import { FindingsRepository } from './findings.repository.js';
import { MovementAuditor } from './movement-auditor.js';
import { MovementFactsLoader } from './movement-facts.js';
import { PeriodicFactsBuilder } from './periodic-facts.js';
import { RulePackCatalog } from './rule-packs.js';
import { RuleSetsRepository } from './rule-sets.repository.js';

const shared = [
  ActiveRulesProvider,
  AuditRuns,
  AuditSettings,
  FindingsRepository,
  MovementAuditor,
  MovementFactsLoader,
  PeriodicFactsBuilder,
  RulePackCatalog,
  RuleSetsRepository,
];

/**
 * What checks movements and runs audits, shared by the API (checks right
 * after each write) and the worker (audit runs). It reads the ledger, loans
 * and dues with their own repositories, which hold no state.
 */
@Module({
  imports: [BullModule.registerQueue({ name: AUDIT_QUEUE })],
  providers: [...shared, LedgerRepository, LoansRepository, DuesRepository],
  exports: [...shared, BullModule],
})
export class AuditCoreModule {}
