import { DASHBOARD_GRANULARITIES, type DashboardGranularity } from '@kotizo/contracts';

export const PERIOD_PRESETS = ['month', 'quarter', 'year'] as const;
/** This month, the last 3 calendar months, the last 12 calendar months (the API's default). */
export type PeriodPreset = (typeof PERIOD_PRESETS)[number];

export interface Period {
  from: string;
  to: string;
  granularity: DashboardGranularity;
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
const MONTHS_BACK: Record<PeriodPreset, number> = { month: 0, quarter: 2, year: 11 };

/** The first day of the month `months` before (negative) or after the month of `day`. */
export function monthStart(day: string, months: number): string {
  const year = Number(day.slice(0, 4));
  const month = Number(day.slice(5, 7)) - 1 + months;
  const date = new Date(Date.UTC(year, month, 1));
  return date.toISOString().slice(0, 10);
}

/** The period of a preset ending `today` (in the cooperative's calendar). */
export function presetPeriod(preset: PeriodPreset, today: string, granularity: DashboardGranularity): Period {
  return { from: monthStart(today, -MONTHS_BACK[preset]), to: today, granularity };
}

/** The preset a period matches, if any (to highlight its button). */
export function presetOf(period: Period, today: string): PeriodPreset | null {
  return (
    PERIOD_PRESETS.find(
      (p) => presetPeriod(p, today, period.granularity).from === period.from && period.to === today,
    ) ?? null
  );
}

/**
 * The period in the URL (`?from&to&granularity`), each part checked, the rest from the default
 * (the last 12 months by month). A `from` after `to` falls back to the default.
 */
export function periodFromQuery(
  query: { from?: string | null; to?: string | null; granularity?: string | null },
  today: string,
): Period {
  const granularity = (DASHBOARD_GRANULARITIES as readonly string[]).includes(query.granularity ?? '')
    ? (query.granularity as DashboardGranularity)
    : 'month';
  const to = query.to && ISO_DAY.test(query.to) ? query.to : today;
  const from = query.from && ISO_DAY.test(query.from) ? query.from : monthStart(to, -11);
  return from <= to ? { from, to, granularity } : presetPeriod('year', today, granularity);
}

/** Query parameters of a period, for the URL and the API alike. */
export function periodQuery(period: Period): Record<string, string> {
  return { from: period.from, to: period.to, granularity: period.granularity };
}
