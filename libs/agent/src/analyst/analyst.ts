import type { Locale } from '@kotizo/rules-engine';
import type { TokenUsage } from '../budget/token-budget.js';
import type { Evidence } from '../evidence/evidence.js';
import type { Figure } from '../evidence/figures.js';
import type { RequestedToolCall, ToolCallRecord } from '../evidence/tool-call.js';
import type { CooperativeRef } from '../ports/investigation-ports.js';
import type { DraftProblem, InvestigationReport, ReportDraft } from '../report/report-schema.js';

export type AnalystMode = 'openai' | 'offline';

/** What an analyst sees at each turn of an investigation: all of it rebuilt from the checkpointed state. */
export interface InvestigationContext {
  locale: Locale;
  cooperative: CooperativeRef;
  caseId: string;
  evidence: Evidence;
  figures: Figure[];
  /** Every tool call of the run so far, including refused ones. */
  toolCalls: ToolCallRecord[];
  /** False once the tool rounds are spent, and when repairing a draft: then only a report is accepted. */
  mayCallTools: boolean;
  /** The auditor's follow-up question this round answers, if any. */
  question: string | null;
  /** The report the auditor saw before asking. */
  previousReport: InvestigationReport | null;
  /** The draft to correct and its problems, in the repair round. */
  repair: { draft: ReportDraft; problems: DraftProblem[] } | null;
}

export type AnalystTurn =
  | { kind: 'tools'; calls: RequestedToolCall[]; usage: TokenUsage }
  | { kind: 'draft'; draft: ReportDraft; usage: TokenUsage };

/**
 * The reasoning step of the investigation graph. Two implementations run
 * the same graph and the same tools: a chat model (OpenAI or any
 * compatible server) and the offline analyst (templates over evidence).
 */
export interface Analyst {
  readonly mode: AnalystMode;
  /** Model name recorded with the run (`offline-analyst` for the offline one). */
  readonly model: string;
  investigate(ctx: InvestigationContext, options?: { signal?: AbortSignal }): Promise<AnalystTurn>;
}

/** Free text for the assistant (explanations, monthly narrative), streamed token by token. */
export interface TextWriter {
  readonly model: string;
  write(
    prompt: { system: string; user: string },
    options?: { onToken?: (token: string) => void; signal?: AbortSignal },
  ): Promise<{ text: string; usage: TokenUsage }>;
}
