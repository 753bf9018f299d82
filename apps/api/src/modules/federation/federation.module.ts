import { Module } from '@nestjs/common';
import { OverviewController } from './overview.controller.js';
import { OverviewRepository } from './overview.repository.js';
import { OverviewService } from './overview.service.js';

/** The federation's view over every cooperative (the API side; reads only the federation schema). */
@Module({ controllers: [OverviewController], providers: [OverviewService, OverviewRepository] })
export class FederationModule {}
