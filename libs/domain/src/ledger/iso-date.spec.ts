import { addDays, addMonths, daysBetween, isIsoDate, isoWeekday, monthsBetween, withDayOfMonth } from './iso-date.js';
import { domainErrorCode } from './testing/builders.js';
import { seededRandom } from './testing/seeded-random.js';

describe('ISO calendar dates', () => {
  it.each([
    ['2024-02-29', true],
    ['2000-02-29', true],
    ['2023-02-29', false],
    ['1900-02-29', false],
    ['2024-04-31', false],
    ['2024-13-01', false],
    ['2024-00-10', false],
    ['2024-1-01', false],
    ['0000-01-01', false],
    ['2024-01-01T00:00', false],
    ['', false],
  ])('%s is a calendar date: %s', (value, expected) => {
    expect(isIsoDate(value)).toBe(expected);
  });

  it('adds days across month, leap day and year ends', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2023-02-28', 1)).toBe('2023-03-01');
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(addDays('2024-01-15', 0)).toBe('2024-01-15');
  });

  it('adds months clamped to the end of a shorter month', () => {
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2023-01-31', 1)).toBe('2023-02-28');
    expect(addMonths('2000-01-31', 1)).toBe('2000-02-29');
    expect(addMonths('1900-01-31', 1)).toBe('1900-02-28');
    expect(addMonths('2024-01-31', 2)).toBe('2024-03-31');
    expect(addMonths('2024-10-31', 4)).toBe('2025-02-28');
    expect(addMonths('2024-02-29', 12)).toBe('2025-02-28');
    expect(addMonths('2024-03-31', -1)).toBe('2024-02-29');
    expect(addMonths('2024-01-15', -13)).toBe('2022-12-15');
  });

  it('counts days between dates, negative when going back', () => {
    expect(daysBetween('2024-01-01', '2024-01-01')).toBe(0);
    expect(daysBetween('2024-01-01', '2025-01-01')).toBe(366);
    expect(daysBetween('2023-01-01', '2024-01-01')).toBe(365);
    expect(daysBetween('2024-03-01', '2024-02-28')).toBe(-2);
  });

  it('names ISO weekdays, Monday 1 to Sunday 7', () => {
    expect(isoWeekday('2024-01-01')).toBe(1);
    expect(isoWeekday('2024-06-16')).toBe(7);
    expect(isoWeekday('1970-01-01')).toBe(4);
    expect(isoWeekday('1969-12-28')).toBe(7);
  });

  it('clamps a day of month and counts calendar months', () => {
    expect(withDayOfMonth('2024-04-10', 31)).toBe('2024-04-30');
    expect(withDayOfMonth('2023-02-01', 30)).toBe('2023-02-28');
    expect(monthsBetween('2024-01-31', '2024-02-01')).toBe(1);
    expect(monthsBetween('2024-03-01', '2023-12-31')).toBe(-3);
  });

  it('refuses impossible dates and leaving years 0001..9999', () => {
    expect(domainErrorCode(() => addDays('2024-02-30', 1))).toBe('invalid_date');
    expect(domainErrorCode(() => addDays('9999-12-31', 1))).toBe('invalid_date');
    expect(domainErrorCode(() => addMonths('0001-01-15', -1))).toBe('invalid_date');
    expect(domainErrorCode(() => addDays('2024-01-01', 1.5))).toBe('invalid_date');
    expect(domainErrorCode(() => daysBetween('2024/01/01', '2024-01-02'))).toBe('invalid_date');
  });

  it('agrees with the UTC calendar of Date for 5,000 seeded dates (property)', () => {
    const random = seededRandom(20_240_229);
    const dayMs = 86_400_000;
    const problems: string[] = [];
    for (let i = 0; i < 5_000; i += 1) {
      const start = random.int(Date.UTC(1901, 0, 1) / dayMs, Date.UTC(2199, 0, 1) / dayMs);
      const offset = random.int(-40_000, 40_000);
      const date = new Date(start * dayMs).toISOString().slice(0, 10);
      const expected = new Date((start + offset) * dayMs).toISOString().slice(0, 10);
      const weekday = new Date(start * dayMs).getUTCDay() || 7;
      if (
        addDays(date, offset) !== expected ||
        daysBetween(date, expected) !== offset ||
        isoWeekday(date) !== weekday
      ) {
        problems.push(`${date} + ${offset}`);
      }
    }
    expect(problems).toEqual([]);
  });
});
