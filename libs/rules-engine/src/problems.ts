import { type RuleSetProblem } from './engine.js';

/**
 * What validation can say of a rule set: a stable code per kind of problem,
 * the values it speaks of, and an English sentence built from them. The API
 * words the same code and params in the caller's language; library users and
 * tests read the sentence. Where a JSON Schema keyword means what a generic
 * field error means (`required`, `too_long`…), the code is the generic one.
 */

type None = Record<never, never>;
/** The values an operator's value problem speaks of: the operator, and the parameter the value came from. */
type ValueParams = { operator: string; param?: string };

/** The params of each code (scalars only: they travel in JSON beside the code). */
export interface RuleSetProblemParams {
  // Size and shape of the JSON, before the schema (json-limits.ts).
  too_many_rules: { count: number; max: number };
  rule_set_too_large: { maxKb: number };
  nested_too_deep: { max: number; maxConditionDepth: number };
  not_json_value: { found: string };
  not_plain_object: None;
  unsafe_number: None;
  // JSON Schema keywords (validate.ts).
  required: None;
  translation_required: { language: 'fr' | 'en' };
  unknown_property: { allowed: string };
  bad_param_name: None;
  condition_root: None;
  must_be_one_of: { allowed: string };
  must_equal: { value: string };
  must_be_object: None;
  must_be_array: None;
  must_be_string: None;
  must_be_number: None;
  must_be_integer: None;
  must_be_boolean: None;
  must_be_one_of_types: { types: string };
  not_empty: None;
  too_short: { min: number };
  too_long: { max: number };
  too_few: { min: number };
  too_many: { max: number };
  too_small: { min: number };
  too_big: { max: number };
  must_be_above: { min: number };
  must_be_below: { max: number };
  must_be_multiple_of: { divisor: number };
  not_blank: None;
  kebab_case: None;
  pattern_mismatch: { pattern: string };
  no_matching_form: None;
  several_matching_forms: None;
  schema_invalid: { keyword: string };
  // What the schema cannot say (rule-set-checks.ts).
  duplicate_rule_id: { id: string; first: string };
  param_bounds_not_number: None;
  param_min_above_max: { min: number; max: number };
  param_below_min: { value: number; min: number };
  param_above_max: { value: number; max: number };
  unknown_fact: { fact: string; known: string };
  fact_not_in_scope: { fact: string; scope: string; available: string };
  path_not_simple: { path: string; maxSteps: number };
  too_many_conditions: { max: number };
  conditions_too_deep: { level: number; max: number };
  unknown_operator: { operator: string; known: string };
  unknown_param: { param: string; declared: string };
  unknown_param_none_declared: { param: string };
  bad_param_reference: None;
  fact_reference_not_allowed: { operator: string };
  bad_fact_reference: None;
  must_be_fact_name: None;
  bad_placeholder: { placeholder: string };
  placeholder_unknown_fact: { placeholder: string; fact: string; known: string };
  placeholder_fact_not_in_scope: { placeholder: string; fact: string; scope: string; available: string };
  // An operator's value, parameters substituted (operator-values.ts).
  value_needs_scalar: ValueParams;
  value_string_too_long: ValueParams & { max: number };
  value_needs_number: ValueParams;
  value_needs_list: ValueParams;
  value_too_many_items: ValueParams & { max: number };
  value_needs_days: ValueParams & { max: number };
  value_needs_time: ValueParams;
  value_needs_positive_integer: ValueParams;
  value_needs_threshold_percent: ValueParams;
  value_needs_positive_threshold: ValueParams;
  value_needs_z_score: ValueParams;
  value_needs_percent_of: ValueParams;
}

export type RuleSetProblemCode = keyof RuleSetProblemParams;

/** The codes of an operator's value problems: their params may name the parameter the value came from. */
export type ValueProblemCode = Extract<RuleSetProblemCode, `value_${string}`>;

const LANGUAGE_NAMES = { fr: 'French', en: 'English' } as const;

/** " (parameter "limit")" when the operator's value was a parameter's. */
const from = (p: ValueParams) => (p.param === undefined ? '' : ` (parameter "${p.param}")`);

