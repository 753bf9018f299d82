import { getRetryable } from '@langchain/core/errors';
import type { RetryPolicy } from '@langchain/langgraph';
import { AgentError } from '../errors.js';

/**
 * Which failures of a model call are worth trying again: timeouts,
 * dropped connections, 408/429/5xx, garbled bodies, and answers we could
 * not use. Not:
 * bad key, unknown model, a request the server refuses (4xx), an
 * exhausted quota, a spent budget, a cancelled run.
 */
export function isRetryableProviderError(e: unknown): boolean {
  if (e instanceof AgentError) return e.retryable;
  if (!e || typeof e !== 'object') return false;
  const err = e as {
    name?: unknown;
    code?: unknown;
    status?: unknown;
    message?: unknown;
    error?: { code?: unknown };
    cause?: unknown;
  };
  if (err.name === 'AbortError' || err.name === 'APIUserAbortError') return false;
  if (err.code === 'insufficient_quota' || err.error?.code === 'insufficient_quota') return false;
  const status = typeof err.status === 'number' ? err.status : undefined;
  if (status !== undefined) return status === 408 || status === 429 || status >= 500;
  if (err.name === 'TimeoutError' || err.name === 'APIConnectionTimeoutError' || err.name === 'APIConnectionError')
    return true;
  // a garbled answer (a proxy's HTML error page where JSON was expected)
  if (err.name === 'SyntaxError') return true;
  if (
    typeof err.code === 'string' &&
    /^(ECONNRESET|ECONNREFUSED|ETIMEDOUT|EPIPE|UND_ERR_SOCKET|UND_ERR_CONNECT_TIMEOUT)$/.test(err.code)
  ) {
    return true;
  }
  if (typeof err.message === 'string' && /connection error|socket hang up|terminated|timed? ?out/i.test(err.message))
    return true;
  return getRetryable(e) === true;
}

export interface ProviderRetry {
  /** Attempts of one model step, the first included. */
  maxAttempts: number;
  initialIntervalMs: number;
  backoffFactor: number;
  maxIntervalMs: number;
}

export const DEFAULT_PROVIDER_RETRY: ProviderRetry = {
  maxAttempts: 4,
  initialIntervalMs: 500,
  backoffFactor: 2,
  maxIntervalMs: 8_000,
};

/**
 * The model step's LangGraph retry policy: the step runs again from the
 * state of the last checkpoint, so nothing before it (tool calls included)
 * is repeated. When the attempts are spent, the run stops where it is and
 * `continue()` resumes it later (the API's job retry).
 */
export function providerRetryPolicy(retry: ProviderRetry): RetryPolicy {
  return {
    maxAttempts: retry.maxAttempts,
    initialInterval: retry.initialIntervalMs,
    backoffFactor: retry.backoffFactor,
    maxInterval: retry.maxIntervalMs,
    jitter: false,
    logWarning: false,
    retryOn: isRetryableProviderError,
  };
}
