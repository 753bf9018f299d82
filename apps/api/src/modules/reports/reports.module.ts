import { Module } from '@nestjs/common';
import { DuesRepository } from '../dues/dues.repository.js';
import { LoansRepository } from '../loans/loans.repository.js';
import { CasesExport } from './cases-export.js';
import { DuesExport } from './dues-export.js';
import { ExportsController } from './exports.controller.js';
import { ExportsRepository } from './exports.repository.js';
import { LoansExport } from './loans-export.js';
import { MembersExport } from './members-export.js';
import { MovementsExport } from './movements-export.js';

/** A cooperative's CSV exports, streamed. */
@Module({
  controllers: [ExportsController],
  providers: [
    ExportsRepository,
    MovementsExport,
    MembersExport,
    LoansExport,
    DuesExport,
    CasesExport,
    LoansRepository,
    DuesRepository,
  ],
})
export class ReportsModule {}
