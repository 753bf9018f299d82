import { duesStatus } from './dues-status.js';
import { duePeriods } from './dues.js';
import { localDate } from './local-date.js';
import { domainErrorCode, duesPlan, TODAY } from './testing/builders.js';
import { seededRandom } from './testing/seeded-random.js';

// 1 000 F due every Sunday from 7 January 2024, three days of grace.
const plan = duesPlan();
const periods = duePeriods(plan, '2024-01-01', '2024-01-31'); // due Jan 7, 14, 21, 28
const statuses = (contributions: { date: string; amount: number }[], asOf: string) =>
  duesStatus(periods, contributions, asOf, plan.graceDays).periods.map((p) => p.status);

describe('duesStatus', () => {
  it('keeps an unpaid period due through its grace days and late after them', () => {
    expect(statuses([], '2024-01-06')[0]).toBe('upcoming');
    expect(statuses([], '2024-01-07')[0]).toBe('due');
    expect(statuses([], '2024-01-10')[0]).toBe('due');
    expect(statuses([], '2024-01-11')[0]).toBe('late');
  });

  it('with no grace days, is late the day after the due date', () => {
    const result = duesStatus(periods, [], '2024-01-08', 0);
    expect(result.periods[0]?.status).toBe('late');
  });

  it('marks a partial payment partial within grace and late after it', () => {
    const halfPaid = [{ date: '2024-01-07', amount: 500 }];
    expect(statuses(halfPaid, '2024-01-09')[0]).toBe('partial');
    const late = duesStatus(periods, halfPaid, '2024-01-12', plan.graceDays);
    expect(late.periods[0]).toMatchObject({ status: 'late', paid: 500, settledOn: null });
    expect(late).toMatchObject({ amountDue: 500, amountLate: 500, unallocated: 0 });
  });

  it('allocates contributions to the oldest unpaid period first', () => {
    // Nothing paid on the 7th; the 1 000 brought on the 14th clears the 7th, not the 14th.
    const result = duesStatus(periods, [{ date: '2024-01-14', amount: 1_000 }], '2024-01-18', plan.graceDays);
    expect(result.periods.slice(0, 2)).toEqual([
      expect.objectContaining({ dueDate: '2024-01-07', status: 'paid', paid: 1_000, settledOn: '2024-01-14' }),
      expect.objectContaining({ dueDate: '2024-01-14', status: 'late', paid: 0 }),
    ]);
    expect(result).toMatchObject({ amountDue: 1_000, amountLate: 1_000 });
  });

  it('completes a period over several contributions and records the day it was settled', () => {
    const result = duesStatus(
      periods,
      [
        { date: '2024-01-05', amount: 600 },
        { date: '2024-01-09', amount: 900 },
      ],
      '2024-01-09',
      plan.graceDays,
    );
    expect(result.periods.slice(0, 2).map((p) => [p.status, p.paid, p.settledOn])).toEqual([
      ['paid', 1_000, '2024-01-09'],
      ['partial', 500, null],
    ]);
  });

  it('returns money beyond the listed periods as unallocated', () => {
    const result = duesStatus(periods, [{ date: '2024-01-07', amount: 5_500 }], '2024-01-07', plan.graceDays);
    expect(result.periods.every((p) => p.status === 'paid')).toBe(true);
    expect(result.unallocated).toBe(1_500);
  });

  it('ignores contributions dated after asOf', () => {
    expect(statuses([{ date: '2024-01-12', amount: 1_000 }], '2024-01-11')[0]).toBe('late');
  });

  it('uses a member’s overridden amount', () => {
    const reduced = duePeriods(plan, '2024-01-01', '2024-01-14', { amount: 400 });
    const result = duesStatus(reduced, [{ date: '2024-01-07', amount: 400 }], '2024-01-20', plan.graceDays);
    expect(result.periods.map((p) => p.status)).toEqual(['paid', 'late']);
    expect(result.amountLate).toBe(400);
  });

  it('judges the grace period on the cooperative’s calendar', () => {
    // Grace for the 7 January dues ends on the 10th; 23:30 UTC on the 10th is already the 11th in Kiritimati.
    const instant = new Date('2024-01-10T23:30:00Z');
    expect(statuses([], localDate(instant, 'Pacific/Kiritimati'))[0]).toBe('late');
    expect(statuses([], localDate(instant, 'America/Adak'))[0]).toBe('due');
  });

  it('accounts for every contributed franc and pays oldest first, for 1,000 seeded members (property)', () => {
    const random = seededRandom(77);
    const problems: string[] = [];
    const year = duePeriods(plan, '2024-01-01', '2024-12-31');
    for (let run = 0; run < 1_000; run += 1) {
      const contributions = Array.from({ length: random.int(0, 30) }, () => ({
        date: `2024-${String(random.int(1, 12)).padStart(2, '0')}-${String(random.int(1, 28)).padStart(2, '0')}`,
        amount: random.int(1, 3_000),
      }));
      const result = duesStatus(year, contributions, TODAY, random.int(0, 10));
      const counted = contributions.filter((c) => c.date <= TODAY).reduce((sum, c) => sum + c.amount, 0);
      const paid = result.periods.reduce((sum, p) => sum + p.paid, 0);
      const firstUnpaid = result.periods.findIndex((p) => p.paid < p.amount);
      const paidAfterGap = firstUnpaid >= 0 && result.periods.slice(firstUnpaid + 1).some((p) => p.paid > 0);
      if (paid + result.unallocated !== counted || paidAfterGap || result.periods.some((p) => p.paid > p.amount)) {
        problems.push(`run ${run}: ${JSON.stringify(contributions)}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('refuses bad input with a typed error', () => {
    expect(domainErrorCode(() => duesStatus(periods, [], '2024-13-01', 3))).toBe('invalid_date');
    expect(domainErrorCode(() => duesStatus(periods, [], TODAY, -1))).toBe('invalid_grace_days');
    expect(domainErrorCode(() => duesStatus(periods, [{ date: TODAY, amount: 0 }], TODAY, 3))).toBe('invalid_amount');
  });
});
