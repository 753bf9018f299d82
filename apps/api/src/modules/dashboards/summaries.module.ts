import { Module } from '@nestjs/common';
import { LoansRepository } from '../loans/loans.repository.js';
import { LoanPositions } from './loan-positions.js';
import { SummaryRebuild } from './summary-rebuild.js';

/**
 * The summaries the dashboards, exports and federation figures read: loan
 * positions and the rebuild. The daily summaries need no code: the ledger's
 * trigger keeps them (see the 20261201000000-dashboards migration).
 */
@Module({
  providers: [LoanPositions, SummaryRebuild, LoansRepository],
  exports: [LoanPositions, SummaryRebuild, LoansRepository],
})
export class SummariesModule {}
