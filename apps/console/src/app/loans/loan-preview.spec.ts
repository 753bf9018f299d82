import { previewSchedule } from './loan-preview';

describe('previewSchedule', () => {
  it('gives the schedule the API will fix, as if paid out today', () => {
    // The API e2e example: 2 % a month, flat, 3 months.
    const preview = previewSchedule(
      { principal: 100_000, annualRateBasisPoints: 2400, method: 'flat', installments: 3, frequency: 'monthly' },
      '2026-01-15',
    );
    expect(preview?.schedule.map((i) => [i.dueDate, i.principal, i.interest])).toEqual([
      ['2026-02-15', 33_333, 2_000],
      ['2026-03-15', 33_333, 2_000],
      ['2026-04-15', 33_334, 2_000],
    ]);
    expect(preview?.totals).toEqual({ principal: 100_000, interest: 6_000, total: 106_000 });
  });

  it('starts weekly and fortnightly loans one period later', () => {
    const terms = { principal: 10_000, annualRateBasisPoints: 0, method: 'declining', installments: 2 } as const;
    expect(previewSchedule({ ...terms, frequency: 'weekly' }, '2026-11-25')?.schedule[0]?.dueDate).toBe('2026-12-02');
    expect(previewSchedule({ ...terms, frequency: 'biweekly' }, '2026-11-25')?.schedule[1]?.dueDate).toBe('2026-12-23');
  });

  it('is null for terms that are not a loan', () => {
    expect(
      previewSchedule(
        { principal: 0, annualRateBasisPoints: 1200, method: 'flat', installments: 3, frequency: 'monthly' },
        '2026-11-25',
      ),
    ).toBeNull();
  });
});
