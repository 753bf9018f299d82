import { compileRuleSet } from './compile.js';
import { RuleSetInvalidError } from './errors.js';
import { type Facts } from './facts.js';
import { referenceEvaluate } from './reference.js';
import { type RuleDefinition, type TopCondition } from './rule-set.js';
import { PARIS_NOON, aConditionRule, aRule, aRuleSet, someFacts } from './testing/builders.js';

const movement = (changes: Partial<NonNullable<Facts['movement']>>) =>
  someFacts({ movement: { ...someFacts().movement!, ...changes } });

function hitIds(rules: RuleDefinition[], facts: Facts = someFacts(), scope: RuleDefinition['scope'] = 'movement') {
  return compileRuleSet(aRuleSet(rules))
    .evaluate(scope, facts, PARIS_NOON)
    .map((hit) => hit.ruleId);
}

function onlyHit(conditions: TopCondition, facts: Facts = someFacts()) {
  const hits = compileRuleSet(aRuleSet([aConditionRule('rule', conditions)])).evaluate('movement', facts, PARIS_NOON);
  expect(hits).toHaveLength(1);
  return hits[0]!;
}

describe('compileRuleSet', () => {
  it('substitutes parameters as constants', () => {
    expect(hitIds([aRule()])).toEqual(['large-expense']);
    const stricter = aRule();
    stricter.params['amount']!.value = 150000;
    expect(hitIds([stricter])).toEqual([]);
    expect(hitIds([stricter], movement({ amount: 150001 }))).toEqual(['large-expense']);
  });

  it('resolves fact references in values', () => {
    const rule = aConditionRule('above-savings', {
      all: [
        { fact: 'movement', path: '$.amount', operator: 'greaterThan', value: { fact: 'member', path: '$.savings' } },
      ],
    });
    expect(hitIds([rule], movement({ amount: 40001 }))).toEqual(['above-savings']);
    expect(hitIds([rule], movement({ amount: 40000 }))).toEqual([]);
    const early = aConditionRule('early', {
      all: [
        {
          fact: 'movement',
          path: '$.recordedAt',
          operator: 'beforeLocalTime',
          value: { fact: 'cooperative', path: '$.openingTime' },
        },
      ],
    });
    expect(hitIds([early], movement({ recordedAt: '2026-11-25T06:59:59Z' }))).toEqual(['early']); // 07:59:59 in Paris
    expect(hitIds([early], movement({ recordedAt: '2026-11-25T07:00:00Z' }))).toEqual([]);
  });

  it('evaluates nested all, any and not', () => {
    const rule = aConditionRule('nested', {
      all: [
        { fact: 'movement', path: '$.kind', operator: 'in', value: ['expense', 'adjustment'] },
        {
          any: [
            { fact: 'movement', path: '$.amount', operator: 'greaterThan', value: 1000000 },
            { not: { fact: 'movement', path: '$.channel', operator: 'equal', value: 'bank' } },
          ],
        },
      ],
    });
    expect(hitIds([rule])).toEqual(['nested']);
    expect(hitIds([rule], movement({ channel: 'bank' }))).toEqual([]);
    expect(hitIds([rule], movement({ channel: 'bank', amount: 1000001 }))).toEqual(['nested']);
    expect(hitIds([rule], movement({ kind: 'income' }))).toEqual([]);
  });

  it('orders hits by priority, highest first, then as written', () => {
    const always: TopCondition = { all: [{ fact: 'movement', path: '$.amount', operator: 'greaterThan', value: 0 }] };
    const rules = [
      aConditionRule('low', always),
      aConditionRule('high-first', always, { priority: 10 }),
      aConditionRule('middle', always, { priority: 5 }),
      aConditionRule('high-second', always, { priority: 10 }),
    ];
    expect(hitIds(rules)).toEqual(['high-first', 'high-second', 'middle', 'low']);
  });

  it('leaves out disabled rules and the rules of other scopes', () => {
    const always: TopCondition = {
      all: [{ fact: 'cooperative', path: '$.cashBalance', operator: 'greaterThan', value: 0 }],
    };
    const rules = [
      aConditionRule('on', always),
      aConditionRule('off', always, { enabled: false }),
      aConditionRule('for-loans', always, { scope: 'loan' }),
    ];
    const compiled = compileRuleSet(aRuleSet(rules));
    expect(compiled.ruleCount).toBe(2);
    expect(compiled.evaluate('movement', someFacts(), PARIS_NOON).map((hit) => hit.ruleId)).toEqual(['on']);
    expect(compiled.evaluate('loan', someFacts(), PARIS_NOON).map((hit) => hit.ruleId)).toEqual(['for-loans']);
    expect(compiled.evaluate('due', someFacts(), PARIS_NOON)).toEqual([]);
  });

  it('refuses an invalid rule set and an unknown scope', () => {
    const invalid = aRuleSet([aConditionRule('bad', { all: [{ fact: 'movement', operator: 'like', value: 1 }] })]);
    expect(() => compileRuleSet(invalid)).toThrow(RuleSetInvalidError);
    expect(() => compileRuleSet(invalid)).toThrow('/rules/0/conditions/all/0/operator unknown operator "like"');
    expect(() => compileRuleSet(aRuleSet()).evaluate('members' as 'movement', someFacts(), PARIS_NOON)).toThrow(
      'Unknown rule scope "members"',
    );
  });

  it('reads null facts as json-rules-engine does: notEqual holds, comparisons do not', async () => {
    const rules = [
      aConditionRule('not-equal', {
        all: [{ fact: 'loan', path: '$.status', operator: 'notEqual', value: 'disbursed' }],
      }),
      aConditionRule('greater', { all: [{ fact: 'loan', path: '$.arrears', operator: 'greaterThan', value: -1 }] }),
      aConditionRule('is-null', { all: [{ fact: 'loan', path: '$.status', operator: 'equal', value: null }] }),
    ];
    const facts = someFacts({ loan: null });
    expect(hitIds(rules, facts)).toEqual(['not-equal', 'is-null']);
    expect(await referenceEvaluate(aRuleSet(rules), 'movement', facts, PARIS_NOON)).toEqual(['not-equal', 'is-null']);
  });
});

