import type { Localized } from '@kotizo/rules-engine';

export type AgentErrorCode =
  | 'AGENT_TOKEN_BUDGET_EXCEEDED'
  | 'AGENT_PROVIDER_UNAVAILABLE'
  | 'AGENT_MALFORMED_MODEL_OUTPUT'
  | 'AGENT_CASE_NOT_FOUND'
  | 'AGENT_TENANT_MISMATCH'
  | 'AGENT_NOT_AWAITING_REVIEW'
  | 'AGENT_RUN_NOT_FOUND'
  | 'AGENT_THREAD_CONFLICT'
  | 'AGENT_INVALID_DECISION'
  | 'AGENT_INVALID_CONFIG';

/**
 * Typed errors with a code, a message in French and English, and whether
 * trying again later may succeed (the API maps them to problem+json and
 * decides whether a job is retried).
 */
export class AgentError extends Error {
  constructor(
    readonly code: AgentErrorCode,
    readonly localized: Localized,
    readonly retryable: boolean,
    options?: { cause?: unknown },
  ) {
    super(localized.en, options);
    this.name = 'AgentError';
  }
}

/** The model answered something the agent cannot use (bad JSON, unknown shape); worth asking again. */
export class MalformedModelOutputError extends AgentError {
  constructor(detail: string) {
    super(
      'AGENT_MALFORMED_MODEL_OUTPUT',
      { fr: `Réponse du modèle inutilisable : ${detail}`, en: `The model’s answer could not be used: ${detail}` },
      true,
    );
    this.name = 'MalformedModelOutputError';
  }
}

export function isAgentError(e: unknown): e is AgentError {
  return e instanceof AgentError;
}
