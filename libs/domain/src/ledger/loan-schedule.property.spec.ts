import { isDomainError } from './domain-error.js';
import { FREQUENCIES, PERIODS_PER_YEAR } from './frequency.js';
import { addDays, daysBetween, monthsBetween } from './iso-date.js';
import {
  buildSchedule,
  type LoanTerms,
  MAX_ANNUAL_RATE_BASIS_POINTS,
  type ScheduledInstallment,
} from './loan-schedule.js';
import { seededRandom, type SeededRandom } from './testing/seeded-random.js';

const LOANS = 2_000;

interface Case {
  readonly terms: LoanTerms;
  readonly schedule: readonly ScheduledInstallment[];
}

function randomTerms(random: SeededRandom): LoanTerms {
  return {
    principal: random.logInt(1, 1_000_000_000_000),
    // One loan in ten interest-free, which cooperatives do grant.
    annualRateBasisPoints: random.chance(0.1) ? 0 : random.int(1, MAX_ANNUAL_RATE_BASIS_POINTS),
    method: random.pick(['flat', 'declining'] as const),
    installments: random.chance(0.5) ? random.int(1, 24) : random.int(1, 520),
    frequency: random.pick(FREQUENCIES),
    firstDueDate: addDays('2000-01-01', random.int(0, 15_000)),
  };
}

/** Total flat interest by its definition, computed separately in BigInt. */
function flatInterest(terms: LoanTerms): number {
  const numerator = BigInt(terms.principal) * BigInt(terms.annualRateBasisPoints) * BigInt(terms.installments);
  const denominator = BigInt(PERIODS_PER_YEAR[terms.frequency]) * 10_000n;
  return Number((2n * numerator + denominator) / (2n * denominator));
}

/**
 * Runs `check` on every case and returns the first few violations with the loan
 * that caused them: one expect per property keeps 2,000 loans fast, and a failure
 * shows a loan that can be pasted into a unit test.
 */
function violations(cases: readonly Case[], check: (c: Case) => string | null): string[] {
  const found: string[] = [];
  for (const c of cases) {
    const problem = check(c);
    if (problem !== null) found.push(`${problem} in ${JSON.stringify(c.terms)}`);
    if (found.length === 5) break;
  }
  return found;
}

describe(`buildSchedule on ${LOANS} seeded random loans (property)`, () => {
  const random = seededRandom(0x6b6f74);
  const refused: LoanTerms[] = [];
  const cases: Case[] = [];
  for (let i = 0; i < LOANS; i += 1) {
    const terms = randomTerms(random);
    try {
      cases.push({ terms, schedule: buildSchedule(terms) });
    } catch (error) {
      if (!isDomainError(error, 'amount_overflow')) throw error;
      refused.push(terms);
    }
  }

  it('refuses only loans whose total repayable passes the money cap', () => {
    expect(cases.length).toBeGreaterThan(LOANS * 0.95);
    // Refused loans are big, dear and long; the refusal itself is unit-tested.
    expect(refused.filter((t) => t.principal < 1_000_000_000 || t.annualRateBasisPoints < 10_000)).toEqual([]);
  });

  it('never loses or creates a minor unit, and never goes negative', () => {
    const check = ({ terms, schedule }: Case): string | null => {
      if (schedule.length !== terms.installments) return `${schedule.length} installments`;
      let principal = 0;
      for (const [index, i] of schedule.entries()) {
        if (i.number !== index + 1) return `installment ${index} numbered ${i.number}`;
        if (![i.principal, i.interest, i.total].every((a) => Number.isSafeInteger(a) && a >= 0))
          return `bad amount in ${JSON.stringify(i)}`;
        if (i.total !== i.principal + i.interest) return `total != principal + interest in ${JSON.stringify(i)}`;
        principal += i.principal;
      }
      return principal === terms.principal ? null : `principals add up to ${principal}`;
    };
    expect(violations(cases, check)).toEqual([]);
  });

  it('charges flat interest of principal x periodic rate x periods, in equal shares bar the last', () => {
    const check = ({ terms, schedule }: Case): string | null => {
      if (terms.method !== 'flat') return null;
      const interest = schedule.reduce((sum, i) => sum + i.interest, 0);
      if (interest !== flatInterest(terms)) return `interest ${interest} instead of ${flatInterest(terms)}`;
      const [first] = schedule;
      const uneven = schedule
        .slice(0, -1)
        .find((i) => i.interest !== first?.interest || i.principal !== first.principal);
      return uneven ? `installment ${uneven.number} differs from the first` : null;
    };
    expect(violations(cases, check)).toEqual([]);
  });

  it('charges declining interest that never increases, installments never above the first bar the last', () => {
    const check = ({ terms, schedule }: Case): string | null => {
      if (terms.method !== 'declining') return null;
      const firstTotal = schedule[0]?.total ?? 0;
      for (let k = 1; k < schedule.length; k += 1) {
        const [previous, current] = [schedule[k - 1], schedule[k]];
        if (!previous || !current) return 'missing installment';
        if (current.interest > previous.interest) return `interest rises at installment ${current.number}`;
        if (k < schedule.length - 1 && current.total > firstTotal)
          return `installment ${current.number} above the first`;
      }
      return null;
    };
    expect(violations(cases, check)).toEqual([]);
  });

  it('spaces due dates one week, two weeks or one calendar month apart', () => {
    const check = ({ terms, schedule }: Case): string | null => {
      for (let k = 1; k < schedule.length; k += 1) {
        const [previous, current] = [schedule[k - 1]?.dueDate ?? '', schedule[k]?.dueDate ?? ''];
        const gap = terms.frequency === 'monthly' ? monthsBetween(previous, current) : daysBetween(previous, current);
        const expected = { weekly: 7, biweekly: 14, monthly: 1 }[terms.frequency];
        if (gap !== expected) return `${previous} -> ${current}`;
      }
      return null;
    };
    expect(violations(cases, check)).toEqual([]);
  });

  it('keeps the last declining installment within 2 francs per period of the others on ordinary loans', () => {
    // Up to 36 %/year over up to 60 periods, from 50 000 F: the rounding the last
    // installment absorbs stays small (it grows with rate x term on extreme loans).
    const ordinary = seededRandom(36);
    const loans: Case[] = Array.from({ length: 500 }, () => {
      const terms: LoanTerms = {
        principal: ordinary.logInt(50_000, 1_000_000_000),
        annualRateBasisPoints: ordinary.int(1, 3_600),
        method: 'declining',
        installments: ordinary.int(1, 60),
        frequency: ordinary.pick(FREQUENCIES),
        firstDueDate: '2024-01-31',
      };
      return { terms, schedule: buildSchedule(terms) };
    });
    const check = ({ terms, schedule }: Case): string | null => {
      const gap = Math.abs((schedule.at(-1)?.total ?? 0) - (schedule[0]?.total ?? 0));
      return gap <= 2 * terms.installments ? null : `last installment ${gap} away from the others`;
    };
    expect(violations(loans, check)).toEqual([]);
  });
});
