import { MAX_AMOUNT_MINOR } from '../money.js';
import { buildSchedule, type LoanTerms, scheduleTotals } from './loan-schedule.js';
import { domainErrorCode, loanTerms } from './testing/builders.js';

const column = (terms: LoanTerms, key: 'principal' | 'interest' | 'total' | 'dueDate'): (number | string)[] =>
  buildSchedule(terms).map((installment) => installment[key]);

describe('buildSchedule', () => {
  describe('flat interest', () => {
    it('charges interest on the original principal for the whole term, evenly', () => {
      const schedule = buildSchedule(loanTerms());
      // 100 000 x 2 % a month x 12 months = 24 000, i.e. 2 000 a month.
      expect(schedule.map((i) => i.interest)).toEqual(Array(12).fill(2_000));
      expect(schedule.map((i) => i.principal)).toEqual([...Array(11).fill(8_333), 8_337]);
      expect(schedule[0]).toEqual({
        number: 1,
        dueDate: '2024-02-15',
        principal: 8_333,
        interest: 2_000,
        total: 10_333,
      });
      expect(scheduleTotals(schedule)).toEqual({ principal: 100_000, interest: 24_000, total: 124_000 });
    });

    it('puts the franc that does not divide on the last installment (100 000 over 3)', () => {
      const terms = loanTerms({ annualRateBasisPoints: 0, installments: 3 });
      expect(column(terms, 'principal')).toEqual([33_333, 33_333, 33_334]);
      expect(column(terms, 'interest')).toEqual([0, 0, 0]);
    });

    it('spreads an uneven interest the same way', () => {
      // 10 000 x 13 % / 12 x 7 months = 758.33 -> 758 = 6 x 108 + 110.
      const terms = loanTerms({ principal: 10_000, annualRateBasisPoints: 1_300, installments: 7 });
      expect(column(terms, 'interest')).toEqual([108, 108, 108, 108, 108, 108, 110]);
      expect(column(terms, 'principal')).toEqual([1_428, 1_428, 1_428, 1_428, 1_428, 1_428, 1_432]);
    });

    it('rounds the total interest half up, once', () => {
      // 60 x 10 % a year / 12 = 0.5 -> 1; 59 -> 0.4917 -> 0.
      expect(column(loanTerms({ principal: 60, annualRateBasisPoints: 1_000, installments: 1 }), 'interest')).toEqual([
        1,
      ]);
      expect(column(loanTerms({ principal: 59, annualRateBasisPoints: 1_000, installments: 1 }), 'interest')).toEqual([
        0,
      ]);
    });

    it('works weekly and biweekly with the annual rate divided by 52 and 26', () => {
      // 1 % a week x 10 weeks on 50 000 = 5 000.
      const weekly = buildSchedule(
        loanTerms({
          principal: 50_000,
          annualRateBasisPoints: 5_200,
          installments: 10,
          frequency: 'weekly',
          firstDueDate: '2024-02-22',
        }),
      );
      expect(weekly.map((i) => i.interest)).toEqual(Array(10).fill(500));
      expect(weekly.slice(0, 3).map((i) => i.dueDate)).toEqual(['2024-02-22', '2024-02-29', '2024-03-07']);
      // 1 % a fortnight x 4 on 100 000 = 4 000.
      const biweekly = buildSchedule(
        loanTerms({ annualRateBasisPoints: 2_600, installments: 4, frequency: 'biweekly', firstDueDate: '2024-12-20' }),
      );
      expect(biweekly.map((i) => i.interest)).toEqual([1_000, 1_000, 1_000, 1_000]);
      expect(biweekly.map((i) => i.dueDate)).toEqual(['2024-12-20', '2025-01-03', '2025-01-17', '2025-01-31']);
    });
  });

  describe('declining balance (annuity)', () => {
    it('charges interest on the balance with equal installments, the last absorbing rounding', () => {
      // 100 000 at 1 % a month over 12: A = 8 884.88 -> 8 885 (independent Fraction computation).
      const schedule = buildSchedule(loanTerms({ method: 'declining', annualRateBasisPoints: 1_200 }));
      expect(schedule.map((i) => i.interest)).toEqual([1_000, 921, 842, 761, 680, 598, 515, 431, 347, 261, 175, 88]);
      expect(schedule.map((i) => i.principal)).toEqual([
        7_885, 7_964, 8_043, 8_124, 8_205, 8_287, 8_370, 8_454, 8_538, 8_624, 8_710, 8_796,
      ]);
      expect(schedule.map((i) => i.total)).toEqual([...Array(11).fill(8_885), 8_884]);
      expect(scheduleTotals(schedule)).toEqual({ principal: 100_000, interest: 6_619, total: 106_619 });
    });

    it('works weekly and biweekly', () => {
      const weekly = loanTerms({
        method: 'declining',
        annualRateBasisPoints: 5_200,
        installments: 4,
        frequency: 'weekly',
      });
      expect(column(weekly, 'interest')).toEqual([1_000, 754, 505, 254]);
      expect(column(weekly, 'total')).toEqual([25_628, 25_628, 25_628, 25_629]);
      const biweekly = loanTerms({
        principal: 250_000,
        method: 'declining',
        annualRateBasisPoints: 2_600,
        installments: 6,
        frequency: 'biweekly',
      });
      expect(column(biweekly, 'interest')).toEqual([2_500, 2_094, 1_683, 1_269, 850, 427]);
      expect(column(biweekly, 'total')).toEqual([43_137, 43_137, 43_137, 43_137, 43_137, 43_138]);
    });

    it('splits the principal evenly at 0 %', () => {
      const terms = loanTerms({ method: 'declining', annualRateBasisPoints: 0, installments: 3 });
      expect(column(terms, 'total')).toEqual([33_333, 33_333, 33_334]);
    });

    it('charges less interest than flat at the same rate', () => {
      const flat = scheduleTotals(buildSchedule(loanTerms())).interest;
      const declining = scheduleTotals(buildSchedule(loanTerms({ method: 'declining' }))).interest;
      expect(declining).toBeLessThan(flat);
    });
  });

  it('gives the same single installment with either method', () => {
    for (const method of ['flat', 'declining'] as const) {
      expect(buildSchedule(loanTerms({ method, installments: 1 }))).toEqual([
        { number: 1, dueDate: '2024-02-15', principal: 100_000, interest: 2_000, total: 102_000 },
      ]);
    }
  });

  describe('due dates', () => {
    it('clamps monthly due dates to the month end without drifting (first due Jan 31)', () => {
      expect(column(loanTerms({ installments: 4, firstDueDate: '2024-01-31' }), 'dueDate')).toEqual([
        '2024-01-31',
        '2024-02-29',
        '2024-03-31',
        '2024-04-30',
      ]);
      expect(column(loanTerms({ installments: 2, firstDueDate: '2023-01-31' }), 'dueDate')).toEqual([
        '2023-01-31',
        '2023-02-28',
      ]);
    });

    it('lands on 29 February in a leap year, weekly', () => {
      expect(
        column(loanTerms({ installments: 2, frequency: 'weekly', firstDueDate: '2024-02-22' }), 'dueDate'),
      ).toEqual(['2024-02-22', '2024-02-29']);
      expect(
        column(loanTerms({ installments: 2, frequency: 'weekly', firstDueDate: '2023-02-22' }), 'dueDate'),
      ).toEqual(['2023-02-22', '2023-03-01']);
    });
  });

  describe('large amounts', () => {
    it('stays exact near 10^12 where Number products pass 2^53', () => {
      // 999 999 999 989 x 3 333 bp x 7 months / 120 000 = 194 424 999 997.9... -> 194 424 999 998.
      const flat = buildSchedule(
        loanTerms({ principal: 999_999_999_989, annualRateBasisPoints: 3_333, installments: 7 }),
      );
      expect(scheduleTotals(flat)).toEqual({
        principal: 999_999_999_989,
        interest: 194_424_999_998,
        total: 1_194_424_999_987,
      });
    });

    it('keeps a 10-year weekly declining loan of ~10^12 exact', () => {
      const schedule = buildSchedule(
        loanTerms({
          principal: 999_999_999_999,
          method: 'declining',
          annualRateBasisPoints: 3_600,
          installments: 520,
          frequency: 'weekly',
        }),
      );
      expect(schedule[0]).toMatchObject({ principal: 196_974_554, interest: 6_923_076_923, total: 7_120_051_477 });
      expect(schedule[519]).toMatchObject({ principal: 7_071_100_205, interest: 48_953_771, total: 7_120_053_976 });
      expect(scheduleTotals(schedule)).toMatchObject({ principal: 999_999_999_999, interest: 2_702_426_770_540 });
    });

    it('refuses a schedule whose total would pass the money cap', () => {
      const terms = loanTerms({
        principal: MAX_AMOUNT_MINOR,
        annualRateBasisPoints: 100_000,
        installments: 520,
        frequency: 'weekly',
      });
      expect(domainErrorCode(() => buildSchedule(terms))).toBe('amount_overflow');
    });
  });

  describe('validation', () => {
    it.each([
      [{ principal: 0 }, 'invalid_amount'],
      [{ principal: -100 }, 'invalid_amount'],
      [{ principal: 1_000.5 }, 'invalid_amount'],
      [{ principal: Number.NaN }, 'invalid_amount'],
      [{ principal: MAX_AMOUNT_MINOR + 1 }, 'invalid_amount'],
      [{ annualRateBasisPoints: -1 }, 'invalid_rate'],
      [{ annualRateBasisPoints: 12.5 }, 'invalid_rate'],
      [{ annualRateBasisPoints: 100_001 }, 'invalid_rate'],
      [{ installments: 0 }, 'invalid_installment_count'],
      [{ installments: 521 }, 'invalid_installment_count'],
      [{ installments: 2.5 }, 'invalid_installment_count'],
      [{ method: 'compound' as LoanTerms['method'] }, 'invalid_method'],
      [{ frequency: 'daily' as LoanTerms['frequency'] }, 'invalid_frequency'],
      [{ firstDueDate: '2024-02-30' }, 'invalid_date'],
      [{ firstDueDate: '9999-06-30' }, 'invalid_date'],
    ])('%o -> %s', (override, code) => {
      expect(domainErrorCode(() => buildSchedule(loanTerms(override)))).toBe(code);
    });

    it('accepts the bounds', () => {
      expect(
        buildSchedule(
          loanTerms({ principal: 1, installments: 520, frequency: 'weekly', annualRateBasisPoints: 100_000 }),
        ),
      ).toHaveLength(520);
    });
  });
});
