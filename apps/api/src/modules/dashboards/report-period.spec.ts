import type { ValidationFailed } from '../../platform/errors/app-error.js';
import { reportPeriod } from './report-period.js';

describe('reportPeriod', () => {
  it('defaults to the twelve calendar months ending today', () => {
    expect(reportPeriod({}, '2026-11-25')).toEqual({ from: '2025-12-01', to: '2026-11-25' });
    expect(reportPeriod({ to: '2025-03-31' }, '2026-11-25')).toEqual({ from: '2024-04-01', to: '2025-03-31' });
    expect(reportPeriod({ from: '2026-11-01' }, '2026-11-25')).toEqual({ from: '2026-11-01', to: '2026-11-25' });
  });

  it('names the field at fault when only the defaults show it', () => {
    const problem = (query: { from?: string; to?: string }) => {
      try {
        reportPeriod(query, '2026-11-25');
      } catch (error) {
        return (error as ValidationFailed).fieldErrorsIn('en');
      }
      return null;
    };
    expect(problem({ from: '2026-12-01' })).toEqual([
      {
        field: 'from',
        code: 'on_or_before',
        params: { date: '2026-11-25' },
        message: 'must be on or before 2026-11-25',
      },
    ]);
    expect(problem({ from: '2016-11-01' })).toEqual([
      {
        field: 'from',
        code: 'period_too_long',
        params: { days: 3659, earliest: '2016-11-18' },
        message: 'must be at most 3659 days before to (2016-11-18 at the earliest)',
      },
    ]);
    expect(problem({ from: '2016-11-18' })).toBeNull();
  });
});
