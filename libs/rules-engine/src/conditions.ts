import { type FactName } from './facts.js';
import { type Condition, type FactCondition, type RuleParameter, type TopCondition } from './rule-set.js';

/** Helpers on json-rules-engine's condition format, shared by validation, the compiler and the reference engine. */

export type BooleanKind = 'all' | 'any' | 'not';

/** Which boolean operator a condition is, in json-rules-engine's order of precedence (any, all, not). */
export function booleanKind(condition: object): BooleanKind | null {
  if (Object.hasOwn(condition, 'any')) return 'any';
  if (Object.hasOwn(condition, 'all')) return 'all';
  if (Object.hasOwn(condition, 'not')) return 'not';
  return null;
}

/** Sub-conditions of a boolean condition, as a list (one for `not`). */
export function childrenOf(condition: Condition): Condition[] {
  if ('any' in condition) return condition.any;
  if ('all' in condition) return condition.all;
  if ('not' in condition) return [condition.not];
  return [];
}

export interface ParamReference {
  param: string;
}

/** `{ "param": "name" }`, nothing else. */
export function isParamReference(value: unknown): value is ParamReference {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const keys = Object.keys(value);
  return keys.length === 1 && keys[0] === 'param' && typeof (value as ParamReference).param === 'string';
}

export interface FactReference {
  fact: FactName;
  path?: string;
}

/** A value json-rules-engine resolves as a fact: any object with an own `fact` property. */
export function isFactReference(value: unknown): value is FactReference {
  return typeof value === 'object' && value !== null && Object.hasOwn(value, 'fact');
}

/**
 * The value with every `{ "param": name }` replaced by the parameter's value,
 * at any depth (`{ "threshold": { "param": "limit" }, "percent": 10 }`).
 * Throws on an undeclared parameter: validation reports those first.
 */
export function substituteParams(value: unknown, params: Record<string, RuleParameter>): unknown {
  if (isParamReference(value)) {
    if (!Object.hasOwn(params, value.param)) throw new Error(`Unknown parameter "${value.param}"`);
    return params[value.param]!.value;
  }
  if (Array.isArray(value)) return value.map((item) => substituteParams(item, params));
  if (typeof value === 'object' && value !== null) {
    const copy: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) copy[key] = substituteParams(item, params);
    return copy;
  }
  return value;
}

/** The condition tree with parameters substituted in every leaf value. */
export function resolveCondition(condition: Condition, params: Record<string, RuleParameter>): Condition {
  const copy: Record<string, unknown> = { ...condition };
  if ('any' in condition) copy['any'] = condition.any.map((c) => resolveCondition(c, params));
  else if ('all' in condition) copy['all'] = condition.all.map((c) => resolveCondition(c, params));
  else if ('not' in condition) copy['not'] = resolveCondition(condition.not, params);
  else copy['value'] = substituteParams((condition as FactCondition).value, params);
  return copy as unknown as Condition;
}

export function resolveTopCondition(condition: TopCondition, params: Record<string, RuleParameter>): TopCondition {
  return resolveCondition(condition, params) as TopCondition;
}
