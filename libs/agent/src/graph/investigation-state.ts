import { Annotation } from '@langchain/langgraph';
import type { Locale } from '@kotizo/rules-engine';
import type { AnalystMode } from '../analyst/analyst.js';
import { addUsage, NO_USAGE, type TokenUsage } from '../budget/token-budget.js';
import { emptyEvidence, type Evidence, type EvidencePatch, mergeEvidence } from '../evidence/evidence.js';
import type { Figure } from '../evidence/figures.js';
import type { RequestedToolCall, ToolCallRecord } from '../evidence/tool-call.js';
import type { DraftProblem, InvestigationReport, ReportDraft } from '../report/report-schema.js';
import type { ReviewDecision } from './review-decision.js';

export type InvestigationNode = 'collect' | 'agent' | 'tools' | 'check' | 'review' | 'finish';

/** One step of the run, as recorded in its state and streamed as progress. */
export interface StepRecord {
  node: InvestigationNode;
  at: string;
  durationMs: number;
  toolCalls: ToolCallRecord[];
  /** Set on analyst steps. */
  model?: string;
  usage?: TokenUsage;
  /** What the step did, in a few words: `asked for 3 tools`, `2 problems, repair`, `decision: confirm`. */
  detail: string;
}

export type InvestigationOutcome = 'running' | 'awaiting_review' | 'confirmed' | 'dismissed';

const last = <T>(fallback: () => T) => Annotation<T>({ reducer: (_a: T, b: T) => b, default: fallback });
const appended = <T>() => Annotation<T[], T[]>({ reducer: (a, b) => [...a, ...b], default: () => [] });

/**
 * The investigation's whole state, checkpointed after every step. Plain
 * JSON only, so that a run resumes in any process from the database alone.
 */
export const InvestigationState = Annotation.Root({
  cooperativeId: last<string>(() => ''),
  caseId: last<string>(() => ''),
  locale: last<Locale>(() => 'fr'),
  evidence: Annotation<Evidence, EvidencePatch>({ reducer: mergeEvidence, default: emptyEvidence }),
  figures: last<Figure[]>(() => []),
  toolCalls: appended<ToolCallRecord>(),
  /** Calls the analyst asked for, waiting for the tools step. */
  pendingCalls: last<RequestedToolCall[]>(() => []),
  /** Tool rounds of the current drafting round. */
  toolRounds: last<number>(() => 0),
  draft: last<ReportDraft | null>(() => null),
  repair: last<{ draft: ReportDraft; problems: DraftProblem[] } | null>(() => null),
  repairRounds: last<number>(() => 0),
  report: last<InvestigationReport | null>(() => null),
  /** 1 for the first report, +1 per follow-up question. */
  round: last<number>(() => 1),
  question: last<string | null>(() => null),
  followUps: appended<{ question: string; at: string; by: string | null }>(),
  decision: last<ReviewDecision | null>(() => null),
  outcome: last<InvestigationOutcome>(() => 'running'),
  steps: appended<StepRecord>(),
  usage: Annotation<TokenUsage, TokenUsage>({ reducer: addUsage, default: () => NO_USAGE }),
  mode: last<AnalystMode>(() => 'offline'),
  model: last<string>(() => ''),
  startedAt: last<string>(() => ''),
  finishedAt: last<string | null>(() => null),
});

export type InvestigationStateValue = typeof InvestigationState.State;
export type InvestigationStateUpdate = typeof InvestigationState.Update;
