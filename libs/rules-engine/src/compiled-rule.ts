import { booleanKind, childrenOf, isFactReference, resolveTopCondition } from './conditions.js';
import { type EvaluationClock, type FactName, type Facts } from './facts.js';
import { type FactReader, factReader } from './fact-path.js';
import { type MessageTemplate, compileMessage } from './message-template.js';
import { type OperatorName, operators } from './operators.js';
import {
  type Condition,
  type FactCondition,
  type Localized,
  type RuleDefinition,
  type RuleScope,
  type Severity,
} from './rule-set.js';

/**
 * One rule compiled into closures: parameters substituted as constants,
 * paths split into property reads, operators bound, all/any/not as
 * short-circuit closures. Evaluating a rule that misses allocates nothing.
 */

export type Test = (facts: Facts, clock: EvaluationClock) => boolean;

export interface CompiledLeaf {
  fact: FactName;
  path: string | undefined;
  operator: OperatorName;
  read: FactReader;
  /** The value after parameters; for a fact reference, `readValue` gives it. */
  value: unknown;
  readValue: FactReader | null;
}

export type CompiledNode =
  | { kind: 'leaf'; test: Test; leaf: CompiledLeaf }
  | { kind: 'all' | 'any'; test: Test; children: CompiledNode[] }
  | { kind: 'not'; test: Test; child: CompiledNode };

export interface CompiledRule {
  id: string;
  index: number;
  priority: number;
  severity: Severity;
  scope: RuleScope;
  name: Localized;
  root: CompiledNode;
  message: { fr: MessageTemplate; en: MessageTemplate };
}

export function compileRule(rule: RuleDefinition, index: number): CompiledRule {
  const conditions = resolveTopCondition(rule.conditions, rule.params);
  return {
    id: rule.id,
    index,
    priority: rule.priority ?? 1,
    severity: rule.severity,
    scope: rule.scope,
    name: rule.name,
    root: compileCondition(conditions),
    message: { fr: compileMessage(rule.message.fr, 'fr'), en: compileMessage(rule.message.en, 'en') },
  };
}

/**
 * json-rules-engine's order of evaluation within all/any: condition
 * priority, highest first (1 when unset), then as written. The result is the
 * same in any order (operators are pure); the order only decides what is
 * skipped. Explanations keep the written order.
 */
function testsByPriority(conditions: Condition[], children: CompiledNode[]): Test[] {
  const priority = (i: number) => (conditions[i] as { priority?: number }).priority ?? 1;
  return children
    .map((_, i) => i)
    .sort((a, b) => priority(b) - priority(a))
    .map((i) => children[i]!.test);
}

function compileCondition(condition: Condition): CompiledNode {
  const kind = booleanKind(condition);
  if (kind === null) return compileLeaf(condition as FactCondition);
  if (kind === 'not') {
    const child = compileCondition(childrenOf(condition)[0]!);
    const inner = child.test;
    return { kind, child, test: (facts, clock) => !inner(facts, clock) };
  }
  const conditions = childrenOf(condition);
  const children = conditions.map(compileCondition);
  const tests = testsByPriority(conditions, children);
  return { kind, children, test: kind === 'all' ? allOf(tests) : anyOf(tests) };
}

// json-rules-engine: an empty all or any is true (validation rejects empty lists anyway).
function allOf(tests: Test[]): Test {
  switch (tests.length) {
    case 0:
      return () => true;
    case 1:
      return tests[0]!;
    case 2: {
      const [a, b] = tests as [Test, Test];
      return (facts, clock) => a(facts, clock) && b(facts, clock);
    }
    case 3: {
      const [a, b, c] = tests as [Test, Test, Test];
      return (facts, clock) => a(facts, clock) && b(facts, clock) && c(facts, clock);
    }
    default:
      return (facts, clock) => {
        for (let i = 0; i < tests.length; i++) if (!tests[i]!(facts, clock)) return false;
        return true;
      };
  }
}

function anyOf(tests: Test[]): Test {
  switch (tests.length) {
    case 0:
      return () => true;
    case 1:
      return tests[0]!;
    case 2: {
      const [a, b] = tests as [Test, Test];
      return (facts, clock) => a(facts, clock) || b(facts, clock);
    }
    case 3: {
      const [a, b, c] = tests as [Test, Test, Test];
      return (facts, clock) => a(facts, clock) || b(facts, clock) || c(facts, clock);
    }
    default:
      return (facts, clock) => {
        for (let i = 0; i < tests.length; i++) if (tests[i]!(facts, clock)) return true;
        return false;
      };
  }
}

function compileLeaf(condition: FactCondition): CompiledNode {
  const operator = condition.operator as OperatorName;
  const read = factReader(condition.fact, condition.path);
  const value = condition.value;
  const readValue = isFactReference(value) ? factReader(value.fact, value.path) : null;
  const leaf: CompiledLeaf = { fact: condition.fact, path: condition.path, operator, read, value, readValue };
  return { kind: 'leaf', leaf, test: leafTest(operator, read, value, readValue) };
}

function leafTest(operator: OperatorName, read: FactReader, value: unknown, readValue: FactReader | null): Test {
  const evaluate = operators[operator];
  if (readValue) return (facts, clock) => evaluate(read(facts), readValue(facts), clock);
  // The commonest comparisons inline; the rest call the shared operator function.
  if (operator === 'equal') return (facts) => read(facts) === value;
  if (operator === 'notEqual') return (facts) => read(facts) !== value;
  return (facts, clock) => evaluate(read(facts), value, clock);
}
