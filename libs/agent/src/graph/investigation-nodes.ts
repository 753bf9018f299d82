import { interrupt } from '@langchain/langgraph';
import type { LangGraphRunnableConfig } from '@langchain/langgraph';
import type { Analyst, InvestigationContext } from '../analyst/analyst.js';
import { checkBudget, type TokenBudget } from '../budget/token-budget.js';
import type { Clock } from '../clock.js';
import { AgentError, MalformedModelOutputError } from '../errors.js';
import { citableIds, type Evidence, flaggedTransactionIds, mergeEvidence, seenIds } from '../evidence/evidence.js';
import { computeFigures, type Figure } from '../evidence/figures.js';
import { type ReadToolLimits, runReadTool } from '../evidence/read-tools.js';
import type { RequestedToolCall, ToolCallRecord } from '../evidence/tool-call.js';
import type { InvestigationPorts } from '../ports/investigation-ports.js';
import { type CheckContext, checkDraft, knownNumbers, settleDraft } from '../report/claim-checker.js';
import type { InvestigationReport } from '../report/report-schema.js';
import type {
  InvestigationNode,
  InvestigationStateUpdate,
  InvestigationStateValue,
  StepRecord,
} from './investigation-state.js';
import type { ReviewDecision, ReviewRequest } from './review-decision.js';

export interface InvestigationLimits {
  /** Rounds of analyst tool calls per drafting round. */
  maxToolRounds: number;
  /** Calls executed per round; more are refused. */
  maxCallsPerRound: number;
  /** Drafts sent back for repair before bad claims are removed. */
  maxRepairRounds: number;
  maxFollowUps: number;
  tools: ReadToolLimits;
}

export const DEFAULT_INVESTIGATION_LIMITS: InvestigationLimits = {
  maxToolRounds: 3,
  maxCallsPerRound: 8,
  maxRepairRounds: 1,
  maxFollowUps: 5,
  tools: { historyLimit: 50, similarWindowDays: 30, similarLimit: 20 },
};

export interface NodeDeps {
  ports: InvestigationPorts;
  analyst: Analyst;
  budget?: TokenBudget;
  clock: Clock;
  limits: InvestigationLimits;
}

type Update = InvestigationStateUpdate;
type State = InvestigationStateValue;

function stepOf(
  node: InvestigationNode,
  started: Date,
  clock: Clock,
  rest: Partial<StepRecord> & { detail: string },
): StepRecord {
  return {
    node,
    at: started.toISOString(),
    durationMs: clock.now().getTime() - started.getTime(),
    toolCalls: [],
    ...rest,
  };
}

export function checkContextOf(evidence: Evidence, figures: readonly Figure[], currency: string): CheckContext {
  return { citable: citableIds(evidence), numbers: knownNumbers(evidence, figures, currency) };
}

/** Gathering in code: the case, its rules, its subject and the flagged movements. */
export function collectNode(deps: NodeDeps) {
  return async (state: State): Promise<Update> => {
    const started = deps.clock.now();
    const detail = await deps.ports.getCase(state.caseId);
    const caseCall: ToolCallRecord = {
      id: 'code-1',
      name: 'get_case',
      args: { caseId: state.caseId },
      by: 'code',
      status: detail && detail.id === state.caseId ? 'ok' : 'not_found',
      resultBytes: Buffer.byteLength(JSON.stringify(detail ?? null)),
      recordIds: detail ? [detail.id, ...detail.findings.map((f) => f.id)] : [],
    };
    if (!detail || detail.id !== state.caseId) {
      throw new AgentError(
        'AGENT_CASE_NOT_FOUND',
        {
          fr: `Dossier ${state.caseId} introuvable dans cette coopérative.`,
          en: `Case ${state.caseId} not found in this cooperative.`,
        },
        false,
      );
    }
    const { timeline: _timeline, ...caseEvidence } = detail;
    let evidence = mergeEvidence(state.evidence, { case: caseEvidence });
    const calls: ToolCallRecord[] = [caseCall];
    const run = async (name: string, args: Record<string, unknown>) => {
      const call: RequestedToolCall = { id: `code-${calls.length + 1}`, name, args };
      const out = await runReadTool(deps.ports, call, 'code', evidence, calls, deps.limits.tools);
      calls.push(out.record);
      evidence = mergeEvidence(evidence, out.patch);
    };
    const rules = new Map(detail.findings.map((f) => [`${f.ruleId}@${f.ruleVersion}`, f]));
    for (const f of rules.values()) await run('get_rule', { ruleId: f.ruleId, version: f.ruleVersion });
    if (detail.subject.type === 'member' && detail.subject.id) await run('get_member', { memberId: detail.subject.id });
    if (detail.subject.type === 'loan' && detail.subject.id) await run('get_loan', { loanId: detail.subject.id });
    const unread = flaggedTransactionIds(evidence).filter((id) => !evidence.transactions[id]);
    for (let i = 0; i < unread.length; i += 20)
      await run('get_transactions', { transactionIds: unread.slice(i, i + 20) });
    return {
      evidence,
      figures: computeFigures(evidence),
      toolCalls: calls,
      steps: [stepOf('collect', started, deps.clock, { toolCalls: calls, detail: `${calls.length} reads` })],
    };
  };
}

