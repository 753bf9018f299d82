import { type RuleSetProblem } from './engine.js';

/** Thrown when a rule set that does not validate is compiled. */
export class RuleSetInvalidError extends Error {
  readonly code = 'RULE_SET_INVALID';

  constructor(readonly problems: RuleSetProblem[]) {
    const first = problems[0];
    super(`Invalid rule set: ${first ? `${first.path || '/'} ${first.message}` : 'no details'}`);
    this.name = 'RuleSetInvalidError';
  }
}
