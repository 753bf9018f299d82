import { DomainError } from './domain-error.js';
import { type IsoDate } from './iso-date.js';

const formatters = new Map<string, Intl.DateTimeFormat>();

/**
 * The calendar date an instant falls on in the cooperative's time zone. "Late" is
 * judged on the cooperative's calendar: at 23:30 UTC on the 15th it is already the
 * 16th in Douala or Kiritimati but still the 15th in Abidjan or Adak.
 */
export function localDate(instant: Date, timeZone: string): IsoDate {
  if (Number.isNaN(instant.getTime())) throw new DomainError('invalid_date', 'localDate needs a valid instant');
  const parts = formatterFor(timeZone).formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes): string => parts.find((p) => p.type === type)?.value ?? '';
  const year = part('year');
  if (!/^\d{1,4}$/.test(year) || parts.some((p) => p.type === 'era')) {
    throw new DomainError('invalid_date', 'localDate supports years 0001..9999');
  }
  return `${year.padStart(4, '0')}-${part('month')}-${part('day')}`;
}

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    try {
      // Gregorian calendar and Latin digits whatever the host's default locale.
      formatter = new Intl.DateTimeFormat('en-US-u-ca-gregory-nu-latn', {
        timeZone,
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
      });
    } catch {
      throw new DomainError('invalid_time_zone', `Unknown time zone "${timeZone}"`);
    }
    formatters.set(timeZone, formatter);
  }
  return formatter;
}
