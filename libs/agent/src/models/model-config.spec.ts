import { OfflineAnalyst } from '../analyst/offline-analyst.js';
import { ChatModelAnalyst } from '../analyst/chat-model-analyst.js';
import { AgentError } from '../errors.js';
import { createAgentModels } from './agent-models.js';
import { modelConfigFromEnv, parseModelConfig } from './model-config.js';

describe('model configuration', () => {
  it('reads the environment, empty values as unset, offline by default', () => {
    expect(modelConfigFromEnv({})).toEqual({ provider: 'offline', locale: 'fr', timeoutMs: 60_000 });
    expect(
      modelConfigFromEnv({
        AI_PROVIDER: 'openai',
        AI_BASE_URL: 'http://localhost:11434/v1',
        AI_MODEL: 'llama3.1',
        AI_API_KEY: 'ollama',
        AI_LOCALE: 'en',
        AI_TIMEOUT_MS: '30000',
      }),
    ).toEqual({
      provider: 'openai',
      baseUrl: 'http://localhost:11434/v1',
      model: 'llama3.1',
      apiKey: 'ollama',
      locale: 'en',
      timeoutMs: 30_000,
    });
    expect(modelConfigFromEnv({ AI_PROVIDER: 'openai', AI_API_KEY: '  ' })).toMatchObject({
      provider: 'openai',
      apiKey: undefined,
    });
  });

  it.each([
    [{ AI_PROVIDER: 'anthropic' }, 'provider'],
    [{ AI_PROVIDER: 'openai', AI_BASE_URL: 'ftp://x' }, 'baseUrl'],
    [{ AI_TIMEOUT_MS: 'soon' }, 'timeoutMs'],
  ])('refuses %o with a clear message', (env, field) => {
    expect(() => modelConfigFromEnv(env)).toThrow(AgentError);
    expect(() => modelConfigFromEnv(env)).toThrow(new RegExp(`Invalid AI configuration: ${field}`));
  });

  it('gives the offline analyst when configured so, or when there is no key, and says so', () => {
    const offline = createAgentModels(parseModelConfig({ provider: 'offline' }));
    expect(offline).toMatchObject({ mode: 'offline', model: 'offline-analyst', writer: null });
    expect(offline.analyst).toBeInstanceOf(OfflineAnalyst);
    expect(offline.describe.en).toBe(
      'Offline analyst (configured offline): reports written from templates, with no AI service.',
    );
    const noKey = createAgentModels(parseModelConfig({ provider: 'openai', model: 'gpt-4o' }));
    expect(noKey.mode).toBe('offline');
    expect(noKey.describe.fr).toBe(
      'Analyste hors ligne (aucune clé d’API configurée) : rapports rédigés à partir de modèles de texte, sans service d’IA.',
    );
  });

  it('gives a chat model analyst and writer with a key, OpenAI by default', () => {
    const m = createAgentModels(parseModelConfig({ provider: 'openai', apiKey: 'sk-x' }));
    expect(m).toMatchObject({
      mode: 'openai',
      model: 'gpt-4o-mini',
      describe: { en: 'Model gpt-4o-mini at api.openai.com.' },
    });
    expect(m.analyst).toBeInstanceOf(ChatModelAnalyst);
    expect(m.writer).toBe(m.analyst);
  });
});
