import type { CASE_STATUSES, CaseCounts, SEVERITY_LEVELS } from '@kotizo/contracts';
import type { RuleScope } from '@kotizo/rules-engine';

// Types only from the contracts (their values would pull zod into the bundle); each record
// below names every value of its contract type, so a new status or severity fails the build.
export type CaseStatus = (typeof CASE_STATUSES)[number];
export type SeverityLevel = (typeof SEVERITY_LEVELS)[number];

const statuses: Record<CaseStatus, { closing: boolean }> = {
  open: { closing: false },
  investigating: { closing: false },
  confirmed: { closing: true },
  false_positive: { closing: true },
  resolved: { closing: true },
};
/** Most serious first: the order of the severity filter. */
const severities: Record<SeverityLevel, true> = { critical: true, high: true, medium: true, low: true };
const scopes: Record<RuleScope, true> = { movement: true, loan: true, due: true, cooperative: true };

export const CASE_STATUS_VALUES = Object.keys(statuses) as CaseStatus[];
export const SEVERITY_VALUES = Object.keys(severities) as SeverityLevel[];
/** The order rules are grouped in on the rules page: what a treasurer records first. */
export const RULE_SCOPE_VALUES = Object.keys(scopes) as RuleScope[];

/** Closing a case (confirmed, false positive, resolved) needs a note saying why. */
export function isClosingStatus(status: CaseStatus): boolean {
  return statuses[status].closing;
}

/** The inbox's status filter: one status, `active` (open or being investigated), `closed`, or '' for all. */
export type CaseStatusFilter = CaseStatus | 'active' | 'closed' | '';
export const CASE_STATUS_FILTERS: readonly CaseStatusFilter[] = [
  'active',
  'open',
  'investigating',
  'closed',
  'confirmed',
  'false_positive',
  'resolved',
  '',
];

/** How many cases a status filter chip stands for, from the API's counts by status. */
export function countForStatus(counts: CaseCounts | null, filter: CaseStatusFilter): number | null {
  if (!counts) return null;
  const by = (status: CaseStatus) => counts.byStatus[status] ?? 0;
  const sum = (statuses: CaseStatus[]) => statuses.reduce((total, s) => total + by(s), 0);
  if (filter === 'active') return sum(CASE_STATUS_VALUES.filter((s) => !isClosingStatus(s)));
  if (filter === 'closed') return sum(CASE_STATUS_VALUES.filter(isClosingStatus));
  if (filter === '') return sum(CASE_STATUS_VALUES);
  return by(filter);
}
