import { z } from 'zod';
import type { InvestigationPorts } from '../ports/investigation-ports.js';
import { type Evidence, type EvidencePatch, ruleKey } from './evidence.js';
import type { RequestedToolCall, ToolCallRecord } from './tool-call.js';

/**
 * The read set: the only tools an analyst may call. Each maps to one or two
 * port reads. Arguments are checked here, never trusted: an id must already
 * appear in the evidence (the tools follow links between records, they do
 * not search), so a model, or text planted in a memo, cannot go fishing.
 */
const id = z.string().trim().min(1).max(64);

export const READ_TOOLS = {
  get_transactions: {
    description: 'Read movements of the ledger by id (amount, kind, member, memo, who recorded it, reversals).',
    args: z.strictObject({ transactionIds: z.array(id).min(1).max(20) }),
  },
  get_member: {
    description: 'Read a member: profile, status, savings, penalties and their latest movements.',
    args: z.strictObject({ memberId: id }),
  },
  get_loan: {
    description: 'Read a loan: terms, repayment schedule and where it stands today (arrears, days past due).',
    args: z.strictObject({ loanId: id }),
  },
  find_similar_movements: {
    description:
      'Find movements in the cooperative like a given one (same kind, similar amount or same reference, near in time).',
    args: z.strictObject({ transactionId: id }),
  },
  get_member_dues: {
    description: 'Read the dues of a member: expected contributions per period, paid, late.',
    args: z.strictObject({ memberId: id }),
  },
  get_rule: {
    description: 'Read the audit rule (conditions, parameters, texts) at the version that produced a finding.',
    args: z.strictObject({ ruleId: id, version: z.number().int().min(1) }),
  },
} as const;

export type ReadToolName = keyof typeof READ_TOOLS;
export const READ_TOOL_NAMES = Object.keys(READ_TOOLS) as ReadToolName[];

export function isReadTool(name: string): name is ReadToolName {
  return Object.hasOwn(READ_TOOLS, name);
}

/** Tool definitions in the OpenAI format, for `bindTools`. */
export function readToolDefinitions(): {
  type: 'function';
  function: { name: string; description: string; parameters: Record<string, unknown> };
}[] {
  return READ_TOOL_NAMES.map((name) => ({
    type: 'function' as const,
    function: { name, description: READ_TOOLS[name].description, parameters: z.toJSONSchema(READ_TOOLS[name].args) },
  }));
}

export interface ReadToolLimits {
  /** Movements of a member's history read by `get_member`. */
  historyLimit: number;
  similarWindowDays: number;
  similarLimit: number;
}

export const DEFAULT_READ_TOOL_LIMITS: ReadToolLimits = { historyLimit: 50, similarWindowDays: 30, similarLimit: 20 };

export interface ToolOutcome {
  record: ToolCallRecord;
  patch: EvidencePatch;
}

/** Ids a tool may be asked about: the records read and the ids they mention. */
export function mentionedIds(evidence: Evidence): Set<string> {
  const ids = new Set<string>();
  const add = (v: string | null | undefined) => v && ids.add(v);
  const c = evidence.case;
  if (c) {
    add(c.id);
    add(c.subject.id);
    for (const f of c.findings) {
      add(f.id);
      add(f.subject.id);
      f.transactionIds.forEach(add);
    }
  }
  for (const t of Object.values(evidence.transactions)) {
    [t.id, t.memberId, t.loanId, t.reversesId, t.reversedById].forEach(add);
  }
  for (const m of Object.keys(evidence.members)) add(m);
  for (const l of Object.values(evidence.loans)) {
    [l.id, l.memberId, ...l.guarantorIds].forEach(add);
  }
  for (const list of Object.values(evidence.similar)) list.forEach(add);
  return ids;
}

/** Canonical form of a call, to answer a repeated call from the evidence. */
export function callKey(name: string, args: unknown): string {
  return `${name}:${JSON.stringify(args, (_k, v: unknown) => (v && typeof v === 'object' && !Array.isArray(v) ? sortKeys(v) : v))}`;
}

function sortKeys(o: object): Record<string, unknown> {
  return Object.fromEntries(Object.entries(o).sort(([a], [b]) => a.localeCompare(b)));
}

const bytes = (v: unknown) => Buffer.byteLength(JSON.stringify(v ?? null));

/**
 * Runs one requested call: checks it, answers a repeat from the evidence,
 * or reads through the ports. Never throws for a bad call (it is recorded as
 * rejected); port errors do propagate, so the step is retried.
 */