const ENGLISH: { readonly [C in RuleSetProblemCode]: (params: RuleSetProblemParams[C]) => string } = {
  too_many_rules: (p) => `has ${p.count} rules; a rule set holds at most ${p.max}`,
  rule_set_too_large: (p) => `is larger than ${p.maxKb} KB as JSON`,
  nested_too_deep: (p) =>
    `is nested more than ${p.max} levels deep; conditions may nest at most ${p.maxConditionDepth} all/any/not levels`,
  not_json_value: (p) => `must be plain JSON (found ${p.found})`,
  not_plain_object: () => 'must be plain JSON (found an instance of a class)',
  unsafe_number: () => 'must be a finite number between -2^53 and 2^53',

  required: () => 'is missing',
  translation_required: (p) => `is missing: the ${LANGUAGE_NAMES[p.language]} text is required`,
  unknown_property: (p) => `is not a known property; allowed: ${p.allowed}`,
  bad_param_name: () => 'is not a valid parameter name: a letter, then letters, digits or _ (at most 40)',
  condition_root: () => 'must have "all", "any" or "not" at its root',
  must_be_one_of: (p) => `must be one of: ${p.allowed}`,
  must_equal: (p) => `must be ${p.value}`,
  must_be_object: () => 'must be an object',
  must_be_array: () => 'must be a list',
  must_be_string: () => 'must be a string',
  must_be_number: () => 'must be a number',
  must_be_integer: () => 'must be a whole number',
  must_be_boolean: () => 'must be true or false',
  must_be_one_of_types: (p) => `must be one of the JSON types: ${p.types}`,
  not_empty: () => 'must not be empty',
  too_short: (p) => `must be at least ${p.min} characters long`,
  too_long: (p) => `must be at most ${p.max} characters long`,
  too_few: (p) => `must hold at least ${p.min} items`,
  too_many: (p) => `must hold at most ${p.max} items`,
  too_small: (p) => `must be at least ${p.min}`,
  too_big: (p) => `must be at most ${p.max}`,
  must_be_above: (p) => `must be more than ${p.min}`,
  must_be_below: (p) => `must be less than ${p.max}`,
  must_be_multiple_of: (p) => `must be a multiple of ${p.divisor}`,
  not_blank: () => 'must not be blank',
  kebab_case: () => 'must be kebab-case: lowercase letters and digits joined by single hyphens',
  pattern_mismatch: (p) => `must match ${p.pattern}`,
  no_matching_form: () => 'matches none of the accepted forms',
  several_matching_forms: () => 'matches more than one of the accepted forms',
  schema_invalid: (p) => `is not valid (${p.keyword})`,

  duplicate_rule_id: (p) => `"${p.id}" is already the id of ${p.first}`,
  param_bounds_not_number: () => 'has min or max but its value is not a number',
  param_min_above_max: (p) => `min (${p.min}) is above max (${p.max})`,
  param_below_min: (p) => `${p.value} is below the minimum ${p.min}`,
  param_above_max: (p) => `${p.value} is above the maximum ${p.max}`,
  unknown_fact: (p) => `unknown fact "${p.fact}"; known facts: ${p.known}`,
  fact_not_in_scope: (p) => `"${p.fact}" is always null for ${p.scope} rules, which can read: ${p.available}`,
  path_not_simple: (p) =>
    `"${p.path}" is not a simple path: write $.name, $.name.sub or $.list[0] ` +
    `(at most ${p.maxSteps} steps; no "..", "*", filters or scripts)`,
  too_many_conditions: (p) => `has more than ${p.max} conditions`,
  conditions_too_deep: (p) => `is all/any/not level ${p.level}; conditions nest at most ${p.max} levels`,
  unknown_operator: (p) => `unknown operator "${p.operator}"; known operators: ${p.known}`,
  unknown_param: (p) => `unknown parameter "${p.param}"; this rule declares: ${p.declared}`,
  unknown_param_none_declared: (p) => `unknown parameter "${p.param}"; this rule declares none`,
  bad_param_reference: () => 'a parameter reference is { "param": "name" } with nothing else',
  fact_reference_not_allowed: (p) => `${p.operator} does not take a fact reference; write the value itself`,
  bad_fact_reference: () => 'a fact reference is { "fact": name, "path": "$.x" } with nothing else',
  must_be_fact_name: () => 'must be a fact name',
  bad_placeholder: (p) => `${p.placeholder}: is not a placeholder: write {{fact.name}} or {{fact.name.sub}}`,
  placeholder_unknown_fact: (p) => `${p.placeholder}: unknown fact "${p.fact}"; known facts: ${p.known}`,
  placeholder_fact_not_in_scope: (p) =>
    `${p.placeholder}: "${p.fact}" is always null for ${p.scope} rules, which can read: ${p.available}`,

  value_needs_scalar: (p) => `${p.operator} needs a string, a number, true, false or null${from(p)}`,
  value_string_too_long: (p) => `${p.operator} takes a string of at most ${p.max} characters${from(p)}`,
  value_needs_number: (p) => `${p.operator} needs a number${from(p)}`,
  value_needs_list: (p) => `${p.operator} needs a non-empty list of strings, numbers, booleans or null${from(p)}`,
  value_too_many_items: (p) => `${p.operator} takes at most ${p.max} items${from(p)}`,
  value_needs_days: (p) => `${p.operator} needs a whole number of days between 0 and ${p.max}${from(p)}`,
  value_needs_time: (p) => `${p.operator} needs a local time "HH:MM" (00:00 to 23:59)${from(p)}`,
  value_needs_positive_integer: (p) => `${p.operator} needs a whole number above 0${from(p)}`,
  value_needs_threshold_percent: (p) =>
    `${p.operator} needs { "threshold": number, "percent": number above 0 and at most 100 }${from(p)}`,
  value_needs_positive_threshold: (p) => `${p.operator} needs a positive threshold${from(p)}`,
  value_needs_z_score: (p) =>
    `${p.operator} needs a number threshold, or { "threshold": number, "minCount": whole number of at least 1 }` +
    from(p),
  value_needs_percent_of: (p) => `${p.operator} needs { "percent": number of at least 0, "of": number }${from(p)}`,
};

/** Every code, for consumers that word them (the API's catalog is checked against this list). */
export const RULE_SET_PROBLEM_CODES = Object.keys(ENGLISH) as readonly RuleSetProblemCode[];

/** A problem at `path`, its English sentence made from its code and params. */
export function problem<C extends RuleSetProblemCode>(
  path: string,
  code: C,
  params: RuleSetProblemParams[C],
): RuleSetProblem {
  const defined = Object.fromEntries(Object.entries(params).filter(([, value]) => value !== undefined));
  return { path, code, params: defined, message: ENGLISH[code](params) };
}
