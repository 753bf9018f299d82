import type {
  BalancesResponse,
  CaseDetailResponse,
  LoanResponse,
  MemberDuesResponse,
  TransactionResponse,
} from '@kotizo/contracts';
import { addDays } from '@kotizo/domain';
import type { Locale } from '@kotizo/rules-engine';
import type { TextWriter } from '../analyst/analyst.js';
import type { TokenBudget } from '../budget/token-budget.js';
import { type Clock, systemClock } from '../clock.js';
import type { RecordKind } from '../evidence/evidence.js';
import type { AssistantPorts } from '../ports/assistant-ports.js';
import type { MemberProfile } from '../ports/investigation-ports.js';
import { type CheckContext, knownNumbers } from '../report/claim-checker.js';
import { citedFromParts } from './cited-text.js';
import { monthTotals as movementSums } from './monthly-figures.js';
import { writeChecked, type WrittenText } from './checked-writing.js';
import { explainCashParts, explainMemberParts, explainMovementParts, explainNotFoundParts } from './explain-text.js';

export type ExplainSubject =
  | { kind: 'movement'; transactionId: string }
  | { kind: 'member-balance'; memberId: string }
  /** Cash that does not reconcile: the balance, recent movements, the cases about cash. */
  | { kind: 'cash'; asOf: string };

/** The records an explanation read: what its citations point at. */
export interface ExplanationRecords {
  transactions: TransactionResponse[];
  members: MemberProfile[];
  loans: LoanResponse[];
  dues: MemberDuesResponse[];
  cases: CaseDetailResponse[];
  balances: BalancesResponse | null;
}

export interface Explanation {
  subject: ExplainSubject;
  /** False when the subject does not exist or the caller may not see it: then nothing is told about it. */
  found: boolean;
  answer: WrittenText;
  records: ExplanationRecords;
}

export interface ExplainOptions {
  ports: AssistantPorts;
  subject: ExplainSubject;
  locale: Locale;
  /** The user's own words, if they asked something. */
  question?: string;
  writer?: TextWriter | null;
  budget?: TokenBudget;
  clock?: Clock;
  onToken?: (token: string) => void;
  signal?: AbortSignal;
}

const NONE: ExplanationRecords = { transactions: [], members: [], loans: [], dues: [], cases: [], balances: null };

/**
 * Explains a movement, a member's balance or the cash, from records read
 * through the ports (bound to the caller's cooperative and rights) and
 * citing them. A subject the caller may not see gets the same answer as one
 * that does not exist.
 */
export async function explain(options: ExplainOptions): Promise<Explanation> {
  const records = await gather(options.ports, options.subject);
  const clock = options.clock ?? systemClock;
  const l = options.locale;
  const currency = options.ports.cooperative.currency;
  const ctx = checkContext(records, currency);
  const found = isFound(options.subject, records);
  const parts = () =>
    !found
      ? explainNotFoundParts(options.subject, l)
      : options.subject.kind === 'movement'
        ? explainMovementParts(options.subject.transactionId, records, l, currency)
        : options.subject.kind === 'member-balance'
          ? explainMemberParts(options.subject.memberId, records, l, currency)
          : explainCashParts(options.subject.asOf, records, l, currency);
  const offline = () => citedFromParts(parts(), ctx);
  const answer = !found
    ? {
        ...offline(),
        author: { mode: 'offline' as const, model: 'offline-analyst' },
        fallbackReason: null,
        usage: { inputTokens: 0, outputTokens: 0 },
      }
    : await writeChecked(
        {
          locale: l,
          description: `explain ${describe(options.subject)} to the treasurer, citing the records.`,
          request: `Explain ${describe(options.subject)}.${options.question ? ` The user asks (their words, JSON-encoded): ${JSON.stringify(options.question)}.` : ''}`,
          data: { cooperative: { name: options.ports.cooperative.name, currency }, subject: options.subject, records },
        },
        ctx,
        offline,
        {
          writer: options.writer,
          budget: options.budget,
          cooperativeId: options.ports.cooperative.id,
          purpose: `explain:${options.subject.kind}`,
          clock,
          onToken: options.onToken,
          signal: options.signal,
        },
      );
  if (!found) options.onToken?.(answer.text);
  return { subject: options.subject, found, answer, records: found ? records : NONE };
}

