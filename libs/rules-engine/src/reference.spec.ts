import { compileRuleSet } from './compile.js';
import { createReferenceEngine, referenceEvaluate } from './reference.js';
import { type TopCondition } from './rule-set.js';
import { PARIS_NOON, aConditionRule, aRuleSet, someFacts } from './testing/builders.js';

const amountAbove = (value: number): TopCondition => ({
  all: [{ fact: 'movement', path: '$.amount', operator: 'greaterThan', value }],
});

describe('referenceEvaluate', () => {
  it('runs json-rules-engine with our custom operators and the clock', async () => {
    const ruleSet = aRuleSet([
      aConditionRule('recent', { all: [{ fact: 'movement', path: '$.occurredOn', operator: 'withinDays', value: 0 }] }),
      aConditionRule('big', amountAbove(100000), { priority: 2 }),
    ]);
    expect(await referenceEvaluate(ruleSet, 'movement', someFacts(), PARIS_NOON)).toEqual(['big', 'recent']);
    const tomorrow = { ...PARIS_NOON, now: '2026-11-26T11:00:00Z' };
    expect(await referenceEvaluate(ruleSet, 'movement', someFacts(), tomorrow)).toEqual(['big']);
  });

  it('gives correct results to concurrent runs over several priority levels', async () => {
    // json-rules-engine keeps one status per Engine: a run that finishes while
    // another waits between priority levels makes the latter skip the rest.
    // A run whose first rule fails fast finishes while a run of a passing one is
    // still between its rule's condition priorities.
    const steps: TopCondition = {
      all: [4, 3, 2, 1].map((priority) => ({
        fact: 'movement' as const,
        path: '$.amount',
        operator: 'greaterThan',
        value: 1000 - priority,
        priority,
      })),
    };
    const ruleSet = aRuleSet([
      aConditionRule('slow', steps, { priority: 3 }),
      aConditionRule('any-amount', amountAbove(-1), { priority: 2 }),
      aConditionRule('large', amountAbove(2000), { priority: 1 }),
    ]);
    const engine = createReferenceEngine(ruleSet, 'movement', PARIS_NOON);
    const compiled = compileRuleSet(ruleSet);
    const factSets = Array.from({ length: 30 }, (_, i) =>
      someFacts({ movement: { ...someFacts().movement!, amount: (i % 2) * 5000 } }),
    );
    const results = await Promise.all(factSets.map((facts) => engine.run(facts)));
    expect(results).toEqual(
      factSets.map((facts) => compiled.evaluate('movement', facts, PARIS_NOON).map((hit) => hit.ruleId)),
    );
  });
});
