import { type RuleSetProblem } from './engine.js';
import { FACT_NAMES, type FactName } from './facts.js';
import { MAX_SEGMENTS, isSimplePath } from './fact-path.js';
import { escapePointer } from './json-limits.js';
import { LIMITS } from './limits.js';
import { PLACEHOLDER, parsePlaceholder } from './message-template.js';
import {
  type FactReference,
  booleanKind,
  childrenOf,
  isFactReference,
  isParamReference,
  substituteParams,
} from './conditions.js';
import { OPERATOR_NAMES, isOperatorName } from './operators.js';
import { operatorValues } from './operator-values.js';
import { problem } from './problems.js';
import { type Condition, type FactCondition, type RuleDefinition, type RuleSet } from './rule-set.js';
import { SCOPE_FACTS } from './scope-facts.js';

/**
 * The checks a JSON Schema cannot express, on a rule set that already
 * matches the schema: unique ids, known facts and operators, simple paths,
 * declared parameters within their bounds, value types per operator,
 * nesting depth and size of each rule, message placeholders.
 */
export function checkRuleSet(ruleSet: RuleSet): RuleSetProblem[] {
  const problems: RuleSetProblem[] = [];
  const firstIndex = new Map<string, number>();
  ruleSet.rules.forEach((rule, index) => {
    const at = `/rules/${index}`;
    const first = firstIndex.get(rule.id);
    if (first === undefined) firstIndex.set(rule.id, index);
    else problems.push(problem(`${at}/id`, 'duplicate_rule_id', { id: rule.id, first: `/rules/${first}` }));
    checkParams(rule, at, problems);
    new ConditionChecker(rule, at, problems).check();
    checkMessage(rule, at, problems);
  });
  return problems.slice(0, LIMITS.maxProblems);
}

function checkParams(rule: RuleDefinition, at: string, problems: RuleSetProblem[]): void {
  for (const [name, param] of Object.entries(rule.params)) {
    const path = `${at}/params/${escapePointer(name)}`;
    const { value, min, max } = param;
    if (typeof value !== 'number') {
      if (min !== undefined || max !== undefined) {
        problems.push(problem(path, 'param_bounds_not_number', {}));
      }
      continue;
    }
    if (min !== undefined && max !== undefined && min > max) {
      problems.push(problem(`${path}/min`, 'param_min_above_max', { min, max }));
    } else if (min !== undefined && value < min) {
      problems.push(problem(`${path}/value`, 'param_below_min', { value, min }));
    } else if (max !== undefined && value > max) {
      problems.push(problem(`${path}/value`, 'param_above_max', { value, max }));
    }
  }
}

type FactProblem =
  | { code: 'unknown_fact'; params: { fact: string; known: string } }
  | { code: 'fact_not_in_scope'; params: { fact: string; scope: string; available: string } };

/** Why a rule of its scope cannot read `fact`, or null when it can. */
function factProblem(fact: string, rule: RuleDefinition): FactProblem | null {
  if (!(FACT_NAMES as readonly string[]).includes(fact)) {
    return { code: 'unknown_fact', params: { fact, known: FACT_NAMES.join(', ') } };
  }
  const available = SCOPE_FACTS[rule.scope];
  if (!available.includes(fact as FactName)) {
    return { code: 'fact_not_in_scope', params: { fact, scope: rule.scope, available: available.join(', ') } };
  }
  return null;
}

function factProblemAt(path: string, fact: string, rule: RuleDefinition): RuleSetProblem | null {
  const found = factProblem(fact, rule);
  return found && problem(path, found.code, found.params);
}

function pathProblem(at: string, path: string): RuleSetProblem | null {
  return isSimplePath(path) ? null : problem(at, 'path_not_simple', { path, maxSteps: MAX_SEGMENTS });
}

class ConditionChecker {
  private leaves = 0;

  constructor(
    private readonly rule: RuleDefinition,
    private readonly at: string,
    private readonly problems: RuleSetProblem[],
  ) {}

  check(): void {
    this.visit(this.rule.conditions, `${this.at}/conditions`, 1);
  }

  private report(found: RuleSetProblem | null): void {
    if (found) this.problems.push(found);
  }

