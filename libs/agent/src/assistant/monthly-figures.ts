import type { CaseSummaryResponse, FindingResponse, TransactionResponse } from '@kotizo/contracts';
import type { Severity } from '@kotizo/rules-engine';
import { changeBasisPoints, sumAmounts } from '../evidence/arithmetic.js';

export interface KindTotal {
  kind: string;
  count: number;
  amount: number;
}

export interface MonthTotals {
  /** Every kind of movement, in a fixed order, zeros included. */
  byKind: KindTotal[];
  cashIn: number;
  cashOut: number;
  /** cashIn - cashOut (may be negative). */
  net: number;
  movements: number;
}

export interface Change {
  key: string;
  current: number;
  previous: number;
  delta: number;
  /** delta in basis points of `previous` (1 % = 100); null when previous is 0. */
  changeBasisPoints: number | null;
}

export const KIND_ORDER = [
  'contribution',
  'loan_disbursement',
  'repayment',
  'penalty',
  'expense',
  'income',
  'adjustment',
  'reversal',
] as const;

export function monthTotals(movements: readonly TransactionResponse[]): MonthTotals {
  const kinds = [
    ...KIND_ORDER,
    ...new Set(movements.map((t) => t.kind).filter((k) => !(KIND_ORDER as readonly string[]).includes(k))),
  ];
  const byKind = kinds.map((kind) => {
    const of = movements.filter((t) => t.kind === kind);
    return { kind, count: of.length, amount: sumAmounts(of.map((t) => t.amount)) };
  });
  const cashIn = sumAmounts(movements.filter((t) => t.direction === 1).map((t) => t.amount));
  const cashOut = sumAmounts(movements.filter((t) => t.direction === -1).map((t) => t.amount));
  return { byKind, cashIn, cashOut, net: cashIn - cashOut, movements: movements.length };
}

export function changes(current: MonthTotals, previous: MonthTotals): Change[] {
  const pairs: [string, number, number][] = [
    ['cashIn', current.cashIn, previous.cashIn],
    ['cashOut', current.cashOut, previous.cashOut],
    ['net', current.net, previous.net],
    ...current.byKind.map((k): [string, number, number] => [
      k.kind,
      k.amount,
      previous.byKind.find((p) => p.kind === k.kind)?.amount ?? 0,
    ]),
  ];
  return pairs.map(([key, cur, prev]) => ({
    key,
    current: cur,
    previous: prev,
    delta: cur - prev,
    changeBasisPoints: changeBasisPoints(cur, prev),
  }));
}

const SEVERITY_RANK: Record<Severity, number> = { critical: 0, high: 1, medium: 2, low: 3 };

export interface OpenCasesView {
  total: number;
  bySeverity: Record<Severity, number>;
  /** The most severe, oldest first within a severity; at most 5. */
  top: CaseSummaryResponse[];
}

export function openCasesView(cases: readonly CaseSummaryResponse[]): OpenCasesView {
  const bySeverity: Record<Severity, number> = { critical: 0, high: 0, medium: 0, low: 0 };
  for (const c of cases) bySeverity[c.severity] += 1;
  const top = [...cases]
    .sort(
      (a, b) =>
        SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
        a.openedAt.localeCompare(b.openedAt) ||
        a.number - b.number,
    )
    .slice(0, 5);
  return { total: cases.length, bySeverity, top };
}

/** High and critical findings of the month, most severe and most repeated first; at most 10. */
export function notableFindings(findings: readonly FindingResponse[]): FindingResponse[] {
  return findings
    .filter((f) => f.severity === 'high' || f.severity === 'critical')
    .sort(
      (a, b) =>
        SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
        b.occurrences - a.occurrences ||
        a.firstSeenAt.localeCompare(b.firstSeenAt),
    )
    .slice(0, 10);
}