export async function runReadTool(
  ports: InvestigationPorts,
  call: RequestedToolCall,
  by: ToolCallRecord['by'],
  evidence: Evidence,
  done: readonly ToolCallRecord[],
  limits: ReadToolLimits = DEFAULT_READ_TOOL_LIMITS,
): Promise<ToolOutcome> {
  const base = { id: call.id, name: call.name, by, resultBytes: 0, recordIds: [] as string[] };
  const argsRecord = call.args && typeof call.args === 'object' ? (call.args as Record<string, unknown>) : {};
  const reject = (reason: string): ToolOutcome => ({
    record: { ...base, args: argsRecord, status: 'rejected', reason },
    patch: {},
  });
  if (!isReadTool(call.name)) return reject('not a read tool: the agent can only read');
  const parsed = READ_TOOLS[call.name].args.safeParse(call.args);
  if (!parsed.success)
    return reject(
      `bad arguments: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'args'} ${i.message}`).join('; ')}`,
    );
  const args = parsed.data as Record<string, unknown>;
  const unknown = idsIn(call.name, args).filter((x) => !mentionedIds(evidence).has(x));
  if (unknown.length > 0) return reject(`ids never seen in the records: ${unknown.join(', ')}`);
  if (call.name === 'get_rule' && !evidence.case?.findings.some((f) => f.ruleId === args['ruleId'])) {
    return reject('only the rules of the case’s findings can be read');
  }
  const key = callKey(call.name, args);
  const earlier = done.find((d) => (d.status === 'ok' || d.status === 'not_found') && callKey(d.name, d.args) === key);
  if (earlier) return { record: { ...base, args, status: 'cached', recordIds: earlier.recordIds }, patch: {} };
  const read = await readThroughPorts(ports, call.name, args, limits);
  return {
    record: {
      ...base,
      args,
      status: read.recordIds.length > 0 ? 'ok' : 'not_found',
      resultBytes: read.bytes,
      recordIds: read.recordIds,
    },
    patch: read.patch,
  };
}

function idsIn(name: ReadToolName, args: Record<string, unknown>): string[] {
  switch (name) {
    case 'get_transactions':
      return args['transactionIds'] as string[];
    case 'get_member':
    case 'get_member_dues':
      return [args['memberId'] as string];
    case 'get_loan':
      return [args['loanId'] as string];
    case 'find_similar_movements':
      return [args['transactionId'] as string];
    case 'get_rule':
      return [];
  }
}

interface PortRead {
  patch: EvidencePatch;
  recordIds: string[];
  bytes: number;
}

async function readThroughPorts(
  ports: InvestigationPorts,
  name: ReadToolName,
  args: Record<string, unknown>,
  limits: ReadToolLimits,
): Promise<PortRead> {
  switch (name) {
    case 'get_transactions': {
      const wanted = args['transactionIds'] as string[];
      const found = (await ports.getTransactions(wanted)).filter((t) => wanted.includes(t.id));
      const ids = found.map((t) => t.id);
      return {
        patch: {
          transactions: Object.fromEntries(found.map((t) => [t.id, t])),
          missing: wanted.filter((w) => !ids.includes(w)),
        },
        recordIds: ids,
        bytes: bytes(found),
      };
    }
    case 'get_member': {
      const memberId = args['memberId'] as string;
      const member = await ports.getMember(memberId);
      if (!member || member.id !== memberId)
        return { patch: { missing: [memberId] }, recordIds: [], bytes: bytes(member) };
      const history = (await ports.listMemberMovements(memberId, { limit: limits.historyLimit })).filter(
        (t) => t.memberId === memberId,
      );
      return {
        patch: {
          members: { [memberId]: member },
          memberMovements: { [memberId]: history.map((t) => t.id) },
          transactions: Object.fromEntries(history.map((t) => [t.id, t])),
        },
        recordIds: [memberId, ...history.map((t) => t.id)],
        bytes: bytes(member) + bytes(history),
      };
    }
    case 'get_loan': {
      const loanId = args['loanId'] as string;
      const loan = await ports.getLoan(loanId);
      if (!loan || loan.id !== loanId) return { patch: { missing: [loanId] }, recordIds: [], bytes: bytes(loan) };
      return { patch: { loans: { [loanId]: loan } }, recordIds: [loanId], bytes: bytes(loan) };
    }
    case 'find_similar_movements': {
      const transactionId = args['transactionId'] as string;
      const similar = (
        await ports.findSimilarMovements({
          transactionId,
          windowDays: limits.similarWindowDays,
          limit: limits.similarLimit,
        })
      ).filter((t) => t.id !== transactionId);
      return {
        patch: {
          similar: { [transactionId]: similar.map((t) => t.id) },
          transactions: Object.fromEntries(similar.map((t) => [t.id, t])),
        },
        // The search itself answered, even with nothing similar.
        recordIds: [transactionId, ...similar.map((t) => t.id)],
        bytes: bytes(similar),
      };
    }
    case 'get_member_dues': {
      const memberId = args['memberId'] as string;
      const dues = await ports.getMemberDues(memberId);
      if (!dues || dues.memberId !== memberId)
        return { patch: { missing: [memberId] }, recordIds: [], bytes: bytes(dues) };
      return { patch: { dues: { [memberId]: dues } }, recordIds: [memberId], bytes: bytes(dues) };
    }
    case 'get_rule': {
      const ruleId = args['ruleId'] as string;
      const version = args['version'] as number;
      const rule = await ports.getRule(ruleId, version);
      if (!rule || rule.id !== ruleId) return { patch: {}, recordIds: [], bytes: bytes(rule) };
      return {
        patch: { rules: { [ruleKey(ruleId, version)]: rule } },
        recordIds: [`rule:${ruleKey(ruleId, version)}`],
        bytes: bytes(rule),
      };
    }
  }
}