describe('hits', () => {
  it('carry the rule, its filled message and the conditions that held, in French and English', () => {
    const hit = compileRuleSet(aRuleSet()).evaluate('movement', someFacts(), PARIS_NOON)[0]!;
    expect(hit).toEqual({
      ruleId: 'large-expense',
      severity: 'high',
      scope: 'movement',
      name: { fr: 'Grosse dépense', en: 'Large expense' },
      message: { fr: 'Dépense de 150\u202f000', en: 'Expense of 150,000' },
      held: [
        {
          fact: 'movement',
          path: '$.kind',
          operator: 'equal',
          value: 'expense',
          factValue: 'expense',
          negated: false,
          text: {
            en: 'movement.kind ("expense") is equal to "expense"',
            fr: 'movement.kind ("expense") est égal à "expense"',
          },
        },
        {
          fact: 'movement',
          path: '$.amount',
          operator: 'greaterThan',
          value: 100000,
          factValue: 150000,
          negated: false,
          text: {
            en: 'movement.amount (150000) is greater than 100000',
            fr: 'movement.amount (150000) est supérieur à 100000',
          },
        },
      ],
    });
  });

  it('list, under any, only the conditions that held', () => {
    const hit = onlyHit({
      any: [
        { fact: 'movement', path: '$.channel', operator: 'equal', value: 'bank' },
        { fact: 'movement', path: '$.amount', operator: 'greaterThanInclusive', value: 150000 },
        { fact: 'member', path: '$.status', operator: 'in', value: ['active', 'suspended'] },
      ],
    });
    expect(hit.held.map((held) => held.text.en)).toEqual([
      'movement.amount (150000) is at least 150000',
      'member.status ("active") is one of "active", "suspended"',
    ]);
  });

  it('describe the negation of conditions under not', () => {
    const hit = onlyHit({
      all: [
        { not: { fact: 'movement', path: '$.channel', operator: 'in', value: ['bank', 'mobile_money'] } },
        {
          not: {
            all: [
              { fact: 'member', path: '$.savings', operator: 'greaterThan', value: 0 },
              { fact: 'member', path: '$.savings', operator: 'greaterThan', value: 100000 },
            ],
          },
        },
      ],
    });
    expect(hit.held.map((held) => [held.negated, held.text])).toEqual([
      [
        true,
        {
          en: 'movement.channel ("cash") is not one of "bank", "mobile_money"',
          fr: 'movement.channel ("cash") n\'est pas parmi "bank", "mobile_money"',
        },
      ],
      [
        true,
        {
          en: 'member.savings (40000) is not greater than 100000',
          fr: "member.savings (40000) n'est pas supérieur à 100000",
        },
      ],
    ]);
  });

  it('word the custom operators plainly', () => {
    const texts = (conditions: TopCondition, facts?: Facts) => onlyHit(conditions, facts).held.map((held) => held.text);
    expect(
      texts({
        all: [
          {
            fact: 'movement',
            path: '$.recordedAt',
            operator: 'beforeLocalTime',
            value: { fact: 'cooperative', path: '$.openingTime' },
          },
          { fact: 'stats', path: '$.d30', operator: 'zScoreAbove', value: { threshold: 3, minCount: 10 } },
          { fact: 'movement', path: '$.amount', operator: 'justBelow', value: { threshold: 160000, percent: 10 } },
          { fact: 'movement', path: '$.amount', operator: 'percentOfAbove', value: { percent: 300, of: 40000 } },
          { fact: 'movement', path: '$.occurredOn', operator: 'withinDays', value: 7 },
          { fact: 'stats', path: '$.lastMovementAt', operator: 'olderThanDays', value: 4 },
          { fact: 'movement', path: '$.amount', operator: 'roundAmount', value: 50000 },
        ],
      }),
    ).toEqual([
      {
        en: 'movement.recordedAt (07:12 local time) is before 08:00',
        fr: 'movement.recordedAt (07:12 heure locale) est avant 08:00',
      },
      { en: 'stats.d30 (z-score 145) is above 3', fr: 'stats.d30 (écart réduit 145) est au-dessus de 3' },
      {
        en: 'movement.amount (150000) is just below 160000 (within 10%)',
        fr: 'movement.amount (150000) est juste sous 160000 (à moins de 10 %)',
      },
      {
        en: 'movement.amount (150000) is more than 300% of 40000',
        fr: 'movement.amount (150000) dépasse 300 % de 40000',
      },
      {
        en: 'movement.occurredOn ("2026-11-25") is within the last 7 days',
        fr: 'movement.occurredOn ("2026-11-25") est dans les 7 derniers jours',
      },
      {
        en: 'stats.lastMovementAt ("2026-11-20T09:00:00.000Z") is more than 4 days old',
        fr: 'stats.lastMovementAt ("2026-11-20T09:00:00.000Z") date de plus de 4 jours',
      },
      {
        en: 'movement.amount (150000) is a round amount (multiple of 50000)',
        fr: 'movement.amount (150000) est un montant rond (multiple de 50000)',
      },
    ]);
  });

  it('fill message placeholders: decimals in the locale, money in major units, absent values as a dash', () => {
    const rule = aRule({
      message: {
        fr: 'Prêt {{loan.number}}, ratio {{stats.d90.stddev}} / {{member.savings}}, {{movement.reversed}}',
        en: 'Loan {{loan.number}}, ratio {{stats.d90.stddev}} / {{member.savings}}, {{movement.reversed}}',
      },
    });
    const facts = someFacts();
    facts.stats!.d90.stddev = 1234.567;
    const hit = compileRuleSet(aRuleSet([rule])).evaluate('movement', facts, PARIS_NOON)[0]!;
    const nbsp = '\u202f';
    expect(hit.message).toEqual({
      fr: `Prêt —, ratio 1${nbsp}235 / 40${nbsp}000, faux`,
      en: 'Loan —, ratio 1,235 / 40,000, false',
    });
    facts.cooperative = { ...facts.cooperative, currency: 'EUR', currencyDigits: 2 };
    const inEuros = compileRuleSet(aRuleSet([rule])).evaluate('movement', facts, PARIS_NOON)[0]!;
    expect(inEuros.message).toEqual({
      fr: 'Prêt —, ratio 12,35 / 400,00, faux',
      en: 'Loan —, ratio 12.35 / 400.00, false',
    });
  });

  it('are the same whether json-rules-engine or the compiled engine decides', async () => {
    const ruleSet = aRuleSet([
      aRule(),
      aConditionRule(
        'late',
        { all: [{ fact: 'movement', path: '$.recordedAt', operator: 'afterLocalTime', value: '07:00' }] },
        { priority: 3 },
      ),
    ]);
    for (const facts of [someFacts(), movement({ amount: 10 }), movement({ recordedAt: '2026-11-25T05:00:00Z' })]) {
      const compiled = compileRuleSet(ruleSet)
        .evaluate('movement', facts, PARIS_NOON)
        .map((hit) => hit.ruleId);
      expect(compiled).toEqual(await referenceEvaluate(ruleSet, 'movement', facts, PARIS_NOON));
    }
  });
});
