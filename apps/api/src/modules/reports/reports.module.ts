import { Module } from '@nestjs/common';
import { DuesRepository } from '../dues/dues.repository.js';
import { LoansRepository } from '../loans/loans.repository.js';
import { CasesExport } from './cases-export.js';
import { DuesExport } from './dues-export.js';
import { ExportsController } from './exports.controller.js';
import { ExportsRepository } from './exports.repository.js';
import { LoansExport } from './loans-export.js';
import { MemberStatementController } from './member-statement.controller.js';
import { MemberStatementExport } from './member-statement-export.js';
import { MembersExport } from './members-export.js';
import { MovementsExport } from './movements-export.js';

/** A cooperative's CSV exports, and a member's statement, streamed. */
@Module({
  controllers: [ExportsController, MemberStatementController],
  providers: [
    ExportsRepository,
    MovementsExport,
    MembersExport,
    LoansExport,
    DuesExport,
    CasesExport,
    MemberStatementExport,
    LoansRepository,
    DuesRepository,
  ],
})
export class ReportsModule {}
