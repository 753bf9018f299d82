import { Module } from '@nestjs/common';
import { AgentCoreModule } from './agent-core.module.js';
import { AgentProcessor } from './agent.processor.js';

/** The worker drives investigations. */
@Module({ imports: [AgentCoreModule], providers: [AgentProcessor] })
export class AgentWorkerModule {}
