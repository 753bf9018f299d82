import { type EvaluationClock, type Facts } from '../facts.js';
import { type RuleDefinition, type RuleSet, type TopCondition } from '../rule-set.js';

/** Builders for specs: a valid rule and set, to change one thing at a time. */

export function aRule(overrides: Partial<RuleDefinition> = {}): RuleDefinition {
  return {
    id: 'large-expense',
    name: { fr: 'Grosse dépense', en: 'Large expense' },
    message: { fr: 'Dépense de {{movement.amount}}', en: 'Expense of {{movement.amount}}' },
    severity: 'high',
    scope: 'movement',
    enabled: true,
    params: {
      amount: { value: 100000, label: { fr: 'Montant', en: 'Amount' }, min: 1000, max: 10000000 },
    },
    conditions: {
      all: [
        { fact: 'movement', path: '$.kind', operator: 'equal', value: 'expense' },
        { fact: 'movement', path: '$.amount', operator: 'greaterThan', value: { param: 'amount' } },
      ],
    },
    ...overrides,
  };
}

export function aRuleSet(rules: RuleDefinition[] = [aRule()]): RuleSet {
  return { pack: 'test', packVersion: '1.0.0', rules };
}

/** A rule with only conditions to vary, and no message placeholders. */
export function aConditionRule(id: string, conditions: TopCondition, overrides: Partial<RuleDefinition> = {}) {
  return aRule({ id, conditions, params: {}, message: { fr: id, en: id }, ...overrides });
}

export const PARIS_NOON: EvaluationClock = { now: '2026-11-25T11:00:00Z', timeZone: 'Europe/Paris' };

export function someFacts(overrides: Partial<Facts> = {}): Facts {
  return {
    movement: {
      id: 'mv-1',
      kind: 'expense',
      direction: -1,
      amount: 150000,
      channel: 'cash',
      externalRef: null,
      category: 'supplies',
      occurredOn: '2026-11-25',
      recordedAt: '2026-11-25T06:12:00.000Z',
      recordedHour: 7,
      recordedBy: 'user-1',
      memberId: 'mb-1',
      loanId: null,
      reversesId: null,
      reversed: false,
    },
    member: {
      id: 'mb-1',
      number: 12,
      status: 'active',
      joinedOn: '2025-01-10',
      seniorityDays: 319,
      savings: 40000,
      loansOutstanding: 0,
      activeLoans: 0,
      guaranteesGiven: 0,
      expectedContribution: 5000,
    },
    loan: null,
    stats: {
      h24: {
        count: 1,
        sum: 5000,
        mean: 5000,
        stddev: 0,
        amount: 150000,
        sameAmount: 0,
        sameAmountAndChannel: 0,
        justBelowThreshold: 0,
      },
      d30: { count: 12, sum: 60000, mean: 5000, stddev: 1000, amount: 150000 },
      d90: { count: 30, sum: 150000, mean: 5000, stddev: 1200, amount: 150000 },
      lastMovementAt: '2026-11-20T09:00:00.000Z',
      daysSinceLastMovement: 5,
    },
    cooperative: {
      currency: 'XOF',
      currencyDigits: 0,
      timeZone: 'Europe/Paris',
      cashBalance: 2500000,
      sameExternalRef: 0,
      graceDays: 5,
      openingTime: '08:00',
      closingTime: '17:00',
    },
    due: null,
    portfolio: null,
    ...overrides,
  };
}
