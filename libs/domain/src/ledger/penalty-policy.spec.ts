import { addDays } from './iso-date.js';
import {
  type LatePenaltyPolicy,
  penaltyCapFor,
  penaltyPeriodStart,
  penaltyPeriodsStarted,
  penaltyPerPeriod,
  type PolicyInstallment,
  type PolicyPenalty,
  policyPenaltiesDue,
} from './penalty-policy.js';
import { domainErrorCode } from './testing/builders.js';

/** 500 FCFA a week late after 3 days of grace, at most 2 000 per installment, in force since 1 March 2026. */
const policy = (over: Partial<LatePenaltyPolicy> = {}): LatePenaltyPolicy => ({
  enabled: true,
  charge: { kind: 'fixed', amount: 500 },
  period: 'week',
  graceDays: 3,
  cap: { kind: 'amount', amount: 2_000 },
  effectiveFrom: '2026-03-01',
  ...over,
});

/** 10 000 FCFA due on 10 March 2026, nothing paid, nothing charged yet. */
const installment = (over: Partial<PolicyInstallment> = {}): PolicyInstallment => ({
  number: 2,
  dueDate: '2026-03-10',
  scheduled: 10_000,
  overdue: 10_000,
  chargedByPolicy: 0,
  chargedUntil: null,
  ...over,
});

const amounts = (due: PolicyPenalty[]) => due.map((p) => p.amount);

describe('penaltyPeriodsStarted', () => {
  it('counts nothing up to and including the last day of grace, one period the day after', () => {
    const weekly = policy();
    expect(penaltyPeriodsStarted('2026-03-10', weekly, '2026-03-10')).toBe(0);
    expect(penaltyPeriodsStarted('2026-03-10', weekly, '2026-03-13')).toBe(0);
    expect(penaltyPeriodsStarted('2026-03-10', weekly, '2026-03-14')).toBe(1);
  });

  it('counts each period as soon as it has started', () => {
    const weekly = policy();
    expect(penaltyPeriodsStarted('2026-03-10', weekly, '2026-03-20')).toBe(1);
    expect(penaltyPeriodsStarted('2026-03-10', weekly, '2026-03-21')).toBe(2);
    const daily = policy({ period: 'day', graceDays: 0 });
    expect(penaltyPeriodsStarted('2026-03-10', daily, '2026-03-11')).toBe(1);
    expect(penaltyPeriodsStarted('2026-03-10', daily, '2026-03-20')).toBe(10);
  });

  it('counts months from the first day after the grace, clamped at month ends without drifting', () => {
    const monthly = policy({ period: 'month', graceDays: 0 });
    // Due Jan 30: periods start Jan 31, Feb 28, Mar 31, Apr 30.
    expect([1, 2, 3, 4].map((i) => penaltyPeriodStart('2026-01-30', monthly, i))).toEqual([
      '2026-01-31',
      '2026-02-28',
      '2026-03-31',
      '2026-04-30',
    ]);
    expect(penaltyPeriodsStarted('2026-01-30', monthly, '2026-02-27')).toBe(1);
    expect(penaltyPeriodsStarted('2026-01-30', monthly, '2026-02-28')).toBe(2);
    expect(penaltyPeriodsStarted('2026-01-30', monthly, '2026-03-30')).toBe(2);
    expect(penaltyPeriodsStarted('2026-01-30', monthly, '2026-03-31')).toBe(3);
  });
});

describe('penaltyPerPeriod', () => {
  it('is the fixed amount whatever is overdue', () => {
    expect(penaltyPerPeriod({ kind: 'fixed', amount: 500 }, 10_000)).toBe(500);
    expect(penaltyPerPeriod({ kind: 'fixed', amount: 500 }, 1)).toBe(500);
  });

  it('rounds a rate to the minor unit, halves up: whole francs in XOF, which has no decimals', () => {
    // 2.5 % of 12 345 FCFA is 308.625 FCFA: 309 FCFA (in EUR the same digits are cents: 3,09 EUR).
    expect(penaltyPerPeriod({ kind: 'rate', basisPoints: 250 }, 12_345)).toBe(309);
    // 0.25 % of 200 is exactly half a franc: up; of 199 it is less than half: down to nothing.
    expect(penaltyPerPeriod({ kind: 'rate', basisPoints: 25 }, 200)).toBe(1);
    expect(penaltyPerPeriod({ kind: 'rate', basisPoints: 25 }, 199)).toBe(0);
  });

  it('stays exact on amounts where floating point would not', () => {
    expect(penaltyPerPeriod({ kind: 'rate', basisPoints: 3 }, 999_999_999_999_999)).toBe(300_000_000_000);
  });
});

describe('penaltyCapFor', () => {
  it('is the amount given, or the rate of the scheduled installment rounded down', () => {
    expect(penaltyCapFor({ kind: 'amount', amount: 2_000 }, 10_000)).toBe(2_000);
    // 10 % of 12 345 is 1 234.5: never a franc above 10 %.
    expect(penaltyCapFor({ kind: 'rate', basisPoints: 1_000 }, 12_345)).toBe(1_234);
    expect(penaltyCapFor(null, 12_345)).toBeNull();
  });
});

