import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type RuleSetProblem } from './engine.js';
import { type Condition, type RuleSet } from './rule-set.js';
import { aConditionRule, aRule, aRuleSet } from './testing/builders.js';
import { validateRuleSet } from './validate.js';

/** The problems of an input that must not validate. */
function problemsOf(input: unknown): RuleSetProblem[] {
  const result = validateRuleSet(input);
  if (result.ok) throw new Error('expected the rule set to be rejected');
  return result.problems;
}

function withCondition(condition: Condition): RuleSet {
  return aRuleSet([aConditionRule('one', { all: [condition] })]);
}

describe('validateRuleSet accepts', () => {
  it('a valid rule set, returning it', () => {
    const ruleSet = aRuleSet();
    expect(validateRuleSet(ruleSet)).toEqual({ ok: true, ruleSet });
  });

  it('the representative rules, which use every operator and nesting form', () => {
    const input = JSON.parse(readFileSync(join(__dirname, 'testing/representative-rules.json'), 'utf8')) as RuleSet;
    expect(validateRuleSet(input)).toEqual({ ok: true, ruleSet: input });
  });

  it('a pack file, keeping only its rule set', () => {
    const pack = { ...aRuleSet(), name: { fr: 'Test', en: 'Test' }, description: { fr: 'D', en: 'D' }, fixtures: [] };
    expect(validateRuleSet(pack)).toEqual({ ok: true, ruleSet: aRuleSet() });
  });
});

