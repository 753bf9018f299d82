import type { BaseCheckpointSaver } from '@langchain/langgraph';
import { Command } from '@langchain/langgraph';
import type { Locale, Localized } from '@kotizo/rules-engine';
import type { Analyst, AnalystMode } from '../analyst/analyst.js';
import { DEFAULT_PROVIDER_RETRY, isRetryableProviderError, type ProviderRetry } from '../analyst/provider-errors.js';
import { type TokenBudget, type TokenUsage, totalTokens } from '../budget/token-budget.js';
import { type Clock, systemClock } from '../clock.js';
import { AgentError } from '../errors.js';
import type { ToolCallRecord } from '../evidence/tool-call.js';
import type { InvestigationPorts } from '../ports/investigation-ports.js';
import type { InvestigationReport } from '../report/report-schema.js';
import { buildInvestigationGraph } from './investigation-graph.js';
import { DEFAULT_INVESTIGATION_LIMITS, type InvestigationLimits } from './investigation-nodes.js';
import type {
  InvestigationOutcome,
  InvestigationStateUpdate,
  InvestigationStateValue,
  StepRecord,
} from './investigation-state.js';
import { type ReviewDecision, reviewDecisionSchema } from './review-decision.js';

export interface InvestigationRunnerDeps {
  /** Bound to the case's cooperative by the caller. */
  ports: InvestigationPorts;
  analyst: Analyst;
  /** Shared by every run; a PostgresSaver in production (see `createPostgresCheckpointer`). */
  checkpointer: BaseCheckpointSaver;
  budget?: TokenBudget;
  clock?: Clock;
  limits?: Partial<InvestigationLimits>;
  retry?: Partial<ProviderRetry>;
}

/**
 * - running: steps left to run (a process died mid-run: `continue()` it);
 * - awaiting_review: paused on the report, waiting for `decide()`;
 * - confirmed / dismissed: finished;
 * - degraded: stopped on a provider fault or a spent budget; nothing is
 *   lost, `continue()` resumes from the last checkpoint.
 */
export type InvestigationPhase = 'running' | 'awaiting_review' | 'confirmed' | 'dismissed' | 'degraded';

export interface RunError {
  code: string;
  message: Localized;
  /** Whether `continue()` later may succeed on its own (provider fault) or needs a change first (budget, config). */
  retryable: boolean;
}

export interface RunRecord {
  mode: AnalystMode;
  model: string;
  steps: StepRecord[];
  toolCalls: ToolCallRecord[];
  usage: TokenUsage;
  startedAt: string;
  finishedAt: string | null;
  /** Time spent in steps (pauses for the auditor not counted). */
  durationMs: number;
}

export interface InvestigationStatus {
  threadId: string;
  cooperativeId: string;
  caseId: string;
  locale: Locale;
  phase: InvestigationPhase;
  report: InvestigationReport | null;
  decision: ReviewDecision | null;
  followUps: { question: string; at: string; by: string | null }[];
  run: RunRecord;
  /** Steps to run next (empty when finished). */
  next: string[];
  error: RunError | null;
}

export type InvestigationEvent =
  | { type: 'step'; threadId: string; step: StepRecord }
  | { type: 'awaiting_review'; threadId: string; report: InvestigationReport }
  | { type: 'finished'; threadId: string; outcome: 'confirmed' | 'dismissed' }
  | { type: 'degraded'; threadId: string; error: RunError };

export interface DriveOptions {
  /** Progress as each step is committed (the API relays it over the socket). */
  onEvent?: (event: InvestigationEvent) => void | Promise<void>;
  signal?: AbortSignal;
}

const RECURSION_LIMIT = 100;

/**
 * The investigation as the API drives it, one BullMQ job per call:
 * `start` → (pause) → `decide` → ... ; `continue` after a fault or a
 * restart. Each call is idempotent on its thread: a replayed `start`
 * resumes rather than restarts, a replayed `decide` on a finished run is
 * refused. The runner is cheap: make one per job, with the job's ports.
 */
export class InvestigationRunner {
  private readonly graph;
  private readonly clock: Clock;
  private readonly limits: InvestigationLimits;

  constructor(private readonly deps: InvestigationRunnerDeps) {
    this.clock = deps.clock ?? systemClock;
    this.limits = { ...DEFAULT_INVESTIGATION_LIMITS, ...deps.limits };
    const retry = { ...DEFAULT_PROVIDER_RETRY, ...deps.retry };
    this.graph = buildInvestigationGraph(
      { ports: deps.ports, analyst: deps.analyst, budget: deps.budget, clock: this.clock, limits: this.limits },
      retry,
    ).compile({ checkpointer: deps.checkpointer });
  }