describe('policyPenaltiesDue', () => {
  it('charges nothing while the policy is off, or was never set', () => {
    expect(policyPenaltiesDue(policy({ enabled: false }), installment(), '2026-04-30')).toEqual([]);
    expect(policyPenaltiesDue(policy({ effectiveFrom: null }), installment(), '2026-04-30')).toEqual([]);
  });

  it('charges nothing exactly at the end of the grace, the first period the day after', () => {
    expect(policyPenaltiesDue(policy(), installment(), '2026-03-13')).toEqual([]);
    expect(policyPenaltiesDue(policy(), installment(), '2026-03-14')).toEqual([
      { installmentNumber: 2, period: 1, startsOn: '2026-03-14', endsBefore: '2026-03-21', amount: 500 },
    ]);
  });

  it('catches up every period started since the last one charged, in order', () => {
    const due = policyPenaltiesDue(policy({ cap: null }), installment(), '2026-03-28');
    expect(due.map((p) => [p.period, p.startsOn, p.amount])).toEqual([
      [1, '2026-03-14', 500],
      [2, '2026-03-21', 500],
      [3, '2026-03-28', 500],
    ]);
  });

  it('does not charge twice a period already charged, the same day or later', () => {
    const charged = installment({ chargedByPolicy: 500, chargedUntil: '2026-03-21' });
    expect(policyPenaltiesDue(policy(), charged, '2026-03-14')).toEqual([]);
    expect(policyPenaltiesDue(policy(), charged, '2026-03-20')).toEqual([]);
    expect(policyPenaltiesDue(policy(), charged, '2026-03-21').map((p) => p.period)).toEqual([2]);
  });

  it('never reaches back before the policy took effect', () => {
    // Late since 14 March, but the policy was turned on on 25 March: the period of the 28th is the first charged.
    const due = policyPenaltiesDue(policy({ effectiveFrom: '2026-03-25' }), installment(), '2026-03-28');
    expect(due.map((p) => p.period)).toEqual([3]);
    expect(policyPenaltiesDue(policy({ effectiveFrom: '2026-03-29' }), installment(), '2026-03-28')).toEqual([]);
  });

  it('charges only what is left under the cap, then nothing more', () => {
    const capped = policy({ charge: { kind: 'fixed', amount: 700 } });
    expect(amounts(policyPenaltiesDue(capped, installment(), '2026-04-11'))).toEqual([700, 700, 600]);
    const atCap = installment({ chargedByPolicy: 2_000, chargedUntil: '2026-04-04' });
    expect(policyPenaltiesDue(capped, atCap, '2026-05-30')).toEqual([]);
  });

  it('caps at a share of the scheduled installment', () => {
    const rate = policy({ cap: { kind: 'rate', basisPoints: 1_250 }, period: 'day', graceDays: 0 });
    // 12.5 % of 10 000 = 1 250: two periods of 500, then 250.
    expect(amounts(policyPenaltiesDue(rate, installment(), '2026-03-20'))).toEqual([500, 500, 250]);
  });

  it('takes a rate on what is still overdue after a partial payment', () => {
    const rate = policy({ charge: { kind: 'rate', basisPoints: 500 }, cap: null });
    expect(amounts(policyPenaltiesDue(rate, installment(), '2026-03-14'))).toEqual([500]);
    expect(amounts(policyPenaltiesDue(rate, installment({ overdue: 4_321 }), '2026-03-14'))).toEqual([216]);
    // A fixed penalty is the same however much is left.
    expect(amounts(policyPenaltiesDue(policy(), installment({ overdue: 4_321 }), '2026-03-14'))).toEqual([500]);
  });

  it('stops once the installment is settled, even when paid late with periods never charged', () => {
    const settled = installment({ overdue: 0, chargedByPolicy: 500, chargedUntil: '2026-03-21' });
    expect(policyPenaltiesDue(policy(), settled, '2026-04-30')).toEqual([]);
  });

  it('charges nothing when the rate rounds to less than a franc', () => {
    const tiny = policy({ charge: { kind: 'rate', basisPoints: 1 } });
    expect(policyPenaltiesDue(tiny, installment({ overdue: 40 }), '2026-03-30')).toEqual([]);
  });

  it('charges the same run every day as in one catch-up run, while nothing is paid', () => {
    const daily = policy({ period: 'day', graceDays: 2, cap: { kind: 'amount', amount: 3_200 } });
    let state = installment();
    const everyDay: PolicyPenalty[] = [];
    for (let day = '2026-03-01'; day <= '2026-04-15'; day = addDays(day, 1)) {
      const due = policyPenaltiesDue(daily, state, day);
      everyDay.push(...due);
      if (due.length > 0) {
        state = {
          ...state,
          chargedByPolicy: state.chargedByPolicy + due.reduce((sum, p) => sum + p.amount, 0),
          chargedUntil: due.at(-1)!.endsBefore,
        };
      }
    }
    expect(everyDay).toEqual(policyPenaltiesDue(daily, installment(), '2026-04-15'));
    expect(everyDay.reduce((sum, p) => sum + p.amount, 0)).toBe(3_200);
  });

  it('refuses a policy or an installment that cannot be', () => {
    expect(
      domainErrorCode(() => policyPenaltiesDue(policy({ period: 'year' as 'day' }), installment(), '2026-03-14')),
    ).toBe('invalid_penalty_policy');
    const zeroRate = policy({ charge: { kind: 'rate', basisPoints: 0 } });
    expect(domainErrorCode(() => policyPenaltiesDue(zeroRate, installment(), '2026-03-14'))).toBe(
      'invalid_penalty_policy',
    );
    expect(domainErrorCode(() => policyPenaltiesDue(policy({ graceDays: -1 }), installment(), '2026-03-14'))).toBe(
      'invalid_grace_days',
    );
    expect(domainErrorCode(() => policyPenaltiesDue(policy(), installment({ overdue: 10_001 }), '2026-03-14'))).toBe(
      'invalid_amount',
    );
  });
});
