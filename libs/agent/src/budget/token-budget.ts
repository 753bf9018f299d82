import { AgentError } from '../errors.js';

export interface TokenUsage {
  inputTokens: number;
  outputTokens: number;
}

export const NO_USAGE: TokenUsage = { inputTokens: 0, outputTokens: 0 };

export function addUsage(a: TokenUsage, b: TokenUsage): TokenUsage {
  return { inputTokens: a.inputTokens + b.inputTokens, outputTokens: a.outputTokens + b.outputTokens };
}

export function totalTokens(u: TokenUsage): number {
  return u.inputTokens + u.outputTokens;
}

/** One model call's usage, as the API stores it against the cooperative's month. */
export interface UsageRecord extends TokenUsage {
  cooperativeId: string;
  model: string;
  /** What spent it: `investigation:<threadId>`, `monthly-report:2026-10`. */
  purpose: string;
  at: string;
}

/**
 * The cooperative's monthly token budget, kept by the API. The agent checks
 * it before every model call (a hard stop) and reports usage after each
 * call. The offline analyst spends nothing and is never stopped.
 */
export interface TokenBudget {
  /** Tokens used by the cooperative this calendar month, as stored. */
  usedThisMonth(): Promise<number>;
  /** The monthly limit; null for no limit. */
  monthlyLimit(): Promise<number | null>;
  record(usage: UsageRecord): Promise<void>;
}

export class TokenBudgetExceededError extends AgentError {
  constructor(
    readonly used: number,
    readonly limit: number,
  ) {
    const n = (v: number, locale: string) => new Intl.NumberFormat(locale).format(v);
    super(
      'AGENT_TOKEN_BUDGET_EXCEEDED',
      {
        fr: `Budget d’IA du mois épuisé : ${n(used, 'fr')} jetons utilisés sur ${n(limit, 'fr')}. L’analyse s’arrête ici ; elle reprendra où elle en était le mois prochain ou si la fédération relève le budget. L’analyste hors ligne reste disponible.`,
        en: `This month’s AI budget is spent: ${n(used, 'en')} of ${n(limit, 'en')} tokens used. The run stops here; it resumes where it was next month or once the federation raises the budget. The offline analyst remains available.`,
      },
      false,
    );
    this.name = 'TokenBudgetExceededError';
  }
}

/** Hard stop: throws when `used` has reached `limit` (no limit when null). */
export function assertBudget(used: number, limit: number | null): void {
  if (limit !== null && used >= limit) throw new TokenBudgetExceededError(used, limit);
}

/** Checks the stored month plus what this run has spent and not yet recorded. */
export async function checkBudget(budget: TokenBudget | undefined, unrecorded = 0): Promise<void> {
  if (!budget) return;
  const [used, limit] = await Promise.all([budget.usedThisMonth(), budget.monthlyLimit()]);
  assertBudget(used + unrecorded, limit);
}
