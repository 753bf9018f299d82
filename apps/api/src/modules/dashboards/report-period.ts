import { MAX_PERIOD_DAYS } from '@kotizo/contracts';
import { addDays, addMonths, daysBetween, type IsoDate } from '@kotizo/domain';
import { ValidationFailed, fieldError } from '../../platform/errors/app-error.js';

/**
 * The period a dashboard or an export covers, defaults filled in: `to` is
 * today in the cooperative's calendar, `from` the first day of the month 11
 * months before `to` (twelve calendar months, the current one included).
 * The query schema has already refused bad dates and an explicit from > to;
 * this refuses what only the defaults reveal, one entry per field.
 */
export function reportPeriod(query: { from?: IsoDate; to?: IsoDate }, today: IsoDate): { from: IsoDate; to: IsoDate } {
  const to = query.to ?? today;
  const from = query.from ?? `${addMonths(to, -11).slice(0, 7)}-01`;
  if (from > to) throw new ValidationFailed([fieldError('from', 'on_or_before', { date: to })]);
  if (daysBetween(from, to) >= MAX_PERIOD_DAYS) {
    const earliest = addDays(to, -MAX_PERIOD_DAYS + 1);
    throw new ValidationFailed([fieldError('from', 'period_too_long', { days: MAX_PERIOD_DAYS - 1, earliest })]);
  }
  return { from, to };
}
