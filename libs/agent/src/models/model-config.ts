import { z } from 'zod';
import { AgentError } from '../errors.js';

export const AI_PROVIDERS = ['openai', 'offline'] as const;
export type AiProvider = (typeof AI_PROVIDERS)[number];

/** How the agent reaches a model: configuration, not code. */
export const modelConfigSchema = z.strictObject({
  provider: z.enum(AI_PROVIDERS),
  /** Any OpenAI-compatible server: OpenAI, Azure OpenAI's v1 endpoint, Ollama, vLLM. Default: OpenAI. */
  baseUrl: z.url({ protocol: /^https?$/ }).optional(),
  model: z.string().trim().min(1).max(200).optional(),
  apiKey: z.string().trim().min(1).optional(),
  /** Default language of reports when a run does not say. */
  locale: z.enum(['fr', 'en']).default('fr'),
  /** Per model call. */
  timeoutMs: z.number().int().min(100).max(600_000).default(60_000),
  /** Unset: the server's default (some models accept no other). */
  temperature: z.number().min(0).max(2).optional(),
});
export type ModelConfigInput = z.input<typeof modelConfigSchema>;
export type ModelConfig = z.output<typeof modelConfigSchema>;

export const DEFAULT_OPENAI_MODEL = 'gpt-4o-mini';

export function parseModelConfig(input: ModelConfigInput): ModelConfig {
  const parsed = modelConfigSchema.safeParse(input);
  if (!parsed.success) {
    const why = parsed.error.issues.map((i) => `${i.path.join('.') || 'config'}: ${i.message}`).join('; ');
    throw new AgentError(
      'AGENT_INVALID_CONFIG',
      { fr: `Configuration d’IA invalide : ${why}`, en: `Invalid AI configuration: ${why}` },
      false,
    );
  }
  return parsed.data;
}

/**
 * From the process environment (read once by the API's config module):
 * AI_PROVIDER (openai | offline, default offline), AI_BASE_URL, AI_MODEL,
 * AI_API_KEY, AI_LOCALE, AI_TIMEOUT_MS. Empty values count as unset.
 */
export function modelConfigFromEnv(env: Record<string, string | undefined>): ModelConfig {
  const v = (key: string) => {
    const value = env[key]?.trim();
    return value ? value : undefined;
  };
  const timeout = v('AI_TIMEOUT_MS');
  return parseModelConfig({
    provider: (v('AI_PROVIDER') ?? 'offline') as AiProvider,
    baseUrl: v('AI_BASE_URL'),
    model: v('AI_MODEL'),
    apiKey: v('AI_API_KEY'),
    locale: v('AI_LOCALE') as 'fr' | 'en' | undefined,
    timeoutMs: timeout === undefined ? undefined : Number(timeout),
  });
}
