import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import { ChatOpenAI } from '@langchain/openai';
import type { Localized } from '@kotizo/rules-engine';
import type { Analyst, AnalystMode, TextWriter } from '../analyst/analyst.js';
import { ChatModelAnalyst } from '../analyst/chat-model-analyst.js';
import { OfflineAnalyst } from '../analyst/offline-analyst.js';
import { DEFAULT_OPENAI_MODEL, type ModelConfig } from './model-config.js';

export interface AgentModels {
  mode: AnalystMode;
  model: string;
  analyst: Analyst;
  /** Free-text writer for the assistant; null offline (templates write instead). */
  writer: TextWriter | null;
  /** What the console shows: which mode is in use and why. */
  describe: Localized;
}

/**
 * From configuration to models. `offline`, or `openai` without a key, gives
 * the offline analyst: the product works fully without any AI service. A
 * local server that needs no key (Ollama, vLLM) takes any non-empty key.
 *
 * Retries: the OpenAI client's own retries are off (`maxRetries: 0`); the
 * graph retries the model step with backoff instead (see
 * `providerRetryPolicy`), so a retry always restarts from a checkpoint.
 */
export function createAgentModels(config: ModelConfig, options: { chatModel?: BaseChatModel } = {}): AgentModels {
  if (config.provider === 'offline' || !config.apiKey) {
    const why =
      config.provider === 'offline'
        ? { fr: 'configuré hors ligne', en: 'configured offline' }
        : { fr: 'aucune clé d’API configurée', en: 'no API key configured' };
    return {
      mode: 'offline',
      model: new OfflineAnalyst().model,
      analyst: new OfflineAnalyst(),
      writer: null,
      describe: {
        fr: `Analyste hors ligne (${why.fr}) : rapports rédigés à partir de modèles de texte, sans service d’IA.`,
        en: `Offline analyst (${why.en}): reports written from templates, with no AI service.`,
      },
    };
  }
  const model = config.model ?? DEFAULT_OPENAI_MODEL;
  const chat =
    options.chatModel ??
    new ChatOpenAI({
      model,
      apiKey: config.apiKey,
      configuration: config.baseUrl ? { baseURL: config.baseUrl } : {},
      maxRetries: 0,
      timeout: config.timeoutMs,
      useResponsesApi: false,
      streamUsage: true,
      ...(config.temperature !== undefined ? { temperature: config.temperature } : {}),
    });
  const analyst = new ChatModelAnalyst(chat, model);
  const where = config.baseUrl ? new URL(config.baseUrl).host : 'api.openai.com';
  return {
    mode: 'openai',
    model,
    analyst,
    writer: analyst,
    describe: { fr: `Modèle ${model} sur ${where}.`, en: `Model ${model} at ${where}.` },
  };
}
