import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type ErrorObject } from 'ajv/dist/2020.js';
import { type RuleSetProblem } from './engine.js';
import { FACT_NAMES } from './facts.js';
import { OPERATOR_NAMES } from './operators.js';
import { type Condition, type RuleSet } from './rule-set.js';
import { aConditionRule, aRule, aRuleSet } from './testing/builders.js';
import { describeError, validateRuleSet } from './validate.js';

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
        code: 'unknown_operator',
        params: { operator: 'regex', known: OPERATOR_NAMES.join(', ') },
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
          code: 'path_not_simple',
          params: { path, maxSteps: 8 },
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
    expect(problems[0]).toMatchObject({ code: 'nested_too_deep', params: { max: 32, maxConditionDepth: 8 } });
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
        code: 'conditions_too_deep',
        params: { level: 9, max: 8 },
        message: 'is all/any/not level 9; conditions nest at most 8 levels',
      },
    ]);
  });

  it('10,000 rules, quickly', () => {
    const rules = Array.from({ length: 10_000 }, (_, i) => aRule({ id: `rule-${i}` }));
    const started = performance.now();
    expect(problemsOf(aRuleSet(rules))).toEqual([
      {
        path: '/rules',
        code: 'too_many_rules',
        params: { count: 10_000, max: 200 },
        message: 'has 10000 rules; a rule set holds at most 200',
      },
    ]);
    expect(performance.now() - started).toBeLessThan(20);
  });

  it('a rule set larger than 256 KB', () => {
    const rules = Array.from({ length: 150 }, (_, i) =>
      aRule({ id: `rule-${i}`, message: { fr: 'x'.repeat(900), en: 'y'.repeat(900) } }),
    );
    expect(problemsOf(aRuleSet(rules))).toEqual([
      { path: '', code: 'rule_set_too_large', params: { maxKb: 256 }, message: 'is larger than 256 KB as JSON' },
    ]);
  });

  it.each([
    ['Infinity (1e400 in JSON)', JSON.parse('1e400') as number],
    ['2^60', 2 ** 60],
    ['-1e20', -1e20],
    ['NaN', NaN],
  ])('the number %s', (_, value) => {
    expect(problemsOf(withCondition({ fact: 'movement', path: '$.amount', operator: 'greaterThan', value }))).toEqual([
      {
        path: '/rules/0/conditions/all/0/value',
        code: 'unsafe_number',
        params: {},
        message: 'must be a finite number between -2^53 and 2^53',
      },
    ]);
  });

  it('a huge string', () => {
    const problems = problemsOf(
      withCondition({ fact: 'movement', path: '$.kind', operator: 'equal', value: 'x'.repeat(5000) }),
    );
    expect(problems).toEqual([
      {
        path: '/rules/0/conditions/all/0/value',
        code: 'too_long',
        params: { max: 2000 },
        message: 'must be at most 2000 characters long',
      },
    ]);
    expect(
      problemsOf(withCondition({ fact: 'movement', path: '$.kind', operator: 'equal', value: 'x'.repeat(500) })),
    ).toEqual([
      {
        path: '/rules/0/conditions/all/0/value',
        code: 'value_string_too_long',
        params: { operator: 'equal', max: 200 },
        message: 'equal takes a string of at most 200 characters',
      },
    ]);
  });

  it('an unknown fact, listing the known ones', () => {
    expect(
      problemsOf(withCondition({ fact: 'account' as 'movement', path: '$.balance', operator: 'lessThan', value: 0 })),
    ).toEqual([
      {
        path: '/rules/0/conditions/all/0/fact',
        code: 'unknown_fact',
        params: { fact: 'account', known: FACT_NAMES.join(', ') },
        message: 'unknown fact "account"; known facts: movement, member, loan, stats, cooperative, due, portfolio',
      },
    ]);
  });

  it('a fact its scope never has', () => {
    expect(problemsOf(withCondition({ fact: 'due', path: '$.daysLate', operator: 'greaterThan', value: 0 }))).toEqual([
      {
        path: '/rules/0/conditions/all/0/fact',
        code: 'fact_not_in_scope',
        params: { fact: 'due', scope: 'movement', available: 'movement, member, loan, stats, cooperative' },
        message: '"due" is always null for movement rules, which can read: movement, member, loan, stats, cooperative',
      },
    ]);
  });

  it('a missing or blank translation', () => {
    const missing = aRule({ name: { fr: 'Grosse dépense' } as never });
    expect(problemsOf(aRuleSet([missing]))).toEqual([
      {
        path: '/rules/0/name/en',
        code: 'translation_required',
        params: { language: 'en' },
        message: 'is missing: the English text is required',
      },
    ]);
    const blank = aRule({ message: { fr: '   ', en: 'Expense' } });
    expect(problemsOf(aRuleSet([blank]))).toEqual([
      { path: '/rules/0/message/fr', code: 'not_blank', params: {}, message: 'must not be blank' },
    ]);
    const empty = aRule({ name: { fr: '', en: 'Expense' } });
    expect(problemsOf(aRuleSet([empty]))).toEqual([
      { path: '/rules/0/name/fr', code: 'not_empty', params: {}, message: 'must not be empty' },
      { path: '/rules/0/name/fr', code: 'not_blank', params: {}, message: 'must not be blank' },
    ]);
  });

  it('an unknown parameter, naming the declared ones', () => {
    const problems = problemsOf(
      withCondition({ fact: 'movement', path: '$.amount', operator: 'greaterThan', value: { param: 'limit' } }),
    );
    expect(problems).toEqual([
      {
        path: '/rules/0/conditions/all/0/value',
        code: 'unknown_param_none_declared',
        params: { param: 'limit' },
        message: 'unknown parameter "limit"; this rule declares none',
      },
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
        code: 'unknown_param',
        params: { param: 'treshold', declared: 'amount' },
        message: 'unknown parameter "treshold"; this rule declares: amount',
      },
    ]);
  });

  it('a parameter outside its bounds', () => {
    const rule = aRule();
    rule.params['amount']!.value = 500;
    expect(problemsOf(aRuleSet([rule]))).toEqual([
      {
        path: '/rules/0/params/amount/value',
        code: 'param_below_min',
        params: { value: 500, min: 1000 },
        message: '500 is below the minimum 1000',
      },
    ]);
    rule.params['amount']!.value = 20_000_000;
    expect(problemsOf(aRuleSet([rule]))).toEqual([
      {
        path: '/rules/0/params/amount/value',
        code: 'param_above_max',
        params: { value: 20_000_000, max: 10_000_000 },
        message: '20000000 is above the maximum 10000000',
      },
    ]);
    rule.params['amount'] = { value: 5, label: { fr: 'M', en: 'A' }, min: 10, max: 1 };
    expect(problemsOf(aRuleSet([rule]))).toEqual([
      {
        path: '/rules/0/params/amount/min',
        code: 'param_min_above_max',
        params: { min: 10, max: 1 },
        message: 'min (10) is above max (1)',
      },
    ]);
    rule.params['amount'] = { value: 'x', label: { fr: 'M', en: 'A' }, min: 1 };
    expect(problemsOf(aRuleSet([rule]))[0]).toEqual({
      path: '/rules/0/params/amount',
      code: 'param_bounds_not_number',
      params: {},
      message: 'has min or max but its value is not a number',
    });
  });

  it('a value of the wrong type for its operator, parameters substituted', () => {
    expect(problemsOf(withCondition({ fact: 'stats', path: '$.d30', operator: 'zScoreAbove', value: 'high' }))).toEqual(
      [
        {
          path: '/rules/0/conditions/all/0/value',
          code: 'value_needs_z_score',
          params: { operator: 'zScoreAbove' },
          message:
            'zScoreAbove needs a number threshold, or { "threshold": number, "minCount": whole number of at least 1 }',
        },
      ],
    );
    const rule = aRule({ params: { amount: { value: 'lots', label: { fr: 'M', en: 'A' } } } });
    expect(problemsOf(aRuleSet([rule]))).toEqual([
      {
        path: '/rules/0/conditions/all/1/value',
        code: 'value_needs_number',
        params: { operator: 'greaterThan', param: 'amount' },
        message: 'greaterThan needs a number (parameter "amount")',
      },
    ]);
    expect(problemsOf(withCondition({ fact: 'movement', path: '$.kind', operator: 'in', value: 'expense' }))).toEqual([
      {
        path: '/rules/0/conditions/all/0/value',
        code: 'value_needs_list',
        params: { operator: 'in' },
        message: 'in needs a non-empty list of strings, numbers, booleans or null',
      },
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
      {
        path: '/rules/0/conditions/all/0/value',
        code: 'fact_reference_not_allowed',
        params: { operator: 'in' },
        message: 'in does not take a fact reference; write the value itself',
      },
    ]);
    const unknown = {
      fact: 'movement',
      path: '$.amount',
      operator: 'greaterThan',
      value: { fact: 'plan', path: '$..x' },
    };
    expect(problemsOf(withCondition(unknown as Condition))).toEqual([
      expect.objectContaining({
        path: '/rules/0/conditions/all/0/value/fact',
        code: 'unknown_fact',
        message: expect.stringContaining('unknown fact "plan"'),
      }),
      expect.objectContaining({
        path: '/rules/0/conditions/all/0/value/path',
        code: 'path_not_simple',
        params: { path: '$..x', maxSteps: 8 },
      }),
    ]);
    const extra = { fact: 'movement', path: '$.amount', operator: 'greaterThan', value: { fact: 'loan', x: 1 } };
    expect(problemsOf(withCondition(extra as Condition))).toEqual([
      expect.objectContaining({ path: '/rules/0/conditions/all/0/value', code: 'bad_fact_reference', params: {} }),
    ]);
  });

  it('duplicate and non-kebab-case ids', () => {
    expect(problemsOf(aRuleSet([aRule(), aRule()]))).toEqual([
      {
        path: '/rules/1/id',
        code: 'duplicate_rule_id',
        params: { id: 'large-expense', first: '/rules/0' },
        message: '"large-expense" is already the id of /rules/0',
      },
    ]);
    expect(problemsOf(aRuleSet([aRule({ id: 'Large_Expense' })]))).toEqual([
      {
        path: '/rules/0/id',
        code: 'kebab_case',
        params: {},
        message: 'must be kebab-case: lowercase letters and digits joined by single hyphens',
      },
    ]);
  });

  it('unknown severities, scopes and properties', () => {
    const rule = { ...aRule(), severity: 'urgent', scope: 'member', description: 'x' };
    expect(problemsOf(aRuleSet([rule as never]))).toEqual([
      {
        path: '/rules/0/description',
        code: 'unknown_property',
        params: { allowed: 'id, name, message, severity, scope, enabled, priority, params, conditions' },
        message:
          'is not a known property; allowed: id, name, message, severity, scope, enabled, priority, params, conditions',
      },
      {
        path: '/rules/0/severity',
        code: 'must_be_one_of',
        params: { allowed: 'low, medium, high, critical' },
        message: 'must be one of: low, medium, high, critical',
      },
      {
        path: '/rules/0/scope',
        code: 'must_be_one_of',
        params: { allowed: 'movement, loan, due, cooperative' },
        message: 'must be one of: movement, loan, due, cooperative',
      },
    ]);
  });

  it('a bare condition at the root, and empty all/any lists', () => {
    const bare = aRule({ conditions: { fact: 'movement', operator: 'equal', value: 1 } as never });
    expect(problemsOf(aRuleSet([bare]))).toEqual([
      {
        path: '/rules/0/conditions',
        code: 'condition_root',
        params: {},
        message: 'must have "all", "any" or "not" at its root',
      },
    ]);
    // json-rules-engine would take an empty "any" as true.
    expect(problemsOf(aRuleSet([aRule({ conditions: { any: [] } })]))).toEqual([
      { path: '/rules/0/conditions/any', code: 'not_empty', params: {}, message: 'must not be empty' },
    ]);
  });

  it('more than 50 conditions in a rule', () => {
    const leaf: Condition = { fact: 'movement', path: '$.amount', operator: 'greaterThan', value: 1 };
    const rule = aConditionRule('wide', { any: [{ all: Array(30).fill(leaf) }, { all: Array(30).fill(leaf) }] });
    expect(problemsOf(aRuleSet([rule]))).toEqual([
      {
        path: '/rules/0/conditions',
        code: 'too_many_conditions',
        params: { max: 50 },
        message: 'has more than 50 conditions',
      },
    ]);
  });

  it('message placeholders that are not facts of the scope', () => {
    const rule = aRule({ message: { fr: 'Prêt {{loan.number}}', en: 'Due {{due.amount}} {{movement..x}}' } });
    expect(problemsOf(aRuleSet([rule]))).toEqual([
      {
        path: '/rules/0/message/en',
        code: 'placeholder_fact_not_in_scope',
        params: {
          placeholder: '{{due.amount}}',
          fact: 'due',
          scope: 'movement',
          available: 'movement, member, loan, stats, cooperative',
        },
        message: expect.stringContaining('{{due.amount}}: "due" is always null'),
      },
      {
        path: '/rules/0/message/en',
        code: 'bad_placeholder',
        params: { placeholder: '{{movement..x}}' },
        message: '{{movement..x}}: is not a placeholder: write {{fact.name}} or {{fact.name.sub}}',
      },
    ]);
  });

  it('priorities json-rules-engine would refuse', () => {
    expect(problemsOf(aRuleSet([aRule({ priority: 0 })]))).toEqual([
      { path: '/rules/0/priority', code: 'too_small', params: { min: 1 }, message: 'must be at least 1' },
    ]);
  });

  it('input that is not plain JSON', () => {
    expect(problemsOf(null)).toEqual([{ path: '', code: 'must_be_object', params: {}, message: 'must be an object' }]);
    expect(problemsOf({ ...aRuleSet(), rules: [() => 1] })).toEqual([
      {
        path: '/rules/0',
        code: 'not_json_value',
        params: { found: 'function' },
        message: 'must be plain JSON (found function)',
      },
    ]);
    expect(problemsOf({ ...aRuleSet(), pack: new Date(0) })).toEqual([
      {
        path: '/pack',
        code: 'not_plain_object',
        params: {},
        message: 'must be plain JSON (found an instance of a class)',
      },
    ]);
    const cyclic: Record<string, unknown> = { ...aRuleSet() };
    cyclic['rules'] = [cyclic];
    expect(problemsOf(cyclic)[0]!.message).toMatch(/nested more than 32 levels|larger than/);
  });
});

