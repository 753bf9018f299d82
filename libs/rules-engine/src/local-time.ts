import { type EvaluationClock } from './facts.js';

/**
 * Calendar dates and times of day in a cooperative's zone, with nothing but
 * `Intl.DateTimeFormat` (no date library: we need zone offsets, nothing
 * else). Days are counted from 1970-01-01; parsing is strict ISO 8601 so
 * that no string is read in the server's own zone.
 */

export const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

/** Days from 1970-01-01 to a proleptic Gregorian date (H. Hinnant's days_from_civil). */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** The number written with `length` digits at `start`, or -1. */
function digits(text: string, start: number, length: number): number {
  let n = 0;
  for (let i = start; i < start + length; i++) {
    const c = text.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

/** Days since 1970-01-01 of `YYYY-MM-DD` at `start`, NaN when not a real date (years 1000-9999). */
function calendarDayAt(text: string, start: number): number {
  const year = digits(text, start, 4);
  const month = digits(text, start + 5, 2);
  const day = digits(text, start + 8, 2);
  if (text.charCodeAt(start + 4) !== 45 || text.charCodeAt(start + 7) !== 45) return NaN;
  if (year < 1000 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return NaN;
  return daysFromCivil(year, month, day);
}

/** `YYYY-MM-DD` → days since 1970-01-01; NaN for anything else. */
export function parseCalendarDay(text: string): number {
  return text.length === 10 ? calendarDayAt(text, 0) : NaN;
}

/**
 * An instant written `YYYY-MM-DDTHH:MM[:SS[.fraction]]` followed by `Z` or
 * `±HH:MM` → epoch milliseconds; NaN for anything else, in particular for a
 * timestamp without a zone (JavaScript would read it in the server's zone).
 */
export function parseInstant(text: string): number {
  const n = text.length;
  if (n < 17 || text.charCodeAt(10) !== 84 /* T */ || text.charCodeAt(13) !== 58 /* : */) return NaN;
  const day = calendarDayAt(text, 0);
  const hour = digits(text, 11, 2);
  const minute = digits(text, 14, 2);
  if (day !== day || hour < 0 || hour > 23 || minute < 0 || minute > 59) return NaN;
  let ms = day * DAY_MS + hour * HOUR_MS + minute * 60_000;
  let i = 16;
  if (text.charCodeAt(i) === 58) {
    const second = digits(text, i + 1, 2);
    if (second < 0 || second > 59) return NaN;
    ms += second * 1000;
    i += 3;
    if (text.charCodeAt(i) === 46 /* . */) {
      const start = ++i;
      // Milliseconds from the first three digits; finer ones (up to nine) are dropped.
      let scale = 100;
      while (i < n && i - start < 9 && text.charCodeAt(i) >= 48 && text.charCodeAt(i) <= 57) {
        ms += (text.charCodeAt(i) - 48) * scale;
        scale = scale >= 10 ? scale / 10 : 0;
        i++;
      }
      if (i === start) return NaN;
    }
  }
  const sign = text.charCodeAt(i);
  if (sign === 90 /* Z */ && i === n - 1) return ms;
  if ((sign === 43 || sign === 45) && i === n - 6 && text.charCodeAt(i + 3) === 58) {
    const offsetHours = digits(text, i + 1, 2);
    const offsetMinutes = digits(text, i + 4, 2);
    if (offsetHours < 0 || offsetHours > 23 || offsetMinutes < 0 || offsetMinutes > 59) return NaN;
    const offset = (offsetHours * 60 + offsetMinutes) * 60_000;
    return sign === 43 ? ms - offset : ms + offset;
  }
  return NaN;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    try {
      formatter = new Intl.DateTimeFormat('en-US', {
        timeZone,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      });
    } catch {
      throw new RangeError(`Unknown time zone "${timeZone}"`);
    }
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** Local wall-clock time minus UTC at `epochMs`, from Intl (slow: about a microsecond). */
function computeOffsetMs(timeZone: string, epochMs: number): number {
  const wholeSeconds = Math.floor(epochMs / 1000) * 1000;
  let year = 0;
  let month = 0;
  let day = 0;
  let hour = 0;
  let minute = 0;
  let second = 0;
  for (const part of formatterFor(timeZone).formatToParts(wholeSeconds)) {
    if (part.type === 'year') year = Number(part.value);
    else if (part.type === 'month') month = Number(part.value);
    else if (part.type === 'day') day = Number(part.value);
    else if (part.type === 'hour') hour = Number(part.value);
    else if (part.type === 'minute') minute = Number(part.value);
    else if (part.type === 'second') second = Number(part.value);
  }
  const local = daysFromCivil(year, month, day) * DAY_MS + hour * HOUR_MS + minute * 60_000 + second * 1000;
  return local - wholeSeconds;
}

/**
 * Offsets cached per zone and UTC hour. An hour is cached only when the
 * offset is the same at both of its ends; an hour holding a transition (DST,
 * or an odd historical one) is computed each time.
 */
const offsetCache = new Map<string, Map<number, number>>();
const MAX_CACHED_HOURS = 50_000;

/** The offset through a whole UTC hour, or null when it changes within that hour. */
function hourOffsetMs(timeZone: string, hour: number): number | null {
  let hours = offsetCache.get(timeZone);
  if (!hours) {
    hours = new Map();
    offsetCache.set(timeZone, hours);
  }
  const cached = hours.get(hour);
  if (cached !== undefined) return cached;
  const start = computeOffsetMs(timeZone, hour * HOUR_MS);
  if (computeOffsetMs(timeZone, hour * HOUR_MS + HOUR_MS - 1) !== start) return null;
  if (hours.size >= MAX_CACHED_HOURS) hours.clear();
  hours.set(hour, start);
  return start;
}

// The last zone and hour looked up: the timestamps of one evaluation are mostly in the same hour.
let lastOffsetZone = '';
let lastOffsetHour = NaN;
let lastOffset = 0;

/** Local wall-clock time minus UTC at `epochMs` in `timeZone`. */
export function zoneOffsetMs(timeZone: string, epochMs: number): number {
  const hour = Math.floor(epochMs / HOUR_MS);
  if (hour !== lastOffsetHour || timeZone !== lastOffsetZone) {
    const offset = hourOffsetMs(timeZone, hour);
    if (offset === null) return computeOffsetMs(timeZone, epochMs);
    lastOffsetZone = timeZone;
    lastOffsetHour = hour;
    lastOffset = offset;
  }
  return lastOffset;
}

/** Local calendar day (days since 1970-01-01) of an instant in `timeZone`. */
export function localDayOfInstant(epochMs: number, timeZone: string): number {
  return Math.floor((epochMs + zoneOffsetMs(timeZone, epochMs)) / DAY_MS);
}

/** Milliseconds since local midnight of an instant in `timeZone`. */
export function localTimeOfDayMs(epochMs: number, timeZone: string): number {
  const local = epochMs + zoneOffsetMs(timeZone, epochMs);
  return local - Math.floor(local / DAY_MS) * DAY_MS;
}

// The last date read: the rules of one evaluation read the same few dates
// and timestamps (occurredOn, recordedAt) over and over.
let lastDayText = '';
let lastDayZone = '';
let lastDay = NaN;

/**
 * The local day of a fact value: a calendar date `YYYY-MM-DD` is taken as it
 * is (dates are stored in the cooperative's zone), a timestamp is converted
 * to `timeZone`. NaN for anything else.
 */
export function localDayOf(value: unknown, timeZone: string): number {
  if (typeof value !== 'string') return NaN;
  if (value === lastDayText && timeZone === lastDayZone) return lastDay;
  let day: number;
  if (value.length === 10) day = parseCalendarDay(value);
  else {
    const instant = parseInstantCached(value);
    day = instant === instant ? localDayOfInstant(instant, timeZone) : NaN;
  }
  lastDayText = value;
  lastDayZone = timeZone;
  lastDay = day;
  return day;
}

// The last timestamp parsed, for the same reason.
let lastText = '';
let lastInstant = NaN;

/** parseInstant, remembering the last string. */
export function parseInstantCached(text: string): number {
  if (text !== lastText) {
    lastInstant = parseInstant(text);
    lastText = text;
  }
  return lastInstant;
}

/** `HH:MM` (00:00-23:59) → minutes since midnight; NaN for anything else. */
export function parseTimeOfDay(value: unknown): number {
  if (typeof value !== 'string' || value.length !== 5 || value.charCodeAt(2) !== 58) return NaN;
  const hour = digits(value, 0, 2);
  const minute = digits(value, 3, 2);
  return hour < 0 || hour > 23 || minute < 0 || minute > 59 ? NaN : hour * 60 + minute;
}

// The last clock seen: an evaluation run checks many subjects at one instant.
let lastNow = '';
let lastZone = '';
let lastToday = NaN;

/** Today for the clock: the local date of `clock.now` in `clock.timeZone`. Throws on a malformed clock. */
export function todayOf(clock: EvaluationClock): number {
  if (clock.now === lastNow && clock.timeZone === lastZone) return lastToday;
  const instant = parseInstant(clock.now);
  if (instant !== instant) throw new RangeError(`Invalid clock: now "${clock.now}" is not an ISO instant`);
  const today = localDayOfInstant(instant, clock.timeZone);
  lastNow = clock.now;
  lastZone = clock.timeZone;
  lastToday = today;
  return today;
}
