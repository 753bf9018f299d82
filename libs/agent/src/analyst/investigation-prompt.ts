import type { RuleDefinition } from '@kotizo/rules-engine';
import type { Evidence } from '../evidence/evidence.js';
import type { InvestigationContext } from './analyst.js';
import { dataBlock } from './prompts.js';

/** The rule as the model needs it: what it checks and its parameters, not its condition tree. */
function ruleForPrompt(rule: RuleDefinition) {
  return {
    id: rule.id,
    name: rule.name,
    message: rule.message,
    severity: rule.severity,
    scope: rule.scope,
    params: Object.fromEntries(Object.entries(rule.params).map(([k, p]) => [k, p.value])),
  };
}

export function evidenceForPrompt(ctx: Pick<InvestigationContext, 'cooperative' | 'evidence' | 'figures'>) {
  const e: Evidence = ctx.evidence;
  return {
    cooperative: { name: ctx.cooperative.name, currency: ctx.cooperative.currency, timeZone: ctx.cooperative.timeZone },
    case: e.case,
    rules: Object.values(e.rules).map(ruleForPrompt),
    figures: ctx.figures.map((f) => ({
      key: f.key,
      value: f.value,
      unit: f.unit,
      label: f.label.en,
      sources: f.sources,
    })),
    members: Object.values(e.members),
    memberMovements: e.memberMovements,
    transactions: Object.values(e.transactions),
    loans: Object.values(e.loans),
    dues: Object.values(e.dues),
    similarMovements: e.similar,
    notFound: e.missing,
  };
}

/** The user turn: the task in our words, then the records as data. */
export function investigationUserPrompt(ctx: InvestigationContext): string {
  const caseNumber = ctx.evidence.case?.number;
  const lines = [`Task: investigate case no. ${caseNumber ?? '?'} (id ${ctx.caseId}) and report to the auditor.`];
  if (ctx.question !== null) {
    lines.push(
      `The auditor read your report and asks a follow-up question (their words, JSON-encoded): ${JSON.stringify(ctx.question)}. Gather what answers it, then submit a new complete report that answers it.`,
    );
    if (ctx.previousReport) {
      lines.push(
        `Your previous report (JSON): ${JSON.stringify({ summary: ctx.previousReport.summary, riskLevel: ctx.previousReport.riskLevel, claims: ctx.previousReport.claims.map((c) => ({ text: c.text, citedIds: c.citedIds })) })}`,
      );
    }
  }
  if (ctx.repair) {
    lines.push(
      `Your draft failed the evidence check. Submit a corrected report: cite only ids present in the data, and only numbers present in the records or figures. Draft (JSON): ${JSON.stringify(ctx.repair.draft)}. Problems (JSON): ${JSON.stringify(ctx.repair.problems)}`,
    );
  }
  const calls = ctx.toolCalls.map((c) => ({
    name: c.name,
    args: c.args,
    status: c.status,
    ...(c.reason ? { reason: c.reason } : {}),
  }));
  lines.push(`Tool calls made so far (JSON): ${JSON.stringify(calls)}`);
  lines.push(
    ctx.mayCallTools
      ? 'Call read tools if you need more records, or submit_report.'
      : 'No more tool calls: submit_report now.',
  );
  lines.push(dataBlock(evidenceForPrompt(ctx)));
  return lines.join('\n');
}
