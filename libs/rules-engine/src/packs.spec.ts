import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import {
  type Condition,
  type Facts,
  type RuleDefinition,
  type RuleFixture,
  type RulePack,
  type RuleSet,
  compileRuleSet,
  referenceEvaluate,
  validateRuleSet,
} from './index.js';

/**
 * The packs shipped in `rules/`: each one validates, and each of its
 * fixtures gives exactly the hits it expects, with the compiled engine and
 * with json-rules-engine. Every rule has a fixture where it hits and one of
 * its scope where it does not.
 */

const RULES_DIR = path.join(__dirname, '../../../rules');
const PACK_FILES = readdirSync(RULES_DIR)
  .filter((file) => file.endsWith('.json'))
  .sort();

function readPack(file: string): { raw: unknown; pack: RulePack } {
  const raw: unknown = JSON.parse(readFileSync(path.join(RULES_DIR, file), 'utf8'));
  return { raw, pack: raw as RulePack };
}

/** A fixture's facts with the absent ones as null, as the API hands them over. */
function factsOf(fixture: RuleFixture): Facts {
  return {
    movement: null,
    member: null,
    loan: null,
    stats: null,
    due: null,
    portfolio: null,
    ...fixture.facts,
  } as Facts;
}

/** Names in every `{ "param": name }` of a condition tree, values nested at any depth included. */
function referencedParams(condition: Condition, found = new Set<string>()): Set<string> {
  if ('all' in condition) condition.all.forEach((child) => referencedParams(child, found));
  else if ('any' in condition) condition.any.forEach((child) => referencedParams(child, found));
  else if ('not' in condition) referencedParams(condition.not, found);
  else collectParams(condition.value, found);
  return found;
}

function collectParams(value: unknown, found: Set<string>): void {
  if (typeof value !== 'object' || value === null) return;
  if (Array.isArray(value)) {
    value.forEach((item) => collectParams(item, found));
    return;
  }
  const entries = Object.entries(value);
  if (entries.length === 1 && entries[0]![0] === 'param' && typeof entries[0]![1] === 'string') {
    found.add(entries[0]![1]);
    return;
  }
  entries.forEach(([, item]) => collectParams(item, found));
}

const sorted = (ids: readonly string[]) => [...ids].sort();

it('ships the default, tontine and VSLA packs', () => {
  expect(PACK_FILES).toEqual(expect.arrayContaining(['default.json', 'tontine.json', 'vsla.json']));
});

describe.each(PACK_FILES)('rules/%s', (file) => {
  const { raw, pack } = readPack(file);
  const validation = validateRuleSet(raw);
  const ruleSet: RuleSet = validation.ok ? validation.ruleSet : pack;
  const enabled = (scope: string): RuleDefinition[] => pack.rules.filter((r) => r.enabled && r.scope === scope);

  it('is a valid rule set named after its file', () => {
    expect(validation.ok ? [] : validation.problems).toEqual([]);
    expect(`${pack.pack}.json`).toBe(file);
    expect(pack.fixtures.length).toBeGreaterThan(0);
  });

  it('has unique rule ids and unique fixture names', () => {
    const ids = pack.rules.map((r) => r.id);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
    const names = pack.fixtures.map((f) => f.name);
    expect(names.filter((name, i) => names.indexOf(name) !== i)).toEqual([]);
  });

  it('declares every parameter a condition uses, and uses every parameter it declares', () => {
    const mismatches = pack.rules.flatMap((rule) => {
      const used = referencedParams(rule.conditions);
      const declared = new Set(Object.keys(rule.params));
      return [
        ...[...used].filter((name) => !declared.has(name)).map((name) => `${rule.id}: "${name}" is not declared`),
        ...[...declared].filter((name) => !used.has(name)).map((name) => `${rule.id}: "${name}" is never used`),
      ];
    });
    expect(mismatches).toEqual([]);
  });

  it('expects, in each fixture, only enabled rules of the fixture’s scope, in the cooperative’s zone', () => {
    const strays = pack.fixtures.flatMap((fixture) => {
      const ids = enabled(fixture.scope).map((r) => r.id);
      const problems = fixture.hits.filter((id) => !ids.includes(id)).map((id) => `${fixture.name}: ${id}`);
      if (fixture.facts.cooperative?.timeZone !== fixture.clock.timeZone) problems.push(`${fixture.name}: time zone`);
      return problems;
    });
    expect(strays).toEqual([]);
  });

  it('has, for every rule, a fixture where it hits and one of its scope where it does not', () => {
    const uncovered = pack.rules
      .filter((rule) => rule.enabled)
      .flatMap((rule) => {
        const ofScope = pack.fixtures.filter((f) => f.scope === rule.scope);
        const problems: string[] = [];
        if (!ofScope.some((f) => f.hits.includes(rule.id))) problems.push(`${rule.id} never hits`);
        if (!ofScope.some((f) => !f.hits.includes(rule.id))) problems.push(`${rule.id} always hits`);
        return problems;
      });
    expect(uncovered).toEqual([]);
  });

  describe('fixtures', () => {
    const compiled = validation.ok ? compileRuleSet(ruleSet) : null;
    const cases = pack.fixtures.map((fixture) => [fixture.name, fixture] as const);

    it.each(cases)('%s (compiled)', (_name, fixture) => {
      expect(compiled).not.toBeNull();
      const hits = compiled!.evaluate(fixture.scope, factsOf(fixture), fixture.clock);
      expect(sorted(hits.map((hit) => hit.ruleId))).toEqual(sorted(fixture.hits));
      // A placeholder that reads a missing value shows "—": the message of every hit cites real figures.
      const unfilled = hits.flatMap((hit) =>
        [hit.message.fr, hit.message.en].filter((text) => /—|\{\{/.test(text)).map((text) => `${hit.ruleId}: ${text}`),
      );
      expect(unfilled).toEqual([]);
    });

    it.each(cases)('%s (json-rules-engine)', async (_name, fixture) => {
      const ids = await referenceEvaluate(ruleSet, fixture.scope, factsOf(fixture), fixture.clock);
      expect(sorted(ids)).toEqual(sorted(fixture.hits));
    });
  });
});
