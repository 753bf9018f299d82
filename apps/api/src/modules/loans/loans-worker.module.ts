import { Module } from '@nestjs/common';
import { BullModule } from '@nestjs/bullmq';
import { LoansRepository } from './loans.repository.js';
import { LOANS_QUEUE, PenaltiesProcessor } from './penalties.processor.js';
import { PenaltyPolicySettings } from './penalty-policy-settings.js';
import { PenaltyRunner } from './penalty-runner.js';

/** The worker side of loans: the nightly automatic penalties on late installments. */
@Module({
  imports: [BullModule.registerQueue({ name: LOANS_QUEUE })],
  providers: [PenaltiesProcessor, PenaltyRunner, PenaltyPolicySettings, LoansRepository],
})
export class LoansWorkerModule {}
