import { z } from 'zod';
import type { HeldCondition, Localized, RuleSet, RuleScope, Severity } from '@kotizo/rules-engine';
import { isoDateField } from './members.js';
import { pageQuery } from './queries.js';

// ---------------------------------------------------------------- rule sets

export interface RuleSetVersionResponse {
  version: number;
  /** How the version came to be. */
  source: 'install' | 'draft' | 'rollback';
  pack: string;
  packVersion: string;
  /** Who wrote the draft it came from (null for an installed pack). */
  authorId: string | null;
  activatedBy: string | null;
  activatedAt: string;
  note: string | null;
  active: boolean;
  ruleCount: number;
}

export interface ActiveRuleSetResponse extends RuleSetVersionResponse {
  ruleSet: RuleSet;
}

export interface RuleChange {
  ruleId: string;
  change: 'added' | 'removed' | 'changed';
  /** Top-level fields of the rule that differ: `enabled`, `params.multiple`, `conditions`, `severity`... */
  fields: string[];
}

export interface RuleSetVersionDetail extends ActiveRuleSetResponse {
  /** Against the version before it (empty for the first). */
  changes: RuleChange[];
}

export interface RuleSetDraftResponse {
  basedOnVersion: number;
  ruleSet: RuleSet;
  updatedBy: string;
  updatedAt: string;
  /** Changes against the active version. */
  changes: RuleChange[];
  /** Whether the caller may activate it (maker-checker). */
  canActivate: boolean;
}

/** The rule set itself is checked by the rules engine, which names each problem by its JSON pointer. */
export const saveDraftRequest = z.strictObject({
  ruleSet: z.record(z.string(), z.unknown(), { message: 'must be a rule set object' }),
});
export type SaveDraftRequest = z.infer<typeof saveDraftRequest>;

export const validateRuleSetRequest = saveDraftRequest;

export interface RuleSetValidationResponse {
  ok: boolean;
  problems: { path: string; message: string }[];
}

export const activateDraftRequest = z.strictObject({
  note: z.string().trim().max(500).optional(),
});
export type ActivateDraftRequest = z.infer<typeof activateDraftRequest>;

export const rollbackRequest = z.strictObject({
  note: z.string().trim().min(3, 'say why (3 characters or more)').max(500),
});
export type RollbackRequest = z.infer<typeof rollbackRequest>;

export const backtestRequest = z
  .strictObject({ from: isoDateField, to: isoDateField })
  .refine((v) => v.from <= v.to, { message: 'must not be after to', path: ['from'] });
export type BacktestRequest = z.infer<typeof backtestRequest>;

export interface BacktestRuleResult {
  ruleId: string;
  name: Localized;
  severity: Severity;
  scope: RuleScope;
  draftHits: number;
  activeHits: number;
}

export interface BacktestSample {
  ruleId: string;
  subject: { type: SubjectType; id: string | null; label: string | null };
  transactionId: string | null;
  occurredOn: string | null;
  message: Localized;
}

export interface BacktestResponse {
  from: string;
  to: string;
  activeVersion: number;
  movementsChecked: number;
  loansChecked: number;
  duesChecked: number;
  rules: BacktestRuleResult[];
  /** Up to five hits per rule of the draft. */
  samples: BacktestSample[];
}

export interface PackUpdateResponse {
  pack: string;
  currentVersion: string;
  latestVersion: string;
  available: boolean;
  changes: RuleChange[];
}

export const publishPackRequest = z.strictObject({
  pack: z.record(z.string(), z.unknown(), { message: 'must be a rule pack object' }),
});
export type PublishPackRequest = z.infer<typeof publishPackRequest>;

export interface RulePackReleaseResponse {
  pack: string;
  version: string;
  ruleCount: number;
  publishedBy: string | null;
  publishedAt: string;
}

// ---------------------------------------------------------------- snoozes

export const createSnoozeRequest = z.strictObject({
  ruleId: z.string().trim().min(1).max(80),
  memberId: z.uuid({ message: 'must be a member id' }),
  until: isoDateField,
  reason: z.string().trim().min(3, 'give a reason (3 characters or more)').max(500),
});
export type CreateSnoozeRequest = z.infer<typeof createSnoozeRequest>;

export interface SnoozeResponse {
  id: string;
  ruleId: string;
  memberId: string;
  memberName: string | null;
  until: string;
  reason: string;
  createdBy: string;
  createdAt: string;
  liftedAt: string | null;
}

// ---------------------------------------------------------------- findings and cases

