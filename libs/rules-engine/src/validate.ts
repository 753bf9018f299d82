import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import { type RuleSetProblem, type ValidationResult } from './engine.js';
import { checkJsonLimits } from './json-limits.js';
import { LIMITS } from './limits.js';
import { type RuleSet } from './rule-set.js';
import { checkRuleSet } from './rule-set-checks.js';
import { ruleSetSchema } from './rule-set.schema.js';

/**
 * Validates an untrusted rule set in three passes, each only when the
 * previous one passed: size and depth bounds (cheap, iterative), the JSON
 * Schema, then the checks the schema cannot express. Problems carry a JSON
 * pointer into the input and a sentence.
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

const TYPE_NAMES: Record<string, string> = {
  object: 'an object',
  array: 'a list',
  string: 'a string',
  number: 'a number',
  integer: 'a whole number',
  boolean: 'true or false',
};

function describeType(type: unknown): string {
  const types = Array.isArray(type) ? type : [type];
  return types.map((t) => TYPE_NAMES[String(t)] ?? String(t)).join(' or ');
}

function describeError(error: ErrorObject): RuleSetProblem | null {
  const path = error.instancePath;
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'if':
      return null; // the branch's own errors say what is wrong
    case 'required': {
      const missing = String(params['missingProperty']);
      if (missing === 'fr' || missing === 'en') {
        const language = missing === 'fr' ? 'French' : 'English';
        return { path: `${path}/${missing}`, message: `is missing: the ${language} text is required` };
      }
      return { path: `${path}/${missing}`, message: 'is missing' };
    }
    case 'additionalProperties': {
      const extra = String(params['additionalProperty']);
      const allowed = Object.keys((error.parentSchema as { properties?: object } | undefined)?.properties ?? {});
      return { path: `${path}/${extra}`, message: `is not a known property; allowed: ${allowed.join(', ')}` };
    }
    case 'propertyNames':
      return {
        path: `${path}/${String(params['propertyName'])}`,
        message: 'is not a valid parameter name: a letter, then letters, digits or _ (at most 40)',
      };
    case 'false schema':
      return { path, message: 'must have "all", "any" or "not" at its root' };
    case 'enum':
      return { path, message: `must be one of: ${(params['allowedValues'] as unknown[]).join(', ')}` };
    case 'type':
      return { path, message: `must be ${describeType(params['type'])}` };
    case 'minLength':
      return { path, message: 'must not be empty' };
    case 'maxLength':
      return { path, message: `must be at most ${String(params['limit'])} characters long` };
    case 'minItems':
      return { path, message: `must hold at least ${String(params['limit'])} item(s)` };
    case 'maxItems':
      return { path, message: `must hold at most ${String(params['limit'])} items` };
    case 'maxProperties':
      return { path, message: `must hold at most ${String(params['limit'])} entries` };
    case 'pattern': {
      const pattern = String(params['pattern']);
      if (pattern === '\\S') return { path, message: 'must not be blank' };
      if (pattern.startsWith('^[a-z0-9]+')) {
        return { path, message: 'must be kebab-case: lowercase letters and digits joined by single hyphens' };
      }
      return { path, message: `must match ${pattern}` };
    }
    default:
      return { path, message: error.message ?? `fails ${error.keyword}` };
  }
}

function describeSchemaErrors(errors: ErrorObject[]): RuleSetProblem[] {
  const problems: RuleSetProblem[] = [];
  const seen = new Set<string>();
  for (const error of errors) {
    // Property-name errors come twice: once for the name, once for the object; keep the latter.
    if (error.propertyName !== undefined) continue;
    const problem = describeError(error);
    if (!problem) continue;
    const key = `${problem.path}\u0000${problem.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    problems.push(problem);
    if (problems.length >= LIMITS.maxProblems) break;
  }
  return problems;
}
