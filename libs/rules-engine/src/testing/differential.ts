import { compileRuleSet } from '../compile.js';
import { type EvaluationClock, type Facts } from '../facts.js';
import { RULE_SCOPES, type RuleScope, type RuleSet } from '../rule-set.js';
import { generateFacts, harvest, makeClocks, seededRandom } from './fact-generator.js';
import { type ReferencePool } from './reference-pool.js';

/**
 * Runs the compiled engine and json-rules-engine side by side on random fact
 * sets: every fact set is evaluated in every scope the set uses, so each
 * rule sees all of them. Reports the fact sets on which the hit lists
 * differ, and how often each rule hit (a rule that never hits, or always
 * does, tests little).
 */
export interface DifferentialReport {
  factSets: number;
  mismatches: { scope: RuleScope; clock: EvaluationClock; facts: unknown; compiled: string[]; reference: string[] }[];
  hitsByRule: Map<string, number>;
  ms: number;
}

export async function runDifferential(
  ruleSet: RuleSet,
  pool: ReferencePool,
  options: { seed: number; clocks: number; factSetsPerClock: number },
): Promise<DifferentialReport> {
  const started = Date.now();
  const compiled = compileRuleSet(ruleSet);
  const random = seededRandom(options.seed);
  const found = harvest(ruleSet);
  const scopes = RULE_SCOPES.filter((scope) => ruleSet.rules.some((rule) => rule.scope === scope));
  const report: DifferentialReport = { factSets: 0, mismatches: [], hitsByRule: new Map(), ms: 0 };
  for (const rule of ruleSet.rules) report.hitsByRule.set(rule.id, 0);

  // One batch per clock: the workers run json-rules-engine while this thread
  // generates the next batches and runs the compiled engine.
  const batches = makeClocks(random, options.clocks).map((clock) => {
    const factSets: Partial<Facts>[] = [];
    for (let i = 0; i < options.factSetsPerClock; i++) factSets.push(generateFacts(random, found, clock));
    return { clock, factSets, expected: pool.run({ ruleSet, scopes, clock, factSets }) };
  });
  for (const { clock, factSets, expected } of batches) {
    const reference = await expected;
    factSets.forEach((facts, i) => {
      scopes.forEach((scope, s) => {
        const expectedHits = reference[s]![i]!;
        const hits = compiled.evaluate(scope, facts as Facts, clock).map((hit) => hit.ruleId);
        for (const id of hits) report.hitsByRule.set(id, report.hitsByRule.get(id)! + 1);
        if (hits.join() !== expectedHits.join() && report.mismatches.length < 10) {
          report.mismatches.push({ scope, clock, facts, compiled: hits, reference: expectedHits });
        }
      });
    });
    report.factSets += factSets.length;
  }
  report.ms = Date.now() - started;
  return report;
}