/** The analyst's turn: more evidence, or a draft. The only step that talks to a model. */
export function agentNode(deps: NodeDeps) {
  return async (state: State, config: LangGraphRunnableConfig): Promise<Update> => {
    if (deps.analyst.mode !== 'offline') await checkBudget(deps.budget);
    const started = deps.clock.now();
    const ctx: InvestigationContext = {
      locale: state.locale,
      cooperative: deps.ports.cooperative,
      caseId: state.caseId,
      evidence: state.evidence,
      figures: state.figures,
      toolCalls: state.toolCalls,
      mayCallTools: state.repair === null && state.toolRounds < deps.limits.maxToolRounds,
      question: state.question,
      previousReport: state.question !== null ? state.report : null,
      repair: state.repair,
    };
    const turn = await deps.analyst.investigate(ctx, { signal: config.signal });
    if (turn.kind === 'tools' && !ctx.mayCallTools) {
      throw new MalformedModelOutputError('asked for tools when only a report was expected');
    }
    const base = { model: deps.analyst.model, usage: turn.usage };
    if (turn.kind === 'tools') {
      return {
        pendingCalls: turn.calls,
        usage: turn.usage,
        steps: [stepOf('agent', started, deps.clock, { ...base, detail: `asked for ${turn.calls.length} tool calls` })],
      };
    }
    return {
      draft: turn.draft,
      pendingCalls: [],
      usage: turn.usage,
      steps: [stepOf('agent', started, deps.clock, { ...base, detail: ctx.repair ? 'repaired draft' : 'draft' })],
    };
  };
}

/** Runs the analyst's calls through the ports, after checking each one. */
export function toolsNode(deps: NodeDeps) {
  return async (state: State): Promise<Update> => {
    const started = deps.clock.now();
    let evidence = state.evidence;
    const records: ToolCallRecord[] = [];
    for (const [i, call] of state.pendingCalls.entries()) {
      if (i >= deps.limits.maxCallsPerRound) {
        records.push({
          id: call.id,
          name: call.name,
          args: call.args && typeof call.args === 'object' ? (call.args as Record<string, unknown>) : {},
          by: 'analyst',
          status: 'rejected',
          resultBytes: 0,
          recordIds: [],
          reason: `more than ${deps.limits.maxCallsPerRound} calls in one round`,
        });
        continue;
      }
      const out = await runReadTool(
        deps.ports,
        call,
        'analyst',
        evidence,
        [...state.toolCalls, ...records],
        deps.limits.tools,
      );
      records.push(out.record);
      evidence = mergeEvidence(evidence, out.patch);
    }
    const refused = records.filter((r) => r.status === 'rejected').length;
    return {
      evidence,
      figures: computeFigures(evidence),
      toolCalls: records,
      pendingCalls: [],
      toolRounds: state.toolRounds + 1,
      steps: [
        stepOf('tools', started, deps.clock, {
          toolCalls: records,
          detail: `${records.length - refused} run, ${refused} refused`,
        }),
      ],
    };
  };
}

/** The evidence check, in code: one repair round, then bad claims are removed. */
export function checkNode(deps: NodeDeps) {
  return (state: State): Update => {
    const started = deps.clock.now();
    const draft = state.draft;
    if (!draft) throw new Error('check without a draft');
    const ctx = checkContextOf(state.evidence, state.figures, deps.ports.cooperative.currency);
    const problems = checkDraft(draft, ctx);
    if (problems.length > 0 && state.repairRounds < deps.limits.maxRepairRounds) {
      return {
        repair: { draft, problems },
        repairRounds: state.repairRounds + 1,
        draft: null,
        steps: [stepOf('check', started, deps.clock, { detail: `${problems.length} problems, sent back for repair` })],
      };
    }
    const settled = settleDraft(draft, ctx);
    const report: InvestigationReport = {
      locale: state.locale,
      ...settled,
      figures: state.figures,
      evidenceIds: seenIds(state.evidence),
      author: { mode: deps.analyst.mode, model: deps.analyst.model },
      round: state.round,
    };
    return {
      report,
      repair: null,
      draft: null,
      outcome: 'awaiting_review',
      steps: [
        stepOf('check', started, deps.clock, {
          detail: `${settled.claims.length} claims kept, ${settled.removedClaims.length} removed, ${settled.warnings.length} warnings`,
        }),
      ],
    };
  };
}

/**
 * The pause for the auditor. Nothing before `interrupt()` has a side
 * effect: on resume LangGraph runs this node again from its start.
 */
export function reviewNode(deps: NodeDeps) {
  return (state: State): Update => {
    const decision = interrupt<ReviewRequest, ReviewDecision>({
      kind: 'review',
      caseId: state.caseId,
      round: state.round,
    });
    const at = deps.clock.now();
    const step = stepOf('review', at, deps.clock, { detail: `decision: ${decision.decision}` });
    if (decision.decision === 'ask') {
      return {
        question: decision.question,
        followUps: [{ question: decision.question, at: at.toISOString(), by: decision.by ?? null }],
        round: state.round + 1,
        toolRounds: 0,
        repairRounds: 0,
        outcome: 'running',
        steps: [step],
      };
    }
    return { decision, steps: [step] };
  };
}

export function finishNode(deps: NodeDeps) {
  return (state: State): Update => {
    const at = deps.clock.now();
    const outcome = state.decision?.decision === 'confirm' ? 'confirmed' : 'dismissed';
    return { outcome, finishedAt: at.toISOString(), steps: [stepOf('finish', at, deps.clock, { detail: outcome })] };
  };
}
