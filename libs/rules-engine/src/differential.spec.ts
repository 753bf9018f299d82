import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type RuleSet } from './rule-set.js';
import { runDifferential } from './testing/differential.js';
import { ReferencePool } from './testing/reference-pool.js';
import { validateRuleSet } from './validate.js';

function loadRuleSet(path: string): RuleSet {
  const result = validateRuleSet(JSON.parse(readFileSync(path, 'utf8')));
  if (!result.ok) throw new Error(`${path}: ${JSON.stringify(result.problems, null, 2)}`);
  return result.ruleSet;
}

describe('compiled engine vs json-rules-engine', () => {
  let pool: ReferencePool;
  beforeAll(() => {
    pool = new ReferencePool();
  });
  afterAll(() => pool.close());

  it('gives the same hits on 10,000 random fact sets for every representative rule', async () => {
    const ruleSet = loadRuleSet(join(__dirname, 'testing/representative-rules.json'));
    const report = await runDifferential(ruleSet, pool, { seed: 20261125, clocks: 40, factSetsPerClock: 250 });
    expect(report.factSets).toBeGreaterThanOrEqual(10_000);
    expect(report.mismatches).toEqual([]);
    // Each enabled rule both hit and missed often enough for the comparison to mean something.
    for (const rule of ruleSet.rules) {
      const hits = report.hitsByRule.get(rule.id)!;
      if (!rule.enabled) expect(hits).toBe(0);
      else expect([rule.id, hits > 100 && hits < report.factSets - 100]).toEqual([rule.id, true]);
    }
  }, 120_000);

  it('gives the same hits on 10,000 random fact sets for every rule of the default pack', async () => {
    const ruleSet = loadRuleSet(join(__dirname, '../../../rules/default.json'));
    const report = await runDifferential(ruleSet, pool, { seed: 7, clocks: 40, factSetsPerClock: 250 });
    expect(report.factSets).toBeGreaterThanOrEqual(10_000);
    expect(report.mismatches).toEqual([]);
    // A rule the random facts never make hit is not compared at all: the generator must learn its facts.
    const neverHit = ruleSet.rules.filter((rule) => rule.enabled && report.hitsByRule.get(rule.id) === 0);
    expect(neverHit.map((rule) => rule.id)).toEqual([]);
  }, 120_000);
});
