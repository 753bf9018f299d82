import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import { type RuleSetProblem, type ValidationResult } from './engine.js';
import { checkJsonLimits, escapePointer } from './json-limits.js';
import { LIMITS } from './limits.js';
import { type RuleSetProblemCode, problem } from './problems.js';
import { type RuleSet } from './rule-set.js';
import { checkRuleSet } from './rule-set-checks.js';
import { ruleSetSchema } from './rule-set.schema.js';

/**
 * Validates an untrusted rule set in three passes, each only when the
 * previous one passed: size and depth bounds (cheap, iterative), the JSON
 * Schema, then the checks the schema cannot express. Problems carry a JSON
 * pointer into the input, a code with its params, and an English sentence.
 */
export function validateRuleSet(input: unknown): ValidationResult {
  const limitProblems = checkJsonLimits(input);
  if (limitProblems.length > 0) return { ok: false, problems: limitProblems };
  const validate = schemaValidator();
  if (!validate(input)) return { ok: false, problems: describeSchemaErrors(validate.errors ?? []) };
  const problems = checkRuleSet(input);
  if (problems.length > 0) return { ok: false, problems };
  // A pack file validates as its rule set: name, description and fixtures stay behind.
  return { ok: true, ruleSet: { pack: input.pack, packVersion: input.packVersion, rules: input.rules } };
}

let compiled: ValidateFunction<RuleSet> | null = null;

function schemaValidator(): ValidateFunction<RuleSet> {
  if (!compiled) {
    const ajv = new Ajv2020({ allErrors: true, verbose: true, allowUnionTypes: true });
    compiled = ajv.compile<RuleSet>(ruleSetSchema);
  }
  return compiled;
}

const TYPE_CODES = {
  object: 'must_be_object',
  array: 'must_be_array',
  string: 'must_be_string',
  number: 'must_be_number',
  integer: 'must_be_integer',
  boolean: 'must_be_boolean',
} as const satisfies Record<string, RuleSetProblemCode>;

function typeProblem(path: string, type: unknown): RuleSetProblem {
  const types = (Array.isArray(type) ? type : [type]).map(String);
  const [only] = types;
  if (types.length === 1 && only !== undefined && Object.hasOwn(TYPE_CODES, only)) {
    return problem(path, TYPE_CODES[only as keyof typeof TYPE_CODES], {});
  }
  return problem(path, 'must_be_one_of_types', { types: types.join(', ') });
}

function patternProblem(path: string, pattern: string): RuleSetProblem {
  if (pattern === '\\S') return problem(path, 'not_blank', {});
  if (pattern.startsWith('^[a-z0-9]+')) return problem(path, 'kebab_case', {});
  return problem(path, 'pattern_mismatch', { pattern });
}

/** ajv's error as our problem: its keyword gives the code, its params ours. */
export function describeError(error: ErrorObject): RuleSetProblem | null {
  const path = error.instancePath;
  const params = error.params as Record<string, unknown>;
  const limit = Number(params['limit']);
  switch (error.keyword) {
    case 'if':
      return null; // the branch's own errors say what is wrong
    case 'required': {
      const missing = String(params['missingProperty']);
      const at = `${path}/${escapePointer(missing)}`;
      if (missing === 'fr' || missing === 'en') return problem(at, 'translation_required', { language: missing });
      return problem(at, 'required', {});
    }
    case 'additionalProperties': {
      const extra = String(params['additionalProperty']);
      const allowed = Object.keys((error.parentSchema as { properties?: object } | undefined)?.properties ?? {});
      return problem(`${path}/${escapePointer(extra)}`, 'unknown_property', { allowed: allowed.join(', ') });
    }
    case 'propertyNames':
      return problem(`${path}/${escapePointer(String(params['propertyName']))}`, 'bad_param_name', {});
    case 'false schema':
      return problem(path, 'condition_root', {});
    case 'enum':
      return problem(path, 'must_be_one_of', { allowed: (params['allowedValues'] as unknown[]).join(', ') });
    case 'const':
      return problem(path, 'must_equal', { value: JSON.stringify(params['allowedValue']) });
    case 'type':
      return typeProblem(path, params['type']);
    case 'minLength':
      return limit === 1 ? problem(path, 'not_empty', {}) : problem(path, 'too_short', { min: limit });
    case 'maxLength':
      return problem(path, 'too_long', { max: limit });
    case 'minItems':
    case 'minProperties':
      return limit === 1 ? problem(path, 'not_empty', {}) : problem(path, 'too_few', { min: limit });
    case 'maxItems':
    case 'maxProperties':
      return problem(path, 'too_many', { max: limit });
    case 'minimum':
      return problem(path, 'too_small', { min: limit });
    case 'maximum':
      return problem(path, 'too_big', { max: limit });
    case 'exclusiveMinimum':
      return problem(path, 'must_be_above', { min: limit });
    case 'exclusiveMaximum':
      return problem(path, 'must_be_below', { max: limit });
    case 'multipleOf':
      return problem(path, 'must_be_multiple_of', { divisor: Number(params['multipleOf']) });
    case 'pattern':
      return patternProblem(path, String(params['pattern']));
    case 'anyOf':
      return problem(path, 'no_matching_form', {});
    case 'oneOf':
      // ajv names the passing branches when more than one matched.
      return Array.isArray(params['passingSchemas'])
        ? problem(path, 'several_matching_forms', {})
        : problem(path, 'no_matching_form', {});
    default:
      return problem(path, 'schema_invalid', { keyword: error.keyword });
  }
}

function describeSchemaErrors(errors: ErrorObject[]): RuleSetProblem[] {
  const problems: RuleSetProblem[] = [];
  const seen = new Set<string>();
  for (const error of errors) {
    // Property-name errors come twice: once for the name, once for the object; keep the latter.
    if (error.propertyName !== undefined) continue;
    const found = describeError(error);
    if (!found) continue;
    const key = `${found.path}\u0000${found.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    problems.push(found);
    if (problems.length >= LIMITS.maxProblems) break;
  }
  return problems;
}
