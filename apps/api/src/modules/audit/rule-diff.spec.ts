import type { RuleDefinition, RuleSet } from '@kotizo/rules-engine';
import { adoptPack, diffRuleSets } from './rule-diff.js';

const rule = (id: string, over: Partial<RuleDefinition> = {}): RuleDefinition => ({
  id,
  name: { fr: id, en: id },
  message: { fr: id, en: id },
  severity: 'medium',
  scope: 'movement',
  enabled: true,
  params: { limit: { value: 100, label: { fr: 'Seuil', en: 'Limit' }, min: 10, max: 1000 } },
  conditions: { all: [{ fact: 'movement', path: '$.amount', operator: 'greaterThan', value: { param: 'limit' } }] },
  ...over,
});
const set = (version: string, rules: RuleDefinition[]): RuleSet => ({ pack: 'default', packVersion: version, rules });

describe('diffRuleSets', () => {
  it('names added, removed and changed rules, and which fields changed', () => {
    const before = set('1', [rule('a'), rule('b'), rule('c')]);
    const after = set('2', [
      rule('a'),
      rule('b', { severity: 'high', params: { limit: { ...rule('b').params['limit']!, value: 50 } } }),
      rule('d'),
    ]);
    expect(diffRuleSets(before, after)).toEqual([
      { ruleId: 'b', change: 'changed', fields: ['severity', 'params.limit'] },
      { ruleId: 'd', change: 'added', fields: [] },
      { ruleId: 'c', change: 'removed', fields: [] },
    ]);
  });

  it('sees no change between equal sets, and every rule as added against nothing', () => {
    expect(diffRuleSets(set('1', [rule('a')]), set('1', [rule('a')]))).toEqual([]);
    expect(diffRuleSets(null, set('1', [rule('a')]))).toEqual([{ ruleId: 'a', change: 'added', fields: [] }]);
  });
});

describe('adoptPack', () => {
  const shipped = set('1', [rule('a'), rule('b')]);

  it('takes the new release but keeps the cooperative’s parameters, switches and own rules', () => {
    const mine = set('1', [
      rule('a', { enabled: false }),
      rule('b', { params: { limit: { ...rule('b').params['limit']!, value: 500 } } }),
      rule('own'),
    ]);
    const release = set('2', [rule('a', { severity: 'high' }), rule('b'), rule('new')]);
    const adopted = adoptPack(mine, shipped, release);
    expect(adopted.packVersion).toBe('2');
    expect(adopted.rules.map((r) => r.id)).toEqual(['a', 'b', 'new', 'own']);
    expect(adopted.rules[0]).toMatchObject({ severity: 'high', enabled: false });
    expect(adopted.rules[1]!.params['limit']!.value).toBe(500);
  });

  it('drops a rule the release removed, and a tuned value the new bounds no longer allow', () => {
    const mine = set('1', [rule('a', { params: { limit: { ...rule('a').params['limit']!, value: 900 } } }), rule('b')]);
    const release = set('2', [rule('a', { params: { limit: { ...rule('a').params['limit']!, max: 500 } } })]);
    const adopted = adoptPack(mine, shipped, release);
    expect(adopted.rules.map((r) => r.id)).toEqual(['a']);
    expect(adopted.rules[0]!.params['limit']!.value).toBe(100);
  });
});
