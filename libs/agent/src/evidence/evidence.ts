import type { LoanResponse, MemberDuesResponse, TransactionResponse } from '@kotizo/contracts';
import type { RuleDefinition } from '@kotizo/rules-engine';
import type { CaseEvidence, MemberProfile } from '../ports/investigation-ports.js';

/**
 * Everything an investigation has read, keyed by id. It is the only source
 * of what a report may cite: an id absent from here was never seen.
 */
export interface Evidence {
  case: CaseEvidence | null;
  /** Rules by `ruleId@version`. */
  rules: Record<string, RuleDefinition>;
  members: Record<string, MemberProfile>;
  /** Ids of each member's movements read, newest first. */
  memberMovements: Record<string, string[]>;
  transactions: Record<string, TransactionResponse>;
  loans: Record<string, LoanResponse>;
  /** Dues by member id. */
  dues: Record<string, MemberDuesResponse>;
  /** Ids of the movements similar to a movement, by that movement's id. */
  similar: Record<string, string[]>;
  /** Ids asked for that do not exist (or that the ports would not show). */
  missing: string[];
}

export type EvidencePatch = Partial<Evidence>;

export const RECORD_KINDS = ['case', 'finding', 'transaction', 'member', 'loan'] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

/** The ids seen, by kind of record. */
export type SeenIds = Record<RecordKind, string[]>;

export function emptyEvidence(): Evidence {
  return {
    case: null,
    rules: {},
    members: {},
    memberMovements: {},
    transactions: {},
    loans: {},
    dues: {},
    similar: {},
    missing: [],
  };
}

/** The state reducer: later reads add to earlier ones; a record read twice keeps its latest copy. */
export function mergeEvidence(current: Evidence, patch: EvidencePatch): Evidence {
  return {
    case: patch.case ?? current.case,
    rules: { ...current.rules, ...patch.rules },
    members: { ...current.members, ...patch.members },
    memberMovements: { ...current.memberMovements, ...patch.memberMovements },
    transactions: { ...current.transactions, ...patch.transactions },
    loans: { ...current.loans, ...patch.loans },
    dues: { ...current.dues, ...patch.dues },
    similar: { ...current.similar, ...patch.similar },
    missing: [...new Set([...current.missing, ...(patch.missing ?? [])])],
  };
}

export function ruleKey(ruleId: string, version: number): string {
  return `${ruleId}@${version}`;
}

/**
 * Ids of the records read, by kind. Only records actually returned by a port
 * count: an id merely mentioned inside a record (a member id on a movement
 * whose member was never read) is not "seen" for a member, but the movement is.
 */
export function seenIds(evidence: Evidence): SeenIds {
  const findings = evidence.case?.findings.map((f) => f.id) ?? [];
  return {
    case: evidence.case ? [evidence.case.id] : [],
    finding: findings,
    transaction: Object.keys(evidence.transactions),
    member: Object.keys(evidence.members),
    loan: Object.keys(evidence.loans),
  };
}

/** Every citable id, with its kind. */
export function citableIds(evidence: Evidence): Map<string, RecordKind> {
  const ids = new Map<string, RecordKind>();
  const seen = seenIds(evidence);
  for (const kind of RECORD_KINDS) for (const id of seen[kind]) ids.set(id, kind);
  return ids;
}

export function transactionsOf(evidence: Evidence, ids: readonly string[]): TransactionResponse[] {
  return ids.flatMap((id) => {
    const t = evidence.transactions[id];
    return t ? [t] : [];
  });
}

/** Movements named by the case's findings, in the findings' order. */
export function flaggedTransactionIds(evidence: Evidence): string[] {
  const ids = evidence.case?.findings.flatMap((f) => f.transactionIds) ?? [];
  return [...new Set(ids)];
}
