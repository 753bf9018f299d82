import type { FactName, Facts } from './facts.js';

/**
 * A rule set: what a cooperative stores (one version per activation) and what
 * a pack in `rules/` ships. Conditions are json-rules-engine's format; the
 * envelope adds names, messages, severity, scope and tunable parameters.
 *
 * A condition's `value` may be `{ "param": "name" }`, or hold one inside
 * (`{ "threshold": { "param": "limit" }, "percent": 10 }`): it is replaced by
 * the rule's parameter before compiling (and before handing the rule to
 * json-rules-engine), so a cooperative tunes thresholds without touching
 * conditions. A value `{ "fact": name, "path": "$.x" }` is a fact reference,
 * resolved at evaluation as json-rules-engine does.
 */

export type Locale = 'fr' | 'en';
export type Localized = Record<Locale, string>;
export type Severity = 'low' | 'medium' | 'high' | 'critical';
export const SEVERITIES: readonly Severity[] = ['low', 'medium', 'high', 'critical'];

/**
 * What a rule looks at:
 * - `movement`: every write, with movement, member, loan, stats and cooperative facts;
 * - `loan`: each disbursed loan in periodic audits (loan, member, cooperative);
 * - `due`: each due of each member in periodic audits (due, member, cooperative);
 * - `cooperative`: once per periodic audit (portfolio, cooperative).
 */
export type RuleScope = 'movement' | 'loan' | 'due' | 'cooperative';
export const RULE_SCOPES: readonly RuleScope[] = ['movement', 'loan', 'due', 'cooperative'];

export interface RuleParameter {
  value: number | string | boolean;
  label: Localized;
  /** Bounds for numbers, checked on validation. */
  min?: number;
  max?: number;
}

export type ConditionValue = unknown;

/**
 * json-rules-engine's optional extras on any condition: `priority` orders
 * evaluation within all/any (highest first; it never changes the outcome),
 * `name` labels it.
 */
export interface ConditionExtras {
  priority?: number;
  name?: string;
}

export interface FactCondition extends ConditionExtras {
  fact: FactName;
  path?: string;
  operator: string;
  value: ConditionValue;
}
export type Condition =
  | FactCondition
  | ({ all: Condition[] } & ConditionExtras)
  | ({ any: Condition[] } & ConditionExtras)
  | ({ not: Condition } & ConditionExtras);
export type TopCondition =
  | ({ all: Condition[] } & ConditionExtras)
  | ({ any: Condition[] } & ConditionExtras)
  | ({ not: Condition } & ConditionExtras);

export interface RuleDefinition {
  /** Stable kebab-case id, unique in the set: `late-contribution`. */
  id: string;
  name: Localized;
  /** Shown on a hit; `{{fact.path}}` placeholders are filled with fact values (`{{movement.amount}}`). */
  message: Localized;
  severity: Severity;
  scope: RuleScope;
  enabled: boolean;
  priority?: number;
  params: Record<string, RuleParameter>;
  conditions: TopCondition;
}

export interface RuleSet {
  /** Pack the set descends from (`default`, `tontine`, `vsla`) and its version. */
  pack: string;
  packVersion: string;
  rules: RuleDefinition[];
}

/** A shipped pack: a rule set plus a description and fixtures the tests run. */
export interface RulePack extends RuleSet {
  name: Localized;
  description: Localized;
  fixtures: RuleFixture[];
}

/** Input facts and the rule ids expected to hit (among the pack's rules of that scope). */
export interface RuleFixture {
  name: string;
  scope: RuleScope;
  clock: { now: string; timeZone: string };
  facts: Partial<Facts>;
  hits: string[];
}
