import { TokenBudgetExceededError, isRetryableProviderError } from '@kotizo/agent';
import type { AssistantStreamLine } from '@kotizo/contracts';
import { AppError } from '../../platform/errors/app-error.js';
import {
  DEFAULT_LANGUAGE,
  type Language,
  type ProblemCode,
  translate,
} from '../../platform/errors/messages/catalog.js';

export type AssistantErrorLine = Extract<AssistantStreamLine, { type: 'error' }>;

/**
 * The `error` line that ends a streamed answer gone wrong: a code and its words in the caller's
 * language, never the error's own text (a provider's message, a stack, SQL). `expected` tells
 * whether it is an outcome the product plans for (a spent budget, a refusal) rather than one to
 * log as an error.
 */
export function assistantErrorLine(
  error: unknown,
  language: Language,
): { line: AssistantErrorLine; expected: boolean } {
  if (error instanceof AppError) {
    // A refusal of ours, worded by the catalog (all in English if some of its words are not there yet).
    const said = error.translated ? language : DEFAULT_LANGUAGE;
    const detail = error.detailIn(said) ?? error.titleIn(said);
    return { line: { type: 'error', code: error.code, message: detail }, expected: error.status < 500 };
  }
  if (error instanceof TokenBudgetExceededError) return { line: said('ai_budget_spent', language), expected: true };
  // Timeouts, 429/5xx, an answer that could not be used: asking again may work.
  if (isRetryableProviderError(error)) return { line: said('assistant_unavailable', language), expected: false };
  return { line: said('internal_error', language), expected: false };
}

function said(code: ProblemCode, language: Language): AssistantErrorLine {
  return { type: 'error', code, message: translate(language, 'problem', code) };
}