  private visit(condition: Condition, path: string, level: number): void {
    const kind = booleanKind(condition);
    if (kind === null) {
      this.leaves++;
      if (this.leaves === LIMITS.maxConditionsPerRule + 1) {
        this.report(problem(`${this.at}/conditions`, 'too_many_conditions', { max: LIMITS.maxConditionsPerRule }));
      }
      this.checkLeaf(condition as FactCondition, path);
      return;
    }
    if (level > LIMITS.maxConditionDepth) {
      this.report(problem(path, 'conditions_too_deep', { level, max: LIMITS.maxConditionDepth }));
      return;
    }
    childrenOf(condition).forEach((child, i) =>
      this.visit(child, kind === 'not' ? `${path}/not` : `${path}/${kind}/${i}`, level + 1),
    );
  }

  private checkLeaf(condition: FactCondition, path: string): void {
    const { operator } = condition;
    this.report(factProblemAt(`${path}/fact`, condition.fact, this.rule));
    if (condition.path !== undefined) this.report(pathProblem(`${path}/path`, condition.path));
    if (!isOperatorName(operator)) {
      this.report(problem(`${path}/operator`, 'unknown_operator', { operator, known: OPERATOR_NAMES.join(', ') }));
      return;
    }
    if (!this.checkParamReferences(condition.value, `${path}/value`)) return;
    const value = substituteParams(condition.value, this.rule.params);
    const rules = operatorValues[operator];
    if (isFactReference(value)) {
      if (!rules.factReference) {
        this.report(problem(`${path}/value`, 'fact_reference_not_allowed', { operator }));
      } else {
        this.checkFactReference(value, `${path}/value`);
      }
      return;
    }
    const found = rules.check(value);
    if (!found) return;
    // The parameter the value came from, when it did: the problem is in its value.
    const param = isParamReference(condition.value) ? { param: condition.value.param } : {};
    const bound = found.max === undefined ? {} : { max: found.max };
    this.report(problem(`${path}/value`, found.code, { operator, ...param, ...bound }));
  }

  /** Every `{ "param": name }` names a declared parameter; false when one does not. */
  private checkParamReferences(value: unknown, path: string): boolean {
    if (typeof value !== 'object' || value === null) return true;
    if (isParamReference(value)) {
      if (Object.hasOwn(this.rule.params, value.param)) return true;
      const declared = Object.keys(this.rule.params);
      this.report(
        declared.length > 0
          ? problem(path, 'unknown_param', { param: value.param, declared: declared.join(', ') })
          : problem(path, 'unknown_param_none_declared', { param: value.param }),
      );
      return false;
    }
    if (!Array.isArray(value) && Object.hasOwn(value, 'param')) {
      this.report(problem(path, 'bad_param_reference', {}));
      return false;
    }
    let ok = true;
    for (const [key, item] of Object.entries(value)) {
      ok = this.checkParamReferences(item, `${path}/${escapePointer(key)}`) && ok;
    }
    return ok;
  }

  private checkFactReference(reference: FactReference, path: string): void {
    const extra = Object.keys(reference).filter((key) => key !== 'fact' && key !== 'path');
    if (extra.length > 0) {
      this.report(problem(path, 'bad_fact_reference', {}));
      return;
    }
    if (typeof reference.fact !== 'string') {
      this.report(problem(`${path}/fact`, 'must_be_fact_name', {}));
      return;
    }
    this.report(factProblemAt(`${path}/fact`, reference.fact, this.rule));
    if (reference.path !== undefined) {
      this.report(
        typeof reference.path === 'string'
          ? pathProblem(`${path}/path`, reference.path)
          : problem(`${path}/path`, 'must_be_string', {}),
      );
    }
  }
}

function checkMessage(rule: RuleDefinition, at: string, problems: RuleSetProblem[]): void {
  for (const locale of ['fr', 'en'] as const) {
    const path = `${at}/message/${locale}`;
    for (const [placeholder, inner] of rule.message[locale].matchAll(PLACEHOLDER)) {
      const parsed = parsePlaceholder(inner!);
      if (!parsed) {
        problems.push(problem(path, 'bad_placeholder', { placeholder }));
        continue;
      }
      const found = factProblem(parsed.fact, rule);
      if (found?.code === 'unknown_fact') {
        problems.push(problem(path, 'placeholder_unknown_fact', { placeholder, ...found.params }));
      } else if (found) {
        problems.push(problem(path, 'placeholder_fact_not_in_scope', { placeholder, ...found.params }));
      }
    }
  }
}
