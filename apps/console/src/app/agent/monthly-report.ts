import type { BalancesResponse, CaseSummaryResponse, CitedTextView, FindingResponse } from '@kotizo/contracts';
import { addMonths } from '@kotizo/domain';
import type { Severity } from '@kotizo/rules-engine';

/*
 * The monthly report as the API sends it (`GET assistant/monthly-report`). Its type lives in the
 * agent library, which the console does not load (it brings LangChain); these are the fields
 * the console reads, by the same names.
 */

export interface KindTotal {
  kind: string;
  count: number;
  amount: number;
}

export interface MonthTotals {
  byKind: KindTotal[];
  cashIn: number;
  cashOut: number;
  net: number;
  movements: number;
}

export interface TotalChange {
  /** `cashIn`, `cashOut`, `net` or a kind of movement. */
  key: string;
  current: number;
  previous: number;
  delta: number;
  /** In basis points of `previous` (1 % = 100); null when `previous` is 0. */
  changeBasisPoints: number | null;
}

export interface LatePayer {
  memberId: string;
  number: number;
  fullName: string;
  amountLate: number;
  latePeriods: number;
}

export interface MonthlyReport {
  month: string;
  previousMonth: string;
  from: string;
  to: string;
  locale: 'fr' | 'en';
  cooperative: { id: string; name: string; currency: string };
  totals: MonthTotals;
  previousTotals: MonthTotals;
  changes: TotalChange[];
  closingBalances: BalancesResponse;
  latePayers: LatePayer[];
  latePayersTotal: number;
  openCases: { total: number; bySeverity: Record<Severity, number>; top: CaseSummaryResponse[] };
  notableFindings: FindingResponse[];
  narrative: CitedTextView;
  generatedAt: string;
}

/** The month `delta` months after `month` (`YYYY-MM`; before it when negative). */
export function shiftMonth(month: string, delta: number): string {
  return addMonths(`${month}-01`, delta).slice(0, 7);
}

/** The months a report can be asked for, newest first: this month and the `count - 1` before it. */
export function recentMonths(today: string, count = 24): string[] {
  const current = today.slice(0, 7);
  return Array.from({ length: count }, (_, i) => shiftMonth(current, -i));
}

/** "octobre 2026", "October 2026"; anything but `YYYY-MM` as it is. */
export function monthLabel(month: string, lang: string): string {
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) return month;
  const [year, mm] = month.split('-').map(Number) as [number, number];
  return new Intl.DateTimeFormat(lang, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    Date.UTC(year, mm - 1, 1),
  );
}

/** A change as a signed percentage ("+12,5 %"); null (nothing the month before) gives null. */
export function changePercent(basisPoints: number | null, lang: string): string | null {
  if (basisPoints === null) return null;
  return new Intl.NumberFormat(lang, {
    style: 'percent',
    maximumFractionDigits: 1,
    signDisplay: 'exceptZero',
  }).format(basisPoints / 10_000);
}

/** The rows the totals table shows: money in, out and net first, then each kind that moved in either month. */
export function changeRows(report: MonthlyReport): TotalChange[] {
  const summary = ['cashIn', 'cashOut', 'net'];
  return [
    ...summary.flatMap((key) => report.changes.filter((c) => c.key === key)),
    ...report.changes.filter((c) => !summary.includes(c.key) && (c.current !== 0 || c.previous !== 0)),
  ];
}
