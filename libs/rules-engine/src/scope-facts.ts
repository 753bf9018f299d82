import { type FactName } from './facts.js';
import { type RuleScope } from './rule-set.js';

/**
 * The facts the API loads for each scope (see `RuleScope`); the others are
 * always null there. Validation rejects a rule reading a fact its scope never
 * has: such a condition is a mistake that would otherwise pass silently.
 */
export const SCOPE_FACTS: Record<RuleScope, readonly FactName[]> = {
  movement: ['movement', 'member', 'loan', 'stats', 'cooperative'],
  loan: ['loan', 'member', 'cooperative'],
  due: ['due', 'member', 'cooperative'],
  cooperative: ['portfolio', 'cooperative'],
};
