import { Module } from '@nestjs/common';
import { AgentCoreModule } from './agent-core.module.js';
import { AgentController } from './agent.controller.js';
import { AssistantService } from './assistant.service.js';
import { AssistantThreads } from './assistant-threads.js';
import { InvestigationsService } from './investigations.service.js';

/** Investigations and the assistant: the API side. */
@Module({
  imports: [AgentCoreModule],
  controllers: [AgentController],
  providers: [InvestigationsService, AssistantService, AssistantThreads],
})
export class AgentModule {}
