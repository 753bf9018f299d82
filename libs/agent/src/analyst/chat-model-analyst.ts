import { type BaseChatModel } from '@langchain/core/language_models/chat_models';
import { type AIMessage, type AIMessageChunk, HumanMessage, SystemMessage } from '@langchain/core/messages';
import { z } from 'zod';
import { NO_USAGE, type TokenUsage } from '../budget/token-budget.js';
import { MalformedModelOutputError } from '../errors.js';
import { readToolDefinitions } from '../evidence/read-tools.js';
import { reportDraftSchema, type ReportDraft } from '../report/report-schema.js';
import type { Analyst, AnalystTurn, InvestigationContext, TextWriter } from './analyst.js';
import { investigationUserPrompt } from './investigation-prompt.js';
import { investigationSystemPrompt } from './prompts.js';

export const SUBMIT_REPORT = 'submit_report';

const submitReportTool = {
  type: 'function' as const,
  function: {
    name: SUBMIT_REPORT,
    description: 'Submit the investigation report to the auditor (once, when the evidence is gathered).',
    parameters: z.toJSONSchema(reportDraftSchema),
  },
};

export function usageOf(message: AIMessage | AIMessageChunk): TokenUsage {
  const u = message.usage_metadata;
  return u ? { inputTokens: u.input_tokens ?? 0, outputTokens: u.output_tokens ?? 0 } : NO_USAGE;
}

function parseDraft(value: unknown, where: string): ReportDraft {
  const parsed = reportDraftSchema.safeParse(value);
  if (!parsed.success) {
    throw new MalformedModelOutputError(
      `${where}: ${parsed.error.issues
        .slice(0, 3)
        .map((i) => `${i.path.join('.') || 'report'} ${i.message}`)
        .join('; ')}`,
    );
  }
  return parsed.data;
}

function contentText(message: AIMessage): string {
  return typeof message.content === 'string'
    ? message.content
    : message.content
        .map((part) => (typeof part === 'object' && 'text' in part && typeof part.text === 'string' ? part.text : ''))
        .join('');
}

/** A report written as JSON text instead of a tool call (some servers ignore tool_choice). */
function draftFromContent(message: AIMessage): ReportDraft | null {
  const text = contentText(message).trim();
  const json = text.match(/\{[\s\S]*\}/)?.[0];
  if (!json) return null;
  try {
    return parseDraft(JSON.parse(json), 'report in the text');
  } catch {
    return null;
  }
}

/**
 * The investigation analyst over any LangChain chat model: ChatOpenAI
 * against OpenAI or a compatible server in production, `fakeModel()` in unit
 * tests. Each turn is stateless - system prompt plus one user turn rebuilt
 * from the checkpointed evidence - so a resumed run needs no conversation
 * memory, and records never enter the prompt as anything but data.
 */
export class ChatModelAnalyst implements Analyst, TextWriter {
  readonly mode = 'openai' as const;

  constructor(
    private readonly chat: BaseChatModel,
    readonly model: string,
  ) {}

  async investigate(ctx: InvestigationContext, options: { signal?: AbortSignal } = {}): Promise<AnalystTurn> {
    if (!this.chat.bindTools) throw new Error(`the chat model ${this.model} cannot call tools`);
    const tools = ctx.mayCallTools ? [...readToolDefinitions(), submitReportTool] : [submitReportTool];
    const toolChoice = ctx.mayCallTools ? 'auto' : { type: 'function', function: { name: SUBMIT_REPORT } };
    const bound = this.chat.bindTools(tools, { tool_choice: toolChoice });
    const message = (await bound.invoke(
      [new SystemMessage(investigationSystemPrompt(ctx.locale)), new HumanMessage(investigationUserPrompt(ctx))],
      { signal: options.signal },
    )) as AIMessage;
    return this.turnFrom(message);
  }

  private turnFrom(message: AIMessage): AnalystTurn {
    const usage = usageOf(message);
    const invalid = message.invalid_tool_calls ?? [];
    if (invalid.length > 0) {
      throw new MalformedModelOutputError(`tool call ${invalid[0]?.name ?? '?'} with arguments that are not JSON`);
    }
    const calls = message.tool_calls ?? [];
    const submit = calls.find((c) => c.name === SUBMIT_REPORT);
    if (submit) return { kind: 'draft', draft: parseDraft(submit.args, SUBMIT_REPORT), usage };
    if (calls.length > 0) {
      return {
        kind: 'tools',
        calls: calls.map((c, i) => ({ id: c.id ?? `call-${i}`, name: c.name, args: c.args })),
        usage,
      };
    }
    const draft = draftFromContent(message);
    if (draft) return { kind: 'draft', draft, usage };
    throw new MalformedModelOutputError('neither a tool call nor a report');
  }

  async write(
    prompt: { system: string; user: string },
    options: { onToken?: (token: string) => void; signal?: AbortSignal } = {},
  ): Promise<{ text: string; usage: TokenUsage }> {
    const stream = await this.chat.stream([new SystemMessage(prompt.system), new HumanMessage(prompt.user)], {
      signal: options.signal,
    });
    let text = '';
    let usage = NO_USAGE;
    for await (const chunk of stream) {
      const token = typeof chunk.content === 'string' ? chunk.content : contentText(chunk as unknown as AIMessage);
      if (token) {
        text += token;
        options.onToken?.(token);
      }
      const u = usageOf(chunk);
      if (u.inputTokens + u.outputTokens > 0) usage = u;
    }
    return { text, usage };
  }
}
