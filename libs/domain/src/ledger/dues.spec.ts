import { duePeriods, firstContributionDueDate } from './dues.js';
import { addDays, daysBetween, isoWeekday } from './iso-date.js';
import { domainErrorCode, duesPlan } from './testing/builders.js';
import { seededRandom } from './testing/seeded-random.js';

describe('duePeriods', () => {
  it('lists weekly periods, each running from the day after the previous due date', () => {
    expect(duePeriods(duesPlan(), '2024-01-01', '2024-01-31')).toEqual([
      { periodStart: '2024-01-03', dueDate: '2024-01-07', amount: 1_000 },
      { periodStart: '2024-01-08', dueDate: '2024-01-14', amount: 1_000 },
      { periodStart: '2024-01-15', dueDate: '2024-01-21', amount: 1_000 },
      { periodStart: '2024-01-22', dueDate: '2024-01-28', amount: 1_000 },
    ]);
  });

  it('makes the start date the first due date when it falls on the due day', () => {
    expect(firstContributionDueDate(duesPlan({ startDate: '2024-01-07' }))).toBe('2024-01-07');
    expect(firstContributionDueDate(duesPlan({ startDate: '2024-01-08', dueDay: 1 }))).toBe('2024-01-08');
  });

  it('lists biweekly periods two weeks apart, across a leap day', () => {
    const plan = duesPlan({ frequency: 'biweekly', dueDay: 4, startDate: '2024-02-01' });
    expect(duePeriods(plan, '2024-02-01', '2024-03-31').map((p) => p.dueDate)).toEqual([
      '2024-02-01',
      '2024-02-15',
      '2024-02-29',
      '2024-03-14',
      '2024-03-28',
    ]);
  });

  it('clamps a monthly due day 31 to each month end without drifting', () => {
    const plan = duesPlan({ frequency: 'monthly', dueDay: 31, startDate: '2024-01-01' });
    expect(duePeriods(plan, '2024-01-01', '2024-04-30')).toEqual([
      { periodStart: '2024-01-01', dueDate: '2024-01-31', amount: 1_000 },
      { periodStart: '2024-02-01', dueDate: '2024-02-29', amount: 1_000 },
      { periodStart: '2024-03-01', dueDate: '2024-03-31', amount: 1_000 },
      { periodStart: '2024-04-01', dueDate: '2024-04-30', amount: 1_000 },
    ]);
    const nonLeap = duesPlan({ frequency: 'monthly', dueDay: 30, startDate: '2023-01-01' });
    expect(duePeriods(nonLeap, '2023-02-01', '2023-03-31').map((p) => p.dueDate)).toEqual(['2023-02-28', '2023-03-30']);
  });

  it('starts monthly dues next month when the start date is past this month’s due day', () => {
    const plan = duesPlan({ frequency: 'monthly', dueDay: 5, startDate: '2024-01-20' });
    expect(duePeriods(plan, '2024-01-01', '2024-03-31')).toEqual([
      { periodStart: '2024-01-20', dueDate: '2024-02-05', amount: 1_000 },
      { periodStart: '2024-02-06', dueDate: '2024-03-05', amount: 1_000 },
    ]);
  });

  it('returns a window in the middle of the plan with correct period starts', () => {
    const plan = duesPlan({ frequency: 'monthly', dueDay: 10, startDate: '2020-01-01' });
    expect(duePeriods(plan, '2024-06-10', '2024-07-09')).toEqual([
      { periodStart: '2024-05-11', dueDate: '2024-06-10', amount: 1_000 },
    ]);
    expect(duePeriods(plan, '2024-06-11', '2024-07-09')).toEqual([]);
  });

  it('uses a member’s own amount when overridden', () => {
    expect(duePeriods(duesPlan(), '2024-01-01', '2024-01-10', { amount: 500 })).toEqual([
      { periodStart: '2024-01-03', dueDate: '2024-01-07', amount: 500 },
    ]);
  });

  it('agrees with walking from the start, for 1,000 seeded random windows (property)', () => {
    const random = seededRandom(2_024);
    const problems: string[] = [];
    for (let run = 0; run < 1_000; run += 1) {
      const frequency = random.pick(['weekly', 'biweekly', 'monthly'] as const);
      const plan = duesPlan({
        frequency,
        dueDay: random.int(1, frequency === 'monthly' ? 31 : 7),
        startDate: addDays('2020-01-01', random.int(0, 1_500)),
      });
      const to = addDays(plan.startDate, random.int(0, 1_200));
      const from = addDays(to, -random.int(0, 400));
      const all = duePeriods(plan, '2019-01-01', to);
      const window = duePeriods(plan, from, to);
      const contiguous = all.every((p, i) => i === 0 || daysBetween(all[i - 1]?.dueDate ?? '', p.periodStart) === 1);
      const onDueDay = frequency === 'monthly' || all.every((p) => isoWeekday(p.dueDate) === plan.dueDay);
      if (
        JSON.stringify(window) !== JSON.stringify(all.filter((p) => p.dueDate >= from)) ||
        !contiguous ||
        !onDueDay ||
        (all[0]?.periodStart !== plan.startDate && all.length > 0)
      ) {
        problems.push(`run ${run}: ${JSON.stringify({ plan, from, to })}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it.each([
    [{ dueDay: 0 }, 'invalid_due_day'],
    [{ dueDay: 8 }, 'invalid_due_day'],
    [{ frequency: 'monthly' as const, dueDay: 32 }, 'invalid_due_day'],
    [{ graceDays: -1 }, 'invalid_grace_days'],
    [{ amount: 0 }, 'invalid_amount'],
    [{ startDate: '2024-02-31' }, 'invalid_date'],
  ])('refuses %o with %s', (override, code) => {
    expect(domainErrorCode(() => duePeriods(duesPlan(override), '2024-01-01', '2024-12-31'))).toBe(code);
  });

  it('refuses an inverted range, an endless one and a bad override', () => {
    expect(domainErrorCode(() => duePeriods(duesPlan(), '2024-02-01', '2024-01-01'))).toBe('invalid_date_range');
    expect(domainErrorCode(() => duePeriods(duesPlan({ startDate: '1900-01-01' }), '1900-01-01', '2024-01-01'))).toBe(
      'invalid_date_range',
    );
    expect(domainErrorCode(() => duePeriods(duesPlan(), '2024-01-01', '2024-02-01', { amount: -5 }))).toBe(
      'invalid_amount',
    );
  });
});
