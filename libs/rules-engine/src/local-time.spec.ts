import {
  localDayOf,
  localTimeOfDayMs,
  parseCalendarDay,
  parseInstant,
  parseTimeOfDay,
  zoneOffsetMs,
} from './local-time.js';
import { seededRandom } from './testing/fact-generator.js';

const HOUR = 3_600_000;

describe('parseInstant', () => {
  it('reads ISO timestamps with a zone, as Date.parse does', () => {
    const random = seededRandom(42);
    const pad = (n: number, width = 2) => String(n).padStart(width, '0');
    for (let i = 0; i < 2000; i++) {
      const date = `${random.int(1000, 9999)}-${pad(random.int(1, 12))}-${pad(random.int(1, 28))}`;
      const time = `${pad(random.int(0, 23))}:${pad(random.int(0, 59))}`;
      const seconds = random.pick([
        '',
        `:${pad(random.int(0, 59))}`,
        `:${pad(random.int(0, 59))}.${random.int(0, 999)}`,
      ]);
      const zone = random.pick(['Z', `+${pad(random.int(0, 14))}:${pad(random.pick([0, 30, 45]))}`, '-05:00']);
      const text = `${date}T${time}${seconds}${zone}`;
      expect([text, parseInstant(text)]).toEqual([text, Date.parse(text)]);
    }
  });

  it('keeps milliseconds and drops finer digits', () => {
    expect(parseInstant('2026-11-25T10:00:00.123456789Z')).toBe(Date.parse('2026-11-25T10:00:00.123Z'));
    expect(parseInstant('2026-11-25T10:00:00.1Z')).toBe(Date.parse('2026-11-25T10:00:00.100Z'));
  });

  it('rejects timestamps without a zone and anything not ISO', () => {
    for (const text of [
      '2026-11-25T10:00:00', // would be read in the server's zone
      '2026-11-25',
      '2026-11-25 10:00:00Z',
      '2026-11-25T24:00:00Z',
      '2026-02-29T10:00:00Z', // 2026 is not a leap year
      '2026-11-25T10:00:60Z',
      '2026-11-25T10:00:00.Z',
      '2026-11-25T10:00:00+0100',
      '2026-11-25T10:00:00z',
      'Wed, 25 Nov 2026 10:00:00 GMT',
      '0999-01-01T00:00:00Z',
    ]) {
      expect([text, parseInstant(text)]).toEqual([text, NaN]);
    }
  });
});

describe('calendar days', () => {
  it('count days from 1970-01-01 and reject impossible dates', () => {
    expect(parseCalendarDay('1970-01-01')).toBe(0);
    expect(parseCalendarDay('2026-11-25')).toBe(Date.UTC(2026, 10, 25) / 86_400_000);
    expect(parseCalendarDay('2024-02-29')).toBe(Date.UTC(2024, 1, 29) / 86_400_000);
    expect(parseCalendarDay('1969-12-31')).toBe(-1);
    for (const text of [
      '2026-02-29',
      '2026-04-31',
      '2026-13-01',
      '2026-00-10',
      '2026-1-01',
      '20261125',
      '2026/11/25',
    ]) {
      expect([text, parseCalendarDay(text)]).toEqual([text, NaN]);
    }
  });

  it('take a timestamp to its local date', () => {
    expect(localDayOf('2026-11-25T23:30:00Z', 'Africa/Abidjan')).toBe(parseCalendarDay('2026-11-25'));
    expect(localDayOf('2026-11-25T23:30:00Z', 'Europe/Paris')).toBe(parseCalendarDay('2026-11-26'));
    expect(localDayOf('2026-11-25T04:30:00Z', 'America/New_York')).toBe(parseCalendarDay('2026-11-24'));
    expect(localDayOf('2026-11-25', 'America/New_York')).toBe(parseCalendarDay('2026-11-25'));
  });
});

describe('zone offsets', () => {
  it('match Intl around the Paris daylight-saving changes, cached or not', () => {
    const spring = Date.parse('2026-03-29T01:00:00Z');
    const autumn = Date.parse('2026-10-25T01:00:00Z');
    for (let pass = 0; pass < 2; pass++) {
      expect(zoneOffsetMs('Europe/Paris', spring - 1)).toBe(HOUR);
      expect(zoneOffsetMs('Europe/Paris', spring)).toBe(2 * HOUR);
      expect(zoneOffsetMs('Europe/Paris', autumn - 1)).toBe(2 * HOUR);
      expect(zoneOffsetMs('Europe/Paris', autumn)).toBe(HOUR);
      expect(zoneOffsetMs('Africa/Abidjan', spring)).toBe(0);
    }
  });

  it('are exact in an hour that holds a half-hour transition (Lord Howe Island)', () => {
    // Lord Howe goes from +11:00 to +10:30 at 02:00 local daylight time, 15:00 UTC, on 2026-04-04.
    const change = Date.parse('2026-04-04T15:00:00Z');
    expect(zoneOffsetMs('Australia/Lord_Howe', change - 1000)).toBe(11 * HOUR);
    expect(zoneOffsetMs('Australia/Lord_Howe', change)).toBe(10.5 * HOUR);
    expect(zoneOffsetMs('Australia/Lord_Howe', change + 29 * 60_000)).toBe(10.5 * HOUR);
  });

  it('give local times of day', () => {
    expect(localTimeOfDayMs(Date.parse('2026-07-01T06:30:15Z'), 'Europe/Paris')).toBe((8.5 * 3600 + 15) * 1000);
    expect(localTimeOfDayMs(Date.parse('2026-07-01T00:00:00Z'), 'America/New_York')).toBe(20 * HOUR);
  });

  it('refuse an unknown zone loudly', () => {
    expect(() => zoneOffsetMs('Mars/Olympus_Mons', 0)).toThrow('Unknown time zone "Mars/Olympus_Mons"');
  });
});

describe('parseTimeOfDay', () => {
  it('reads HH:MM only', () => {
    expect(parseTimeOfDay('00:00')).toBe(0);
    expect(parseTimeOfDay('08:30')).toBe(510);
    expect(parseTimeOfDay('23:59')).toBe(1439);
    for (const bad of ['24:00', '8:30', '08:3', '08-30', '08:30:00', 830, null]) {
      expect(parseTimeOfDay(bad)).toBeNaN();
    }
  });
});
