import { type CompiledNode, type CompiledRule } from './compiled-rule.js';
import { describeCondition } from './condition-text.js';
import { type HeldCondition, type Hit } from './engine.js';
import { type EvaluationClock, type Facts } from './facts.js';

/**
 * The hit of a rule that held: its filled message and the leaf conditions
 * that made it hold. Built only on a hit, so it may take its time.
 */
export function buildHit(rule: CompiledRule, facts: Facts, clock: EvaluationClock): Hit {
  const held: HeldCondition[] = [];
  collectHeld(rule.root, true, facts, clock, held);
  return {
    ruleId: rule.id,
    severity: rule.severity,
    scope: rule.scope,
    name: rule.name,
    message: { fr: rule.message.fr(facts), en: rule.message.en(facts) },
    held,
  };
}

/**
 * Leaves that gave `node` its outcome `outcome`: under all/any, the children
 * whose outcome is the same (all of them for a true all or a false any, the
 * true ones of an any, the false ones of an all); under not, the child with
 * the opposite outcome. A leaf collected with outcome false is described as
 * its negation.
 */
function collectHeld(
  node: CompiledNode,
  outcome: boolean,
  facts: Facts,
  clock: EvaluationClock,
  held: HeldCondition[],
): void {
  switch (node.kind) {
    case 'leaf': {
      const { leaf } = node;
      const condition = {
        fact: leaf.fact,
        path: leaf.path ?? '',
        operator: leaf.operator,
        value: leaf.readValue ? leaf.readValue(facts) : leaf.value,
        factValue: leaf.read(facts),
        negated: !outcome,
      };
      held.push({ ...condition, text: describeCondition(condition, clock) });
      return;
    }
    case 'not':
      collectHeld(node.child, !outcome, facts, clock, held);
      return;
    case 'all':
    case 'any':
      for (const child of node.children) {
        if (child.test(facts, clock) === outcome) collectHeld(child, outcome, facts, clock, held);
      }
      return;
  }
}