function describe(s: ExplainSubject): string {
  switch (s.kind) {
    case 'movement':
      return `the movement ${s.transactionId}: what it is, who recorded it, what it is linked to, whether it is usual`;
    case 'member-balance':
      return `the balance of the member ${s.memberId}: savings, what their movements add up to, dues`;
    case 'cash':
      return `the cash position on ${s.asOf} and any gap with the books`;
  }
}

function isFound(s: ExplainSubject, r: ExplanationRecords): boolean {
  switch (s.kind) {
    case 'movement':
      return r.transactions.some((t) => t.id === s.transactionId);
    case 'member-balance':
      return r.members.some((m) => m.id === s.memberId);
    case 'cash':
      return r.balances !== null;
  }
}

async function gather(ports: AssistantPorts, s: ExplainSubject): Promise<ExplanationRecords> {
  switch (s.kind) {
    case 'movement':
      return gatherMovement(ports, s.transactionId);
    case 'member-balance': {
      const member = await ports.getMember(s.memberId);
      if (!member || member.id !== s.memberId) return NONE;
      const [movements, dues] = await Promise.all([
        ports.listMemberMovements(member.id, { limit: 200 }),
        ports.getMemberDues(member.id),
      ]);
      return {
        ...NONE,
        members: [member],
        transactions: movements.filter((t) => t.memberId === member.id),
        dues: dues ? [dues] : [],
      };
    }
    case 'cash': {
      const [balances, movements, open] = await Promise.all([
        ports.getBalances(s.asOf),
        ports.listMovements({ from: addDays(s.asOf, -29), to: s.asOf }),
        ports.listOpenCases(),
      ]);
      const cashCases = open
        .filter((c) => c.ruleIds.some((r) => r === 'cash-does-not-reconcile' || r === 'negative-cash'))
        .slice(0, 3);
      const cases = (await Promise.all(cashCases.map((c) => ports.getCase(c.id)))).filter(
        (c): c is CaseDetailResponse => c !== null,
      );
      return { ...NONE, balances, transactions: movements, cases: cases.map((c) => ({ ...c, timeline: [] })) };
    }
  }
}

async function gatherMovement(ports: AssistantPorts, transactionId: string): Promise<ExplanationRecords> {
  const [t] = (await ports.getTransactions([transactionId])).filter((x) => x.id === transactionId);
  if (!t) return NONE;
  const linkedIds = [t.reversesId, t.reversedById].filter((x): x is string => x !== null);
  const [linked, member, history, loan, similar] = await Promise.all([
    linkedIds.length > 0 ? ports.getTransactions(linkedIds) : Promise.resolve([]),
    t.memberId ? ports.getMember(t.memberId) : Promise.resolve(null),
    t.memberId ? ports.listMemberMovements(t.memberId, { limit: 50 }) : Promise.resolve([]),
    t.loanId ? ports.getLoan(t.loanId) : Promise.resolve(null),
    ports.findSimilarMovements({ transactionId, windowDays: 30, limit: 10 }),
  ]);
  const byId = new Map<string, TransactionResponse>();
  for (const x of [t, ...linked, ...history, ...similar]) byId.set(x.id, x);
  return {
    ...NONE,
    transactions: [...byId.values()],
    members: member ? [member] : [],
    loans: loan ? [loan] : [],
  };
}

function checkContext(r: ExplanationRecords, currency: string): CheckContext {
  const citable = new Map<string, RecordKind>();
  for (const t of r.transactions) citable.set(t.id, 'transaction');
  for (const m of r.members) citable.set(m.id, 'member');
  for (const l of r.loans) citable.set(l.id, 'loan');
  for (const c of r.cases) {
    citable.set(c.id, 'case');
    for (const f of c.findings) citable.set(f.id, 'finding');
  }
  return { citable, numbers: knownNumbers({ ...r, derived: derivedNumbers(r) }, [], currency) };
}

/** The sums the offline texts state, given to the check so that a model may state them too. */
function derivedNumbers(r: ExplanationRecords): number[] {
  const s = movementSums(r.transactions);
  return [...s.byKind.map((k) => k.amount), s.cashIn, s.cashOut, s.net, ...s.byKind.map((k) => k.count)];
}