describe('validateRuleSet gives each problem a code and its params', () => {
  const at = '/rules/0/conditions/all/0/value';

  it.each([
    ['withinDays', 'value_needs_days', -1, { operator: 'withinDays', max: 36_500 }],
    ['beforeLocalTime', 'value_needs_time', '25:00', { operator: 'beforeLocalTime' }],
    ['multipleOf', 'value_needs_positive_integer', 0, { operator: 'multipleOf' }],
    ['justBelow', 'value_needs_threshold_percent', { threshold: 10 }, { operator: 'justBelow' }],
    ['justBelow', 'value_needs_positive_threshold', { threshold: -10, percent: 5 }, { operator: 'justBelow' }],
    ['percentOfAbove', 'value_needs_percent_of', { percent: -1, of: 5 }, { operator: 'percentOfAbove' }],
    ['in', 'value_too_many_items', Array(101).fill(1), { operator: 'in', max: 100 }],
    ['equal', 'value_needs_scalar', [1], { operator: 'equal' }],
  ])('a wrong value for %s: %s', (operator, code, value, params) => {
    const [found] = problemsOf(withCondition({ fact: 'movement', path: '$.amount', operator, value } as Condition));
    expect(found).toMatchObject({ path: at, code, params });
    expect(found!.message).toMatch(new RegExp(`^${operator} (needs|takes) `));
  });

  it('parameter references that are not one, and fact references without a fact name or path', () => {
    const reference = { fact: 'movement', path: '$.amount', operator: 'greaterThan', value: { param: 'amount', x: 1 } };
    expect(problemsOf(withCondition(reference as Condition))).toEqual([
      {
        path: at,
        code: 'bad_param_reference',
        params: {},
        message: 'a parameter reference is { "param": "name" } with nothing else',
      },
    ]);
    const noName = { fact: 'movement', path: '$.amount', operator: 'greaterThan', value: { fact: 3 } };
    expect(problemsOf(withCondition(noName as Condition))).toEqual([
      { path: `${at}/fact`, code: 'must_be_fact_name', params: {}, message: 'must be a fact name' },
    ]);
    const pathNumber = {
      fact: 'movement',
      path: '$.amount',
      operator: 'greaterThan',
      value: { fact: 'stats', path: 3 },
    };
    expect(problemsOf(withCondition(pathNumber as Condition))).toEqual([
      { path: `${at}/path`, code: 'must_be_string', params: {}, message: 'must be a string' },
    ]);
  });

  it('a placeholder naming an unknown fact', () => {
    const rule = aRule({ message: { fr: 'Compte {{account.balance}}', en: 'Balance' } });
    expect(problemsOf(aRuleSet([rule]))).toEqual([
      {
        path: '/rules/0/message/fr',
        code: 'placeholder_unknown_fact',
        params: { placeholder: '{{account.balance}}', fact: 'account', known: FACT_NAMES.join(', ') },
        message: expect.stringMatching(/^\{\{account\.balance\}\}: unknown fact "account"; known facts: movement/),
      },
    ]);
  });

  it('schema problems: missing, wrong type, too long, too many, bad names and patterns', () => {
    const rule = { ...aRule(), enabled: 'yes', name: { fr: 'x'.repeat(121), en: 'Large' } } as Record<string, unknown>;
    delete rule['severity'];
    rule['params'] = {
      '1st': { value: 1, label: { fr: 'a', en: 'a' } },
      list: { value: [1], label: { fr: 'a', en: 'a' } },
    };
    const problems = problemsOf({ ...aRuleSet([rule as never]), packVersion: 'one two' });
    expect(problems.map(({ path, code, params }) => ({ path, code, params }))).toEqual([
      { path: '/packVersion', code: 'pattern_mismatch', params: { pattern: '^[0-9A-Za-z.+-]+$' } },
      { path: '/rules/0/severity', code: 'required', params: {} },
      { path: '/rules/0/name/fr', code: 'too_long', params: { max: 120 } },
      { path: '/rules/0/enabled', code: 'must_be_boolean', params: {} },
      { path: '/rules/0/params/1st', code: 'bad_param_name', params: {} },
      {
        path: '/rules/0/params/list/value',
        code: 'must_be_one_of_types',
        params: { types: 'number, string, boolean' },
      },
    ]);
    expect(problems.find((p) => p.code === 'required')!.message).toBe('is missing');
    const crowded = aRule({
      params: Object.fromEntries(
        Array.from({ length: 21 }, (_, i) => [`p${i}`, { value: i, label: { fr: 'a', en: 'a' } }]),
      ),
    });
    expect(problemsOf(aRuleSet([crowded]))).toEqual([
      { path: '/rules/0/params', code: 'too_many', params: { max: 20 }, message: 'must hold at most 20 items' },
    ]);
  });

  /** An ajv error as ajv 8 reports it, for the keywords our schema does not use (yet). */
  const ajvError = (keyword: string, params: Record<string, unknown>): ErrorObject => ({
    keyword,
    instancePath: '/rules/0/priority',
    schemaPath: `#/${keyword}`,
    params,
  });

  it.each([
    ['const', { allowedValue: 'movement' }, 'must_equal', { value: '"movement"' }, 'must be "movement"'],
    ['maximum', { comparison: '<=', limit: 1000 }, 'too_big', { max: 1000 }, 'must be at most 1000'],
    ['exclusiveMinimum', { comparison: '>', limit: 0 }, 'must_be_above', { min: 0 }, 'must be more than 0'],
    ['exclusiveMaximum', { comparison: '<', limit: 9 }, 'must_be_below', { max: 9 }, 'must be less than 9'],
    ['multipleOf', { multipleOf: 5 }, 'must_be_multiple_of', { divisor: 5 }, 'must be a multiple of 5'],
    ['minLength', { limit: 3 }, 'too_short', { min: 3 }, 'must be at least 3 characters long'],
    ['minItems', { limit: 2 }, 'too_few', { min: 2 }, 'must hold at least 2 items'],
    ['type', { type: 'integer' }, 'must_be_integer', {}, 'must be a whole number'],
    ['type', { type: 'null' }, 'must_be_one_of_types', { types: 'null' }, 'must be one of the JSON types: null'],
    ['anyOf', {}, 'no_matching_form', {}, 'matches none of the accepted forms'],
    ['oneOf', { passingSchemas: null }, 'no_matching_form', {}, 'matches none of the accepted forms'],
    ['oneOf', { passingSchemas: [0, 1] }, 'several_matching_forms', {}, 'matches more than one of the accepted forms'],
    ['uniqueItems', { i: 1, j: 0 }, 'schema_invalid', { keyword: 'uniqueItems' }, 'is not valid (uniqueItems)'],
  ])('the ajv keyword %s %j', (keyword, params, code, ours, message) => {
    expect(describeError(ajvError(keyword, params))).toEqual({
      path: '/rules/0/priority',
      code,
      params: ours,
      message,
    });
  });

  it('escapes the property it names in the pointer', () => {
    const error = { ...ajvError('additionalProperties', { additionalProperty: 'a/b~c' }), parentSchema: {} };
    expect(describeError(error)?.path).toBe('/rules/0/priority/a~1b~0c');
  });
});