describe('validateRuleSet rejects', () => {
  it('an unknown operator, listing the known ones', () => {
    const problems = problemsOf(withCondition({ fact: 'movement', path: '$.amount', operator: 'regex', value: 5 }));
    expect(problems).toEqual([
      {
        path: '/rules/0/conditions/all/0/operator',
        message: expect.stringContaining('unknown operator "regex"; known operators: equal, notEqual, lessThan'),
      },
    ]);
    expect(problems[0]!.message).toContain('zScoreAbove, percentOfAbove');
  });

  it.each(['$..amount', '$.*', '$.tags[*]', '$.list[?(@.amount > 5)]', '$.a[(@.length-1)]', "$['amount']", 'amount'])(
    'the path expression %s',
    (path) => {
      expect(problemsOf(withCondition({ fact: 'movement', path, operator: 'equal', value: 5 }))).toEqual([
        {
          path: '/rules/0/conditions/all/0/path',
          message: expect.stringMatching(/is not a simple path: write \$\.name, \$\.name\.sub or \$\.list\[0\]/),
        },
      ]);
    },
  );

  it('conditions nested 100 levels deep, quickly and without a stack overflow', () => {
    let condition: Condition = { fact: 'movement', path: '$.amount', operator: 'equal', value: 1 };
    for (let i = 0; i < 100; i++) condition = { all: [condition] };
    const started = performance.now();
    const problems = problemsOf(aRuleSet([aConditionRule('deep', { all: [condition] })]));
    expect(performance.now() - started).toBeLessThan(50);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.path).toMatch(/^\/rules\/0\/conditions(\/all\/0)+\/all$/);
    expect(problems[0]!.message).toBe(
      'is nested more than 32 levels deep; conditions may nest at most 8 all/any/not levels',
    );
  });

  it('a nesting of 100,000 levels too', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) deep = { all: [deep] };
    expect(problemsOf({ ...aRuleSet(), rules: [deep] })[0]!.message).toContain('nested more than 32 levels');
  });

  it('nine all/any/not levels, at the first one too deep', () => {
    let condition: Condition = { fact: 'movement', path: '$.amount', operator: 'equal', value: 1 };
    for (let i = 0; i < 8; i++) condition = i % 2 ? { any: [condition] } : { not: condition };
    expect(problemsOf(aRuleSet([aConditionRule('deep', { all: [condition] })]))).toEqual([
      {
        path: '/rules/0/conditions/all/0/any/0/not/any/0/not/any/0/not/any/0',
        message: 'is all/any/not level 9; conditions nest at most 8 levels',
      },
    ]);
  });

  it('10,000 rules, quickly', () => {
    const rules = Array.from({ length: 10_000 }, (_, i) => aRule({ id: `rule-${i}` }));
    const started = performance.now();
    expect(problemsOf(aRuleSet(rules))).toEqual([
      { path: '/rules', message: 'has 10000 rules; a rule set holds at most 200' },
    ]);
    expect(performance.now() - started).toBeLessThan(20);
  });

  it('a rule set larger than 256 KB', () => {
    const rules = Array.from({ length: 150 }, (_, i) =>
      aRule({ id: `rule-${i}`, message: { fr: 'x'.repeat(900), en: 'y'.repeat(900) } }),
    );
    expect(problemsOf(aRuleSet(rules))).toEqual([
      { path: '', message: expect.stringMatching(/^is (larger than 256 KB|\d+ KB) as JSON/) },
    ]);
  });

  it.each([
    ['Infinity (1e400 in JSON)', JSON.parse('1e400') as number],
    ['2^60', 2 ** 60],
    ['-1e20', -1e20],
    ['NaN', NaN],
  ])('the number %s', (_, value) => {
    expect(problemsOf(withCondition({ fact: 'movement', path: '$.amount', operator: 'greaterThan', value }))).toEqual([
      { path: '/rules/0/conditions/all/0/value', message: 'must be a finite number between -2^53 and 2^53' },
    ]);
  });

  it('a huge string', () => {
    const problems = problemsOf(
      withCondition({ fact: 'movement', path: '$.kind', operator: 'equal', value: 'x'.repeat(5000) }),
    );
    expect(problems).toEqual([{ path: '/rules/0/conditions/all/0/value', message: 'is longer than 2000 characters' }]);
    expect(
      problemsOf(withCondition({ fact: 'movement', path: '$.kind', operator: 'equal', value: 'x'.repeat(500) })),
    ).toEqual([{ path: '/rules/0/conditions/all/0/value', message: 'equal takes a string of at most 200 characters' }]);
  });

  it('an unknown fact, listing the known ones', () => {
    expect(
      problemsOf(withCondition({ fact: 'account' as 'movement', path: '$.balance', operator: 'lessThan', value: 0 })),
    ).toEqual([
      {
        path: '/rules/0/conditions/all/0/fact',
        message: 'unknown fact "account"; known facts: movement, member, loan, stats, cooperative, due, portfolio',
      },
    ]);
  });

  it('a fact its scope never has', () => {
    expect(problemsOf(withCondition({ fact: 'due', path: '$.daysLate', operator: 'greaterThan', value: 0 }))).toEqual([
      {
        path: '/rules/0/conditions/all/0/fact',
        message: '"due" is always null for movement rules, which can read: movement, member, loan, stats, cooperative',
      },
    ]);
  });

  it('a missing or blank translation', () => {
    const missing = aRule({ name: { fr: 'Grosse dépense' } as never });
    expect(problemsOf(aRuleSet([missing]))).toEqual([
      { path: '/rules/0/name/en', message: 'is missing: the English text is required' },
    ]);
    const blank = aRule({ message: { fr: '   ', en: 'Expense' } });
    expect(problemsOf(aRuleSet([blank]))).toEqual([{ path: '/rules/0/message/fr', message: 'must not be blank' }]);
  });

  it('an unknown parameter, naming the declared ones', () => {
    const problems = problemsOf(
      withCondition({ fact: 'movement', path: '$.amount', operator: 'greaterThan', value: { param: 'limit' } }),
    );
    expect(problems).toEqual([
      { path: '/rules/0/conditions/all/0/value', message: 'unknown parameter "limit"; this rule declares: none' },
    ]);
    const nested = aRule({
      conditions: {
        all: [
          {
            fact: 'movement',
            path: '$.amount',
            operator: 'justBelow',
            value: { threshold: { param: 'treshold' }, percent: 10 },
          },
        ],
      },
    });
    expect(problemsOf(aRuleSet([nested]))).toEqual([
      {
        path: '/rules/0/conditions/all/0/value/threshold',
        message: 'unknown parameter "treshold"; this rule declares: amount',
      },
    ]);
  });

  it('a parameter outside its bounds', () => {
    const rule = aRule();
    rule.params['amount']!.value = 500;
    expect(problemsOf(aRuleSet([rule]))).toEqual([
      { path: '/rules/0/params/amount/value', message: '500 is below the minimum 1000' },
    ]);
  });

  it('a value of the wrong type for its operator, parameters substituted', () => {
    expect(problemsOf(withCondition({ fact: 'stats', path: '$.d30', operator: 'zScoreAbove', value: 'high' }))).toEqual(
      [
        {
          path: '/rules/0/conditions/all/0/value',
          message:
            'zScoreAbove needs a number threshold, or { "threshold": number, "minCount": whole number of at least 1 }',
        },
      ],
    );
    const rule = aRule({ params: { amount: { value: 'lots', label: { fr: 'M', en: 'A' } } } });
    expect(problemsOf(aRuleSet([rule]))).toEqual([
      { path: '/rules/0/conditions/all/1/value', message: 'greaterThan needs a number (parameter "amount")' },
    ]);
    expect(problemsOf(withCondition({ fact: 'movement', path: '$.kind', operator: 'in', value: 'expense' }))).toEqual([
      { path: '/rules/0/conditions/all/0/value', message: 'in needs a non-empty list of strings, numbers or booleans' },
    ]);
  });

  it('a fact reference where the operator needs a literal, or to an unknown fact', () => {
    const listFromFact = {
      fact: 'movement',
      path: '$.kind',
      operator: 'in',
      value: { fact: 'cooperative', path: '$.kinds' },
    };
    expect(problemsOf(withCondition(listFromFact as Condition))).toEqual([
      { path: '/rules/0/conditions/all/0/value', message: 'in does not take a fact reference; write the value itself' },
    ]);
    const unknown = {
      fact: 'movement',
      path: '$.amount',
      operator: 'greaterThan',
      value: { fact: 'plan', path: '$..x' },
    };
    expect(problemsOf(withCondition(unknown as Condition))).toEqual([
      { path: '/rules/0/conditions/all/0/value/fact', message: expect.stringContaining('unknown fact "plan"') },
      { path: '/rules/0/conditions/all/0/value/path', message: expect.stringContaining('is not a simple path') },
    ]);
  });

  it('duplicate and non-kebab-case ids', () => {
    expect(problemsOf(aRuleSet([aRule(), aRule()]))).toEqual([
      { path: '/rules/1/id', message: '"large-expense" is already the id of /rules/0' },
    ]);
    expect(problemsOf(aRuleSet([aRule({ id: 'Large_Expense' })]))).toEqual([
      { path: '/rules/0/id', message: 'must be kebab-case: lowercase letters and digits joined by single hyphens' },
    ]);
  });

  it('unknown severities, scopes and properties', () => {
    const rule = { ...aRule(), severity: 'urgent', scope: 'member', description: 'x' };
    expect(problemsOf(aRuleSet([rule as never]))).toEqual([
      { path: '/rules/0/description', message: expect.stringMatching(/^is not a known property; allowed: id, name/) },
      { path: '/rules/0/severity', message: 'must be one of: low, medium, high, critical' },
      { path: '/rules/0/scope', message: 'must be one of: movement, loan, due, cooperative' },
    ]);
  });

  it('a bare condition at the root, and empty all/any lists', () => {
    const bare = aRule({ conditions: { fact: 'movement', operator: 'equal', value: 1 } as never });
    expect(problemsOf(aRuleSet([bare]))).toEqual([
      { path: '/rules/0/conditions', message: 'must have "all", "any" or "not" at its root' },
    ]);
    // json-rules-engine would take an empty "any" as true.
    expect(problemsOf(aRuleSet([aRule({ conditions: { any: [] } })]))).toEqual([
      { path: '/rules/0/conditions/any', message: 'must hold at least 1 item(s)' },
    ]);
  });

  it('more than 50 conditions in a rule', () => {
    const leaf: Condition = { fact: 'movement', path: '$.amount', operator: 'greaterThan', value: 1 };
    const rule = aConditionRule('wide', { any: [{ all: Array(30).fill(leaf) }, { all: Array(30).fill(leaf) }] });
    expect(problemsOf(aRuleSet([rule]))).toEqual([
      { path: '/rules/0/conditions', message: 'has more than 50 conditions' },
    ]);
  });

  it('message placeholders that are not facts of the scope', () => {
    const rule = aRule({ message: { fr: 'Prêt {{loan.number}}', en: 'Due {{due.amount}} {{movement..x}}' } });
    expect(problemsOf(aRuleSet([rule]))).toEqual([
      { path: '/rules/0/message/en', message: expect.stringContaining('{{due.amount}}: "due" is always null') },
      {
        path: '/rules/0/message/en',
        message: '{{movement..x}}: is not a placeholder: write {{fact.name}} or {{fact.name.sub}}',
      },
    ]);
  });

  it('priorities json-rules-engine would refuse', () => {
    expect(problemsOf(aRuleSet([aRule({ priority: 0 })]))).toEqual([
      { path: '/rules/0/priority', message: 'must be >= 1' },
    ]);
  });

  it('input that is not plain JSON', () => {
    expect(problemsOf(null)).toEqual([{ path: '', message: 'must be an object' }]);
    expect(problemsOf({ ...aRuleSet(), rules: [() => 1] })).toEqual([
      { path: '/rules/0', message: 'must be plain JSON (found function)' },
    ]);
    expect(problemsOf({ ...aRuleSet(), pack: new Date(0) })).toEqual([
      { path: '/pack', message: 'must be plain JSON (found an instance of a class)' },
    ]);
    const cyclic: Record<string, unknown> = { ...aRuleSet() };
    cyclic['rules'] = [cyclic];
    expect(problemsOf(cyclic)[0]!.message).toMatch(/nested more than 32 levels|larger than/);
  });
});