export const SUBJECT_TYPES = ['member', 'loan', 'cooperative'] as const;
export type SubjectType = (typeof SUBJECT_TYPES)[number];
export const CASE_STATUSES = ['open', 'investigating', 'confirmed', 'false_positive', 'resolved'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];
export const CLOSED_CASE_STATUSES: readonly CaseStatus[] = ['confirmed', 'false_positive', 'resolved'];
export const SEVERITY_LEVELS = ['low', 'medium', 'high', 'critical'] as const;

export interface FindingResponse {
  id: string;
  caseId: string;
  ruleId: string;
  ruleVersion: number;
  ruleName: Localized;
  severity: Severity;
  scope: RuleScope;
  subject: { type: SubjectType; id: string | null; label: string | null };
  /** Day (`YYYY-MM-DD`) or month (`YYYY-MM`) or due period the finding is about: one finding per rule, subject and period. */
  period: string;
  message: Localized;
  held: HeldCondition[];
  transactionIds: string[];
  occurrences: number;
  firstSeenAt: string;
  lastSeenAt: string;
}

export interface CaseSummaryResponse {
  id: string;
  number: number;
  subject: { type: SubjectType; id: string | null; label: string | null };
  severity: Severity;
  status: CaseStatus;
  assigneeId: string | null;
  assigneeName: string | null;
  ruleIds: string[];
  findingCount: number;
  openedAt: string;
  updatedAt: string;
  closedAt: string | null;
}

export interface CaseEventResponse {
  id: number;
  at: string;
  actorId: string | null;
  actorName: string | null;
  action: 'opened' | 'finding_added' | 'finding_repeated' | 'assigned' | 'status_changed' | 'commented' | 'reopened';
  data: Record<string, unknown>;
}

export interface CaseDetailResponse extends CaseSummaryResponse {
  findings: FindingResponse[];
  timeline: CaseEventResponse[];
  outcomeNote: string | null;
}

export interface CaseCounts {
  byStatus: Record<CaseStatus, number>;
  bySeverity: Record<Severity, number>;
}

export const listCasesQuery = pageQuery.extend({
  status: z.enum([...CASE_STATUSES, 'active', 'closed']).optional(),
  severity: z.enum(SEVERITY_LEVELS).optional(),
  ruleId: z.string().trim().min(1).max(80).optional(),
  assigneeId: z.uuid().optional(),
  memberId: z.uuid().optional(),
});
export type ListCasesQuery = z.output<typeof listCasesQuery>;

export interface CasePage {
  items: CaseSummaryResponse[];
  total: number;
  limit: number;
  offset: number;
  counts: CaseCounts;
}

export const assignCaseRequest = z.strictObject({
  assigneeId: z.uuid({ message: 'must be a user id' }).nullable(),
});
export type AssignCaseRequest = z.infer<typeof assignCaseRequest>;

export const commentCaseRequest = z.strictObject({
  text: z.string().trim().min(1, 'must not be empty').max(2000),
});
export type CommentCaseRequest = z.infer<typeof commentCaseRequest>;

export const changeCaseStatusRequest = z
  .strictObject({
    status: z.enum(CASE_STATUSES),
    note: z.string().trim().max(2000).optional(),
  })
  .refine((v) => !CLOSED_CASE_STATUSES.includes(v.status) || (v.note !== undefined && v.note.length >= 3), {
    message: 'closing a case needs a note (3 characters or more)',
    path: ['note'],
  });
export type ChangeCaseStatusRequest = z.infer<typeof changeCaseStatusRequest>;

// ---------------------------------------------------------------- verdicts and audit runs

export interface VerdictResponse {
  transactionId: string;
  ruleVersion: number;
  evaluatedAt: string;
  hits: { ruleId: string; severity: Severity; name: Localized; message: Localized; caseId: string | null }[];
}

export const AUDIT_KINDS = ['full', 'reevaluation'] as const;
export const startAuditRequest = z.strictObject({
  kind: z.enum(AUDIT_KINDS).optional(),
});
export type StartAuditRequest = z.infer<typeof startAuditRequest>;

export interface AuditRunResponse {
  id: string;
  kind: 'scheduled' | 'full' | 'reevaluation' | 'import';
  status: 'queued' | 'running' | 'done' | 'failed';
  ruleVersion: number | null;
  requestedBy: string | null;
  queuedAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  /** Subjects checked so far and in all. */
  progress: { done: number; total: number };
  findingsCreated: number;
  error: string | null;
}
