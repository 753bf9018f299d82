import { type RuleSetProblem } from './engine.js';
import { FACT_NAMES, type FactName } from './facts.js';
import { isSimplePath } from './fact-path.js';
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
    else problems.push({ path: `${at}/id`, message: `"${rule.id}" is already the id of /rules/${first}` });
    checkParams(rule, at, problems);
    new ConditionChecker(rule, at, problems).check();
    checkMessage(rule, at, problems);
  });
  return problems.slice(0, LIMITS.maxProblems);
}

const list = (names: readonly string[]) => (names.length ? names.join(', ') : 'none');

function checkParams(rule: RuleDefinition, at: string, problems: RuleSetProblem[]): void {
  for (const [name, param] of Object.entries(rule.params)) {
    const path = `${at}/params/${escapePointer(name)}`;
    const { value, min, max } = param;
    if (typeof value !== 'number') {
      if (min !== undefined || max !== undefined) {
        problems.push({ path, message: 'has min or max but its value is not a number' });
      }
      continue;
    }
    if (min !== undefined && max !== undefined && min > max) {
      problems.push({ path: `${path}/min`, message: `min (${min}) is above max (${max})` });
    } else if (min !== undefined && value < min) {
      problems.push({ path: `${path}/value`, message: `${value} is below the minimum ${min}` });
    } else if (max !== undefined && value > max) {
      problems.push({ path: `${path}/value`, message: `${value} is above the maximum ${max}` });
    }
  }
}

function factProblem(fact: string, rule: RuleDefinition): string | null {
  if (!(FACT_NAMES as readonly string[]).includes(fact)) {
    return `unknown fact "${fact}"; known facts: ${FACT_NAMES.join(', ')}`;
  }
  const available = SCOPE_FACTS[rule.scope];
  if (!available.includes(fact as FactName)) {
    return `"${fact}" is always null for ${rule.scope} rules, which can read: ${available.join(', ')}`;
  }
  return null;
}

function pathProblem(path: string): string | null {
  return isSimplePath(path)
    ? null
    : `"${path}" is not a simple path: write $.name, $.name.sub or $.list[0] ` +
        '(at most 8 steps; no "..", "*", filters or scripts)';
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

  private report(path: string, message: string): void {
    this.problems.push({ path, message });
  }

  private visit(condition: Condition, path: string, level: number): void {
    const kind = booleanKind(condition);
    if (kind === null) {
      this.leaves++;
      if (this.leaves === LIMITS.maxConditionsPerRule + 1) {
        this.report(`${this.at}/conditions`, `has more than ${LIMITS.maxConditionsPerRule} conditions`);
      }
      this.checkLeaf(condition as FactCondition, path);
      return;
    }
    if (level > LIMITS.maxConditionDepth) {
      this.report(path, `is all/any/not level ${level}; conditions nest at most ${LIMITS.maxConditionDepth} levels`);
      return;
    }
    childrenOf(condition).forEach((child, i) =>
      this.visit(child, kind === 'not' ? `${path}/not` : `${path}/${kind}/${i}`, level + 1),
    );
  }

  private checkLeaf(condition: FactCondition, path: string): void {
    const factMessage = factProblem(condition.fact, this.rule);
    if (factMessage) this.report(`${path}/fact`, factMessage);
    const pathMessage = condition.path === undefined ? null : pathProblem(condition.path);
    if (pathMessage) this.report(`${path}/path`, pathMessage);
    if (!isOperatorName(condition.operator)) {
      this.report(
        `${path}/operator`,
        `unknown operator "${condition.operator}"; known operators: ${OPERATOR_NAMES.join(', ')}`,
      );
      return;
    }
    if (!this.checkParamReferences(condition.value, `${path}/value`)) return;
    const value = substituteParams(condition.value, this.rule.params);
    const from = isParamReference(condition.value) ? ` (parameter "${condition.value.param}")` : '';
    const rules = operatorValues[condition.operator];
    if (isFactReference(value)) {
      if (!rules.factReference) {
        this.report(`${path}/value`, `${condition.operator} does not take a fact reference; write the value itself`);
      } else {
        this.checkFactReference(value, `${path}/value`);
      }
      return;
    }
    const valueMessage = rules.check(value);
    if (valueMessage) this.report(`${path}/value`, `${condition.operator} ${valueMessage}${from}`);
  }

  /** Every `{ "param": name }` names a declared parameter; false when one does not. */
  private checkParamReferences(value: unknown, path: string): boolean {
    if (typeof value !== 'object' || value === null) return true;
    if (isParamReference(value)) {
      if (Object.hasOwn(this.rule.params, value.param)) return true;
      const declared = list(Object.keys(this.rule.params));
      this.report(path, `unknown parameter "${value.param}"; this rule declares: ${declared}`);
      return false;
    }
    if (!Array.isArray(value) && Object.hasOwn(value, 'param')) {
      this.report(path, 'a parameter reference is { "param": "name" } with nothing else');
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
      this.report(path, 'a fact reference is { "fact": name, "path": "$.x" } with nothing else');
      return;
    }
    if (typeof reference.fact !== 'string') {
      this.report(`${path}/fact`, 'must be a fact name');
      return;
    }
    const factMessage = factProblem(reference.fact, this.rule);
    if (factMessage) this.report(`${path}/fact`, factMessage);
    if (reference.path !== undefined) {
      const pathMessage = typeof reference.path === 'string' ? pathProblem(reference.path) : 'must be a path string';
      if (pathMessage) this.report(`${path}/path`, pathMessage);
    }
  }
}

function checkMessage(rule: RuleDefinition, at: string, problems: RuleSetProblem[]): void {
  for (const locale of ['fr', 'en'] as const) {
    for (const match of rule.message[locale].matchAll(PLACEHOLDER)) {
      const placeholder = parsePlaceholder(match[1]!);
      const message = placeholder
        ? factProblem(placeholder.fact, rule)
        : 'is not a placeholder: write {{fact.name}} or {{fact.name.sub}}';
      if (message) problems.push({ path: `${at}/message/${locale}`, message: `${match[0]}: ${message}` });
    }
  }
}
