import { Module } from '@nestjs/common';
import { DashboardController } from './dashboard.controller.js';
import { DashboardRepository } from './dashboard.repository.js';
import { DashboardService } from './dashboard.service.js';
import { SummariesModule } from './summaries.module.js';

/** A cooperative's dashboard (the API side). */
@Module({
  imports: [SummariesModule],
  controllers: [DashboardController],
  providers: [DashboardService, DashboardRepository],
  exports: [DashboardRepository],
})
export class DashboardsModule {}
