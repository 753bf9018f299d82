import { monthStart, periodFromQuery, periodQuery, presetOf, presetPeriod } from './dashboard-period';

describe('dashboard periods', () => {
  const today = '2026-11-25';

  it('finds the first day of a month before or after, across years', () => {
    expect(monthStart('2026-11-25', 0)).toBe('2026-11-01');
    expect(monthStart('2026-11-25', -2)).toBe('2026-09-01');
    expect(monthStart('2026-02-28', -11)).toBe('2025-03-01');
    expect(monthStart('2026-01-31', -1)).toBe('2025-12-01');
  });

  it.each([
    ['month', '2026-11-01'],
    ['quarter', '2026-09-01'],
    ['year', '2025-12-01'],
  ] as const)('gives the %s preset from %s to today', (preset, from) => {
    const period = presetPeriod(preset, today, 'week');
    expect(period).toEqual({ from, to: today, granularity: 'week' });
    expect(presetOf(period, today)).toBe(preset);
    expect(periodQuery(period)).toEqual({ from, to: today, granularity: 'week' });
  });

  it('recognises no preset for a period of the user’s own', () => {
    expect(presetOf({ from: '2026-10-01', to: today, granularity: 'month' }, today)).toBeNull();
    expect(presetOf({ from: '2026-11-01', to: '2026-11-20', granularity: 'month' }, today)).toBeNull();
  });

  it('reads the URL, and falls back to the last 12 months by month on anything wrong', () => {
    expect(periodFromQuery({ from: '2026-10-01', to: '2026-10-31', granularity: 'week' }, today)).toEqual({
      from: '2026-10-01',
      to: '2026-10-31',
      granularity: 'week',
    });
    expect(periodFromQuery({}, today)).toEqual({ from: '2025-12-01', to: today, granularity: 'month' });
    expect(periodFromQuery({ from: 'yesterday', granularity: 'day' }, today)).toEqual({
      from: '2025-12-01',
      to: today,
      granularity: 'month',
    });
    expect(periodFromQuery({ from: '2026-11-20', to: '2026-11-01' }, today)).toEqual({
      from: '2025-12-01',
      to: today,
      granularity: 'month',
    });
  });
});
