import type { EvaluationClock, FactName, Facts } from './facts.js';
import type { RuleSetProblemCode } from './problems.js';
import type { Localized, RuleScope, RuleSet, Severity } from './rule-set.js';

/**
 * The contract the API codes against: `validateRuleSet` (validate.ts),
 * `compileRuleSet` (compile.ts) and `referenceEvaluate` (reference.ts)
 * implement it.
 */

/** One condition that held on a hit, with the value the fact had. */
export interface HeldCondition {
  fact: FactName;
  /** The condition's path (`$.amount`), '' when it reads the whole fact. */
  path: string;
  operator: string;
  /** The compared value after parameters and fact references were resolved. */
  value: unknown;
  factValue: unknown;
  /**
   * True for a condition under a `not` that held by failing: the text then
   * says the negation ("movement.channel ("bank") is not one of "cash"").
   */
  negated?: boolean;
  /** The condition in words: "movement.amount (150000) is greater than 100000". */
  text: Localized;
}

export interface Hit {
  ruleId: string;
  severity: Severity;
  scope: RuleScope;
  name: Localized;
  /** The rule's message with its placeholders filled. */
  message: Localized;
  held: HeldCondition[];
}

/** One problem of a rule set that does not validate (problems.ts lists the codes and their params). */
export interface RuleSetProblem {
  /** JSON pointer into the submitted rule set: `/rules/3/conditions/all/0/operator`. */
  path: string;
  /** Stable, for clients that word the problem themselves: `unknown_operator`, `too_long`… */
  code: RuleSetProblemCode;
  /** The values the problem speaks of: `{ operator: 'regex', known: 'equal, notEqual, …' }`. */
  params: Readonly<Record<string, string | number | boolean>>;
  /** In English. */
  message: string;
}

export type ValidationResult = { ok: true; ruleSet: RuleSet } | { ok: false; problems: RuleSetProblem[] };

export interface CompiledRuleSet {
  /** Enabled rules, all scopes together (disabled rules are not compiled). */
  readonly ruleCount: number;
  /** Hits of the enabled rules of `scope`, highest priority first. Pure and synchronous. */
  evaluate(scope: RuleScope, facts: Facts, clock: EvaluationClock): Hit[];
}
