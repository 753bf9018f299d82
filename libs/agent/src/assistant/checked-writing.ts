import type { Locale } from '@kotizo/rules-engine';
import type { AnalystMode, TextWriter } from '../analyst/analyst.js';
import { OFFLINE_MODEL } from '../analyst/offline-analyst.js';
import { dataBlock, writerSystemPrompt } from '../analyst/prompts.js';
import { checkBudget, NO_USAGE, type TokenBudget, type TokenUsage, totalTokens } from '../budget/token-budget.js';
import type { Clock } from '../clock.js';
import type { CheckContext } from '../report/claim-checker.js';
import { checkCitedText, type CitedText } from './cited-text.js';

export interface WrittenText extends CitedText {
  author: { mode: AnalystMode; model: string };
  /**
   * Why the offline text was used although a model is configured: the
   * model's text failed the check (unknown id, number found in no record).
   */
  fallbackReason: string | null;
  usage: TokenUsage;
}

export interface WriteOptions {
  writer?: TextWriter | null;
  budget?: TokenBudget;
  cooperativeId: string;
  purpose: string;
  clock: Clock;
  /** Tokens as the model writes them: a live preview; keep the returned text. */
  onToken?: (token: string) => void;
  signal?: AbortSignal;
}

/**
 * The model writes, the code checks, the templates stand by: a model text
 * that cites an unknown record or brings its own figures is replaced by the
 * offline text, with the reason. Offline (no writer), the templates write.
 */
export async function writeChecked(
  task: { locale: Locale; description: string; request: string; data: unknown },
  ctx: CheckContext,
  offline: () => CitedText,
  options: WriteOptions,
): Promise<WrittenText> {
  const writer = options.writer;
  if (!writer) {
    const text = offline();
    options.onToken?.(text.text);
    return { ...text, author: { mode: 'offline', model: OFFLINE_MODEL }, fallbackReason: null, usage: NO_USAGE };
  }
  await checkBudget(options.budget);
  const { text: raw, usage } = await writer.write(
    {
      system: writerSystemPrompt(task.locale, task.description),
      user: `${task.request}\n${dataBlock(task.data)}`,
    },
    { onToken: options.onToken, signal: options.signal },
  );
  if (options.budget && totalTokens(usage) > 0) {
    await options.budget.record({
      cooperativeId: options.cooperativeId,
      model: writer.model,
      purpose: options.purpose,
      at: options.clock.now().toISOString(),
      ...usage,
    });
  }
  const check = checkCitedText(raw, ctx);
  const problems = [
    ...(check.unknownIds.length > 0 ? [`cites unknown records: ${check.unknownIds.join(', ')}`] : []),
    ...(check.unbackedNumbers.length > 0 ? [`numbers found in no record: ${check.unbackedNumbers.join(', ')}`] : []),
    ...(check.cited.text.length === 0 ? ['empty text'] : []),
  ];
  if (problems.length > 0) {
    return {
      ...offline(),
      author: { mode: 'offline', model: OFFLINE_MODEL },
      fallbackReason: `${writer.model}: ${problems.join('; ')}`,
      usage,
    };
  }
  return { ...check.cited, author: { mode: 'openai', model: writer.model }, fallbackReason: null, usage };
}
