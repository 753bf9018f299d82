import type { DashboardBucket, DashboardResponse, DashboardSeverity } from '@kotizo/contracts';
import type { DashboardGranularity } from '@kotizo/contracts';

/** One bar or slice of an ngx-charts chart. */
export interface ChartPoint {
  name: string;
  value: number;
  /** The amount in minor units, for tooltips and tables. */
  extra?: { minor: number };
}

/** A group of bars (ngx-charts "multi" data). */
export interface ChartGroup {
  name: string;
  series: ChartPoint[];
}

/** Minor units to a number of the currency's major unit, what the chart's axis shows (5000 XOF → 5000, 1250 EUR → 12.5). */
export function toMajor(minor: number, digits: number): number {
  return minor / 10 ** digits;
}

const utc = (day: string) => Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)));

/** A bucket's label: "nov. 2026" for a month, "23 nov." (its first day) for a week. */
export function bucketLabel(
  bucket: Pick<DashboardBucket, 'start'>,
  granularity: DashboardGranularity,
  lang: string,
): string {
  const options: Intl.DateTimeFormatOptions =
    granularity === 'month'
      ? { month: 'short', year: 'numeric', timeZone: 'UTC' }
      : { day: 'numeric', month: 'short', timeZone: 'UTC' };
  return new Intl.DateTimeFormat(lang, options).format(utc(bucket.start));
}

const point = (name: string, minor: number, digits: number): ChartPoint => ({
  name,
  value: toMajor(minor, digits),
  extra: { minor },
});

/** Contributions of each bucket, oldest first, empty buckets included. */
export function contributionsSeries(d: DashboardResponse, lang: string): ChartPoint[] {
  return d.series.map((b) => point(bucketLabel(b, d.period.granularity, lang), b.contributions, d.currencyDigits));
}

/** Per bucket, loans disbursed then repayments; `names` are the two series' labels. */
export function disbursedVsRepaid(
  d: DashboardResponse,
  lang: string,
  names: { disbursed: string; repaid: string },
): ChartGroup[] {
  return d.series.map((b) => ({
    name: bucketLabel(b, d.period.granularity, lang),
    series: [
      point(names.disbursed, b.loansDisbursed, d.currencyDigits),
      point(names.repaid, b.repayments, d.currencyDigits),
    ],
  }));
}

/** Net expenses per category, largest first; `label` names a category (its translation). */
export function expensesSeries(d: DashboardResponse, label: (category: string) => string): ChartPoint[] {
  return d.expensesByCategory.map((c) => point(label(c.category), c.amount, d.currencyDigits));
}

/** Open cases per severity, most severe first (a phone reads the top bar first). */
export function severitySeries(rows: readonly DashboardSeverity[], label: (severity: string) => string): ChartPoint[] {
  return [...rows].reverse().map((r) => ({ name: label(r.severity), value: r.openCases }));
}

/** Bar colours per severity, the same as the case chips. */
export const SEVERITY_COLORS: Record<string, string> = {
  critical: '#b3261e',
  high: '#e8710a',
  medium: '#f9ab00',
  low: '#5f6368',
};

/** PAR30 as a percentage for humans: 1234 basis points → "12,3 %" in French. */
export function formatBasisPoints(basisPoints: number, lang: string): string {
  return new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 1 }).format(basisPoints / 10_000);
}
