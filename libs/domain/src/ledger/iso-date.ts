import { DomainError } from './domain-error.js';

/**
 * A calendar date `YYYY-MM-DD` in the cooperative's own calendar: no time of day,
 * no zone. Due dates are promises made on a calendar, not instants, so the ledger
 * never converts them; `localDate` turns "now" into one of these at the edge.
 * ISO dates compare correctly as strings (`a < b`).
 */
export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MIN_DAY = daysFromCivil(1, 1, 1);
const MAX_DAY = daysFromCivil(9999, 12, 31);

interface CivilDate {
  year: number;
  month: number;
  day: number;
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

export function isIsoDate(value: string): boolean {
  return parse(value) !== null;
}

export function assertIsoDate(value: string, field: string): void {
  if (parse(value) === null)
    throw new DomainError('invalid_date', `${field} must be a calendar date YYYY-MM-DD, got "${value}"`);
}

/** The date `days` later (earlier when negative). */
export function addDays(date: IsoDate, days: number): IsoDate {
  if (!Number.isSafeInteger(days)) throw new DomainError('invalid_date', `days must be a whole number, got ${days}`);
  return fromDayNumber(toDayNumber(date) + days);
}

/**
 * The same day `months` later, clamped to the end of a shorter month: Jan 31 + 1
 * month is Feb 29 in a leap year and Feb 28 otherwise. Clamping does not stick:
 * callers that need a series add n months to the first date (Jan 31, Feb 28,
 * Mar 31), never 1 month to the previous one (which would drift to Mar 28).
 */
export function addMonths(date: IsoDate, months: number): IsoDate {
  if (!Number.isSafeInteger(months))
    throw new DomainError('invalid_date', `months must be a whole number, got ${months}`);
  const { year, month, day } = civil(date);
  const index = year * 12 + (month - 1) + months;
  const newYear = Math.floor(index / 12);
  const newMonth = index - newYear * 12 + 1;
  if (newYear < 1 || newYear > 9999)
    throw new DomainError('invalid_date', `${date} + ${months} months leaves years 0001..9999`);
  return format({ year: newYear, month: newMonth, day: Math.min(day, daysInMonth(newYear, newMonth)) });
}

/** The given day of `date`'s month, clamped to the month's last day (31 in April is the 30th). */
export function withDayOfMonth(date: IsoDate, day: number): IsoDate {
  const { year, month } = civil(date);
  if (!Number.isSafeInteger(day) || day < 1 || day > 31)
    throw new DomainError('invalid_date', `day must be 1..31, got ${day}`);
  return format({ year, month, day: Math.min(day, daysInMonth(year, month)) });
}

/** Whole calendar months from `from`'s month to `to`'s month, ignoring the days. */
export function monthsBetween(from: IsoDate, to: IsoDate): number {
  const a = civil(from);
  const b = civil(to);
  return (b.year - a.year) * 12 + (b.month - a.month);
}

/** Whole days from `from` to `to`: positive when `to` is later, 0 on the same day. */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return toDayNumber(to) - toDayNumber(from);
}

/** ISO weekday: 1 = Monday ... 7 = Sunday. */
export function isoWeekday(date: IsoDate): number {
  // Day 0 (1970-01-01) was a Thursday, ISO weekday 4.
  return ((((toDayNumber(date) + 3) % 7) + 7) % 7) + 1;
}

export function maxIsoDate(a: IsoDate, b: IsoDate): IsoDate {
  return a > b ? a : b;
}

function parse(value: string): CivilDate | null {
  const match = ISO_DATE.exec(value);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

function civil(date: IsoDate): CivilDate {
  const parsed = parse(date);
  if (!parsed) throw new DomainError('invalid_date', `Not a calendar date YYYY-MM-DD: "${date}"`);
  return parsed;
}

function format({ year, month, day }: CivilDate): IsoDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function toDayNumber(date: IsoDate): number {
  const { year, month, day } = civil(date);
  return daysFromCivil(year, month, day);
}

function fromDayNumber(dayNumber: number): IsoDate {
  if (dayNumber < MIN_DAY || dayNumber > MAX_DAY)
    throw new DomainError('invalid_date', 'Date arithmetic left years 0001..9999');
  return format(civilFromDays(dayNumber));
}

/*
 * Days since 1970-01-01 in the proleptic Gregorian calendar, and back, with integer
 * arithmetic only (H. Hinnant, "chrono-compatible low-level date algorithms"), so
 * no Date object and no host time zone is ever involved.
 */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

function civilFromDays(dayNumber: number): CivilDate {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day };
}
