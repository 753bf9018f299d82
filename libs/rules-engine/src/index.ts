export * from './facts.js';
export * from './rule-set.js';
export * from './engine.js';
export { validateRuleSet } from './validate.js';
export { RULE_SET_PROBLEM_CODES, type RuleSetProblemCode, type RuleSetProblemParams } from './problems.js';
export { compileRuleSet } from './compile.js';
export { createReferenceEngine, referenceEvaluate, type ReferenceEngine } from './reference.js';
export { RuleSetInvalidError } from './errors.js';
export { LIMITS } from './limits.js';
export { SCOPE_FACTS } from './scope-facts.js';
export { ruleSetSchema } from './rule-set.schema.js';
export {
  BUILTIN_OPERATORS,
  CUSTOM_OPERATORS,
  OPERATOR_NAMES,
  operators,
  type OperatorFn,
  type OperatorName,
} from './operators.js';
