import { addDays, addMonths, type IsoDate } from './iso-date.js';

export const FREQUENCIES = ['weekly', 'biweekly', 'monthly'] as const;
export type Frequency = (typeof FREQUENCIES)[number];

/** Periods in a year, used to turn an annual rate into a per-period rate. */
export const PERIODS_PER_YEAR: Readonly<Record<Frequency, number>> = { weekly: 52, biweekly: 26, monthly: 12 };

/**
 * The date `index` periods after `first` (index 0 is `first`). Monthly dates are
 * counted from `first` each time so month-end clamping does not drift.
 */
export function dateAfterPeriods(first: IsoDate, frequency: Frequency, index: number): IsoDate {
  switch (frequency) {
    case 'weekly':
      return addDays(first, 7 * index);
    case 'biweekly':
      return addDays(first, 14 * index);
    case 'monthly':
      return addMonths(first, index);
  }
}
