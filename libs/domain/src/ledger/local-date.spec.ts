import { localDate } from './local-date.js';
import { domainErrorCode } from './testing/builders.js';

describe('localDate', () => {
  // Kiritimati is UTC+14, Adak UTC-10 (UTC-9 in summer): the same instant is a
  // different calendar day in each, and the UTC date agrees with only one of them.
  const lateEvening = new Date('2024-01-15T23:30:00Z');
  const earlyMorning = new Date('2024-01-15T05:00:00Z');

  it.each([
    [lateEvening, 'UTC', '2024-01-15'],
    [lateEvening, 'Pacific/Kiritimati', '2024-01-16'],
    [lateEvening, 'America/Adak', '2024-01-15'],
    [lateEvening, 'Africa/Abidjan', '2024-01-15'],
    [lateEvening, 'Africa/Douala', '2024-01-16'],
    [earlyMorning, 'UTC', '2024-01-15'],
    [earlyMorning, 'Pacific/Kiritimati', '2024-01-15'],
    [earlyMorning, 'America/Adak', '2024-01-14'],
  ])('%o in %s is %s', (instant, zone, expected) => {
    expect(localDate(instant, zone)).toBe(expected);
  });

  it('follows daylight saving time (Adak is UTC-9 in July)', () => {
    expect(localDate(new Date('2024-07-01T09:30:00Z'), 'America/Adak')).toBe('2024-07-01');
    expect(localDate(new Date('2024-01-01T09:30:00Z'), 'America/Adak')).toBe('2023-12-31');
  });

  it('crosses a leap day and a year end', () => {
    expect(localDate(new Date('2024-02-28T12:00:00Z'), 'Pacific/Kiritimati')).toBe('2024-02-29');
    expect(localDate(new Date('2024-12-31T11:00:00Z'), 'Pacific/Kiritimati')).toBe('2025-01-01');
  });

  it('refuses an unknown zone and an invalid instant', () => {
    expect(domainErrorCode(() => localDate(lateEvening, 'Africa/Atlantis'))).toBe('invalid_time_zone');
    expect(domainErrorCode(() => localDate(new Date(Number.NaN), 'UTC'))).toBe('invalid_date');
  });
});