  /** The compiled LangGraph graph, for callers that want its own streaming. */
  get compiledGraph() {
    return this.graph;
  }

  async start(
    params: { threadId: string; caseId: string; locale: Locale },
    options: DriveOptions = {},
  ): Promise<InvestigationStatus> {
    const existing = await this.snapshot(params.threadId);
    if (existing) {
      if (existing.values.caseId !== params.caseId) {
        throw new AgentError(
          'AGENT_THREAD_CONFLICT',
          {
            fr: 'Ce fil d’analyse porte sur un autre dossier.',
            en: 'This investigation thread is about another case.',
          },
          false,
        );
      }
      return this.continue(params.threadId, options);
    }
    const input: InvestigationStateUpdate = {
      cooperativeId: this.deps.ports.cooperative.id,
      caseId: params.caseId,
      locale: params.locale,
      mode: this.deps.analyst.mode,
      model: this.deps.analyst.model,
      startedAt: this.clock.now().toISOString(),
    };
    return this.drive(params.threadId, input, options);
  }

  /** The auditor's answer to the paused report. */
  async decide(threadId: string, decision: ReviewDecision, options: DriveOptions = {}): Promise<InvestigationStatus> {
    const parsed = reviewDecisionSchema.safeParse(decision);
    if (!parsed.success) {
      const why = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
      throw new AgentError(
        'AGENT_INVALID_DECISION',
        { fr: `Décision invalide : ${why}`, en: `Invalid decision: ${why}` },
        false,
      );
    }
    const snap = await this.requireSnapshot(threadId);
    if (!isPausedForReview(snap)) {
      throw new AgentError(
        'AGENT_NOT_AWAITING_REVIEW',
        { fr: 'L’analyse n’attend pas de décision.', en: 'The investigation is not waiting for a decision.' },
        false,
      );
    }
    if (parsed.data.decision === 'ask' && snap.values.followUps.length >= this.limits.maxFollowUps) {
      throw new AgentError(
        'AGENT_INVALID_DECISION',
        {
          fr: `Pas plus de ${this.limits.maxFollowUps} questions par analyse : confirmez ou classez le dossier.`,
          en: `No more than ${this.limits.maxFollowUps} questions per investigation: confirm or dismiss the case.`,
        },
        false,
      );
    }
    return this.drive(threadId, new Command({ resume: parsed.data }), options);
  }

  /** Resumes from the last checkpoint: after a fault, a spent budget raised, or a restart. */
  async continue(threadId: string, options: DriveOptions = {}): Promise<InvestigationStatus> {
    const snap = await this.requireSnapshot(threadId);
    if (snap.next.length === 0 || isPausedForReview(snap)) return this.statusOf(threadId, snap, null);
    return this.drive(threadId, null, options);
  }

  async status(threadId: string): Promise<InvestigationStatus | null> {
    const snap = await this.snapshot(threadId);
    return snap ? this.statusOf(threadId, snap, null) : null;
  }

  private config(threadId: string) {
    return { configurable: { thread_id: threadId } };
  }

  private async snapshot(threadId: string): Promise<Snapshot | null> {
    const snap = (await this.graph.getState(this.config(threadId))) as Snapshot;
    if (!snap.values || !snap.values.caseId) return null;
    if (snap.values.cooperativeId !== this.deps.ports.cooperative.id) {
      // Fail loudly: a job must never run one cooperative's thread with another's ports.
      throw new AgentError(
        'AGENT_TENANT_MISMATCH',
        {
          fr: 'Ce fil d’analyse appartient à une autre coopérative.',
          en: 'This investigation thread belongs to another cooperative.',
        },
        false,
      );
    }
    return snap;
  }

  private async requireSnapshot(threadId: string): Promise<Snapshot> {
    const snap = await this.snapshot(threadId);
    if (!snap) {
      throw new AgentError(
        'AGENT_RUN_NOT_FOUND',
        { fr: 'Analyse introuvable.', en: 'Investigation not found.' },
        false,
      );
    }
    return snap;
  }

