import { type RuleDefinition, type RuleScope } from './rule-set.js';

/** The enabled rules of a scope in evaluation order: priority (default 1) highest first, then as written. */
export function orderRules(rules: RuleDefinition[], scope: RuleScope): { rule: RuleDefinition; index: number }[] {
  return rules
    .map((rule, index) => ({ rule, index }))
    .filter(({ rule }) => rule.enabled && rule.scope === scope)
    .sort((a, b) => (b.rule.priority ?? 1) - (a.rule.priority ?? 1) || a.index - b.index);
}
