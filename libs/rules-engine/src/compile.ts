import { type CompiledRule, type Test, compileRule } from './compiled-rule.js';
import { type CompiledRuleSet, type Hit } from './engine.js';
import { RuleSetInvalidError } from './errors.js';
import { type EvaluationClock, type Facts } from './facts.js';
import { buildHit } from './hit.js';
import { RULE_SCOPES, type RuleScope, type RuleSet } from './rule-set.js';
import { orderRules } from './rule-order.js';
import { validateRuleSet } from './validate.js';

/**
 * Compiles a rule set once (validating it first: throws RuleSetInvalidError),
 * for synchronous evaluations afterwards.
 */
export function compileRuleSet(ruleSet: RuleSet): CompiledRuleSet {
  const validation = validateRuleSet(ruleSet);
  if (!validation.ok) throw new RuleSetInvalidError(validation.problems);
  const byScope = {} as Record<RuleScope, CompiledRule[]>;
  for (const scope of RULE_SCOPES) {
    byScope[scope] = orderRules(validation.ruleSet.rules, scope).map(({ rule, index }) => compileRule(rule, index));
  }
  return new CompiledRules(byScope);
}

class CompiledRules implements CompiledRuleSet {
  readonly ruleCount: number;
  /** Each scope's rule tests, apart from the rules: the loop reads nothing else until a hit. */
  private readonly tests: Record<RuleScope, Test[]>;

  constructor(private readonly byScope: Record<RuleScope, CompiledRule[]>) {
    this.ruleCount = RULE_SCOPES.reduce((count, scope) => count + byScope[scope].length, 0);
    this.tests = {
      movement: byScope.movement.map((rule) => rule.root.test),
      loan: byScope.loan.map((rule) => rule.root.test),
      due: byScope.due.map((rule) => rule.root.test),
      cooperative: byScope.cooperative.map((rule) => rule.root.test),
    };
  }

  evaluate(scope: RuleScope, facts: Facts, clock: EvaluationClock): Hit[] {
    const tests = Object.hasOwn(this.tests, scope) ? this.tests[scope] : undefined;
    if (!tests) throw new RangeError(`Unknown rule scope "${String(scope)}"`);
    let hits: Hit[] | null = null;
    for (let i = 0; i < tests.length; i++) {
      if (tests[i]!(facts, clock)) (hits ??= []).push(buildHit(this.byScope[scope][i]!, facts, clock));
    }
    return hits ?? [];
  }
}