  private async drive(
    threadId: string,
    input: InvestigationStateUpdate | Command | null,
    options: DriveOptions,
  ): Promise<InvestigationStatus> {
    let failure: RunError | null = null;
    try {
      const stream = await this.graph.stream(input as Parameters<typeof this.graph.stream>[0], {
        ...this.config(threadId),
        streamMode: 'updates',
        recursionLimit: RECURSION_LIMIT,
        signal: options.signal,
      });
      for await (const chunk of stream) await this.onChunk(threadId, chunk as Record<string, unknown>, options);
    } catch (e) {
      failure = runErrorOf(e);
      if (!failure) throw e;
    }
    const status = await this.statusOf(threadId, await this.requireSnapshot(threadId), failure);
    if (failure) await options.onEvent?.({ type: 'degraded', threadId, error: failure });
    else if (status.phase === 'confirmed' || status.phase === 'dismissed')
      await options.onEvent?.({ type: 'finished', threadId, outcome: status.phase });
    return status;
  }

  private async onChunk(threadId: string, chunk: Record<string, unknown>, options: DriveOptions): Promise<void> {
    for (const [node, value] of Object.entries(chunk)) {
      if (node === '__interrupt__') {
        const report = (await this.requireSnapshot(threadId)).values.report;
        if (report) await options.onEvent?.({ type: 'awaiting_review', threadId, report });
        continue;
      }
      const steps = ((value ?? {}) as { steps?: StepRecord[] }).steps ?? [];
      for (const step of steps) {
        if (step.usage && totalTokens(step.usage) > 0 && this.deps.budget) {
          // Recorded once the step is committed, so a retried step is not counted twice.
          await this.deps.budget.record({
            cooperativeId: this.deps.ports.cooperative.id,
            model: step.model ?? this.deps.analyst.model,
            purpose: `investigation:${threadId}`,
            at: step.at,
            ...step.usage,
          });
        }
        await options.onEvent?.({ type: 'step', threadId, step });
      }
    }
  }

  private statusOf(threadId: string, snap: Snapshot, error: RunError | null): InvestigationStatus {
    const v = snap.values;
    return {
      threadId,
      cooperativeId: v.cooperativeId,
      caseId: v.caseId,
      locale: v.locale,
      phase: phaseOf(v.outcome, snap, error),
      report: v.report,
      decision: v.decision,
      followUps: v.followUps,
      run: {
        mode: v.mode,
        model: v.model,
        steps: v.steps,
        toolCalls: v.toolCalls,
        usage: v.usage,
        startedAt: v.startedAt,
        finishedAt: v.finishedAt,
        durationMs: v.steps.reduce((ms, s) => ms + s.durationMs, 0),
      },
      next: [...snap.next],
      error,
    };
  }
}

interface Snapshot {
  values: InvestigationStateValue;
  next: string[];
  tasks: readonly { name: string; interrupts: readonly unknown[] }[];
}

function isPausedForReview(snap: Snapshot): boolean {
  return snap.tasks.some((t) => t.name === 'review' && t.interrupts.length > 0);
}

function phaseOf(outcome: InvestigationOutcome, snap: Snapshot, error: RunError | null): InvestigationPhase {
  if (outcome === 'confirmed' || outcome === 'dismissed') return outcome;
  if (isPausedForReview(snap)) return 'awaiting_review';
  if (error) return 'degraded';
  return 'running';
}

/** Faults that leave the run resumable become a degraded status; anything else is a bug and is thrown. */
function runErrorOf(e: unknown): RunError | null {
  if (e instanceof AgentError) {
    if (e.code === 'AGENT_CASE_NOT_FOUND' || e.code === 'AGENT_TENANT_MISMATCH') return null;
    return { code: e.code, message: e.localized, retryable: e.retryable };
  }
  if (isRetryableProviderError(e) || isProviderRefusal(e)) {
    const detail = e instanceof Error ? e.message : String(e);
    return {
      code: 'AGENT_PROVIDER_UNAVAILABLE',
      message: {
        fr: `Le service d’IA ne répond pas correctement (${detail}). L’analyse est conservée et reprendra où elle en était.`,
        en: `The AI service is not answering properly (${detail}). The investigation is kept and will resume where it was.`,
      },
      retryable: isRetryableProviderError(e),
    };
  }
  return null;
}

/** 4xx from the provider (bad key, unknown model): the run is kept, but needs a configuration change. */
function isProviderRefusal(e: unknown): boolean {
  const status = (e as { status?: unknown } | null)?.status;
  return typeof status === 'number' && status >= 400 && status < 500;
}
