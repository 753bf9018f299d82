import { Module } from '@nestjs/common';
import { AuditCoreModule } from '../audit/audit-core.module.js';
import { UsersModule } from '../users/users.module.js';
import { CooperativesController } from './cooperatives.controller.js';
import { CooperativesRepository } from './cooperatives.repository.js';
import { CooperativesService } from './cooperatives.service.js';

@Module({
  imports: [AuditCoreModule, UsersModule],
  controllers: [CooperativesController],
  providers: [CooperativesService, CooperativesRepository],
  exports: [CooperativesService],
})
export class CooperativesModule {}
