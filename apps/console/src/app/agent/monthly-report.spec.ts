import { aMonthlyReport } from '../testing/agent-builders';
import { changePercent, changeRows, monthLabel, recentMonths, shiftMonth } from './monthly-report';

describe('monthly report helpers', () => {
  it('lists the months to choose from, newest first, across a new year', () => {
    expect(recentMonths('2026-02-14', 4)).toEqual(['2026-02', '2026-01', '2025-12', '2025-11']);
    expect(shiftMonth('2026-12', 1)).toBe('2027-01');
  });

  it('names a month in the interface language, and leaves anything else as it is', () => {
    expect(monthLabel('2026-10', 'fr')).toBe('octobre 2026');
    expect(monthLabel('2026-10', 'en')).toBe('October 2026');
    expect(monthLabel('2026-13', 'fr')).toBe('2026-13');
  });

  it('shows a change as a signed percentage, none when the month before had nothing', () => {
    expect(changePercent(2000, 'en')).toBe('+20%');
    expect(changePercent(-1250, 'en')).toBe('-12.5%');
    expect(changePercent(0, 'en')).toBe('0%');
    expect(changePercent(null, 'en')).toBeNull();
  });

  it('puts money in, out and net first, and leaves out kinds that moved in neither month', () => {
    expect(changeRows(aMonthlyReport()).map((row) => row.key)).toEqual([
      'cashIn',
      'cashOut',
      'net',
      'contribution',
      'expense',
    ]);
  });
});
