import { z } from 'zod';

const bool = z.enum(['true', 'false']).transform((v) => v === 'true');
const int = (fallback: number) => z.coerce.number().int().positive().default(fallback);

/**
 * Every setting the processes read, validated once at boot. `.env.example`
 * lists the same keys with their defaults.
 */
export const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  PORT: int(3000),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: z.url().default('postgres://postgres@127.0.0.1:5432/kotizo'),
  DATABASE_POOL_MAX: int(10),
  REDIS_URL: z.url().default('redis://127.0.0.1:6379'),
  /** Prefix of every Redis key (queues, rate limits), so several stacks can share one Redis. */
  REDIS_PREFIX: z
    .string()
    .regex(/^[a-z0-9_-]+$/)
    .default('kotizo'),
  JWT_SECRET: z.string().min(32, 'must be at least 32 characters'),
  JWT_ISSUER: z.string().default('kotizo'),
  ACCESS_TOKEN_TTL_SECONDS: int(900),
  REFRESH_TOKEN_TTL_DAYS: int(30),
  FEDERATION_ADMIN_EMAIL: z.email().optional(),
  FEDERATION_ADMIN_PASSWORD: z.string().min(10).optional(),
  FEDERATION_ADMIN_NAME: z.string().default('Federation admin'),
  RATE_LIMIT_PER_MINUTE: int(300),
  LOGIN_RATE_LIMIT_PER_MINUTE: int(10),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  LOG_PRETTY: bool.default(false),
  /** Argon2id memory cost in KiB (OWASP's minimum is 19 MiB). Lowered only in tests. */
  ARGON2_MEMORY_KIB: int(19456),
  /** Folder of the audit rule packs shipped with the product (`default.json`, ...), relative to the working directory. */
  RULES_DIR: z.string().min(1).default('rules'),
  /** The model behind investigations and the assistant: offline (no AI service) or any OpenAI-compatible server. */
  AI_PROVIDER: z.enum(['offline', 'openai']).default('offline'),
  AI_BASE_URL: z
    .url()
    .optional()
    .or(z.literal('').transform(() => undefined)),
  AI_MODEL: z.string().optional(),
  AI_API_KEY: z.string().optional(),
  AI_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(60_000),
  /** Tokens each cooperative may spend a month (0: no limit); a cooperative setting `ai.monthlyTokenBudget` overrides it. */
  AI_MONTHLY_TOKEN_BUDGET: z.coerce.number().int().min(0).default(500_000),
  /** Local time (HH:MM, in each cooperative's zone) of the nightly audit. */
  AUDIT_NIGHTLY_AT: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be HH:MM')
    .default('02:30'),
});

export type Env = z.infer<typeof envSchema>;

export class ConfigError extends Error {
  override name = 'ConfigError';
}

export function loadEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const result = envSchema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return result.data;
}
