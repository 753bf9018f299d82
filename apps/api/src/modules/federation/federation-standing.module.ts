import { Module } from '@nestjs/common';
import { DashboardRepository } from '../dashboards/dashboard.repository.js';
import { SummariesModule } from '../dashboards/summaries.module.js';
import { DuesRepository } from '../dues/dues.repository.js';
import { CooperativeStanding } from './cooperative-standing.js';

/** Computes a cooperative's standing row (used by the worker and the rebuild-summaries command). */
@Module({
  imports: [SummariesModule],
  providers: [CooperativeStanding, DashboardRepository, DuesRepository],
  exports: [CooperativeStanding],
})
export class FederationStandingModule {}
