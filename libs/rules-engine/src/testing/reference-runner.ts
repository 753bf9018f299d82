import { parentPort } from 'node:worker_threads';
import { type EvaluationClock, type Facts } from '../facts.js';
import { createReferenceEngine } from '../reference.js';
import { type RuleScope, type RuleSet } from '../rule-set.js';

/** One batch for the reference engine: fact sets at one clock, evaluated in each scope. */
export interface ReferenceTask {
  id: number;
  ruleSet: RuleSet;
  scopes: RuleScope[];
  clock: EvaluationClock;
  factSets: Partial<Facts>[];
}

/** Hit ids by scope, then by fact set. */
export interface ReferenceResult {
  id: number;
  hits?: string[][][];
  error?: string;
}

async function run(task: ReferenceTask): Promise<string[][][]> {
  // JSONPath-Plus returns each scalar by throwing an Error (`NewError`);
  // capturing its stack trace would be most of json-rules-engine's run time.
  Error.stackTraceLimit = 0;
  return Promise.all(
    task.scopes.map((scope) => {
      const engine = createReferenceEngine(task.ruleSet, scope, task.clock);
      // All runs queued at once; the engine runs them one after another.
      return Promise.all(task.factSets.map((facts) => engine.run(facts)));
    }),
  );
}

parentPort?.on('message', (task: ReferenceTask) => {
  run(task).then(
    (hits) => parentPort?.postMessage({ id: task.id, hits } satisfies ReferenceResult),
    (error: unknown) => parentPort?.postMessage({ id: task.id, error: String(error) } satisfies ReferenceResult),
  );
});
