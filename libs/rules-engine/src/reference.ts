import { Engine, type TopLevelCondition } from 'json-rules-engine';
import { resolveTopCondition } from './conditions.js';
import { type EvaluationClock, FACT_NAMES, type Facts } from './facts.js';
import { CUSTOM_OPERATORS, customOperators } from './operators.js';
import { type RuleScope, type RuleSet } from './rule-set.js';
import { orderRules } from './rule-order.js';

/**
 * json-rules-engine 7.3.1 running the same rules: the reference the compiled
 * engine is tested against, and a cross-check for the API. Same operators
 * (ours registered as custom ones, with the clock in a closure; the
 * built-ins are json-rules-engine's own), parameters substituted the same
 * way, every fact given, absent ones as null.
 */
export interface ReferenceEngine {
  /** Ids of the rules that hit, in the compiled engine's order (priority, then as written). */
  run(facts: Partial<Facts>): Promise<string[]>;
}

/**
 * One json-rules-engine Engine for the enabled rules of `scope`, at `clock`.
 * Runs are queued: an Engine has a single `status`, and a run that finishes
 * marks it FINISHED, which makes a concurrent run skip its remaining
 * priority levels.
 */
export function createReferenceEngine(ruleSet: RuleSet, scope: RuleScope, clock: EvaluationClock): ReferenceEngine {
  const engine = new Engine([], { allowUndefinedFacts: false });
  for (const name of CUSTOM_OPERATORS) {
    const evaluate = customOperators[name];
    engine.addOperator(name, (factValue: unknown, value: unknown) => evaluate(factValue, value, clock));
  }
  const order = new Map<string, number>();
  for (const { rule } of orderRules(ruleSet.rules, scope)) {
    order.set(rule.id, order.size);
    engine.addRule({
      name: rule.id,
      priority: rule.priority ?? 1,
      conditions: resolveTopCondition(rule.conditions, rule.params) as unknown as TopLevelCondition,
      event: { type: rule.id },
    });
  }

  const runOnce = async (facts: Partial<Facts>): Promise<string[]> => {
    const runtimeFacts: Record<string, unknown> = {};
    for (const name of FACT_NAMES) runtimeFacts[name] = facts[name] ?? null;
    const { results } = await engine.run(runtimeFacts);
    return results.map((result) => result.name).sort((a, b) => order.get(a)! - order.get(b)!);
  };

  let queue: Promise<unknown> = Promise.resolve();
  return {
    run(facts) {
      const result = queue.then(() => runOnce(facts));
      queue = result.catch(() => undefined);
      return result;
    },
  };
}

/** Hit rule ids for one evaluation, by json-rules-engine. */
export function referenceEvaluate(
  ruleSet: RuleSet,
  scope: RuleScope,
  facts: Partial<Facts>,
  clock: EvaluationClock,
): Promise<string[]> {
  return createReferenceEngine(ruleSet, scope, clock).run(facts);
}
