import type { Provider } from '@nestjs/common';
import { type AgentModels, createAgentModels, modelConfigFromEnv } from '@kotizo/agent';
import { ENV } from '../../platform/config/config.module.js';
import type { Env } from '../../platform/config/env.schema.js';

export const AGENT_MODELS = Symbol('AGENT_MODELS');
export const AGENT_QUEUE = 'agent';
export const AGENT_RUN_JOB = 'agent.run';

/** The analyst and writer the configuration names: OpenAI-compatible, or the offline analyst. */
export const agentModelsProvider: Provider = {
  provide: AGENT_MODELS,
  inject: [ENV],
  useFactory: (env: Env): AgentModels =>
    createAgentModels(
      modelConfigFromEnv({
        AI_PROVIDER: env.AI_PROVIDER,
        AI_BASE_URL: env.AI_BASE_URL,
        AI_MODEL: env.AI_MODEL,
        AI_API_KEY: env.AI_API_KEY,
        AI_TIMEOUT_MS: String(env.AI_TIMEOUT_MS),
      }),
    ),
};
