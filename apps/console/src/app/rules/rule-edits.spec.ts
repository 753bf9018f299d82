import type { RuleSet } from '@kotizo/rules-engine';
import { aRule } from '../testing/audit-builders';
import {
  changeLines,
  defaultBacktestPeriod,
  groupByScope,
  locatePointer,
  paramErrors,
  readNumberParam,
  withRuleEnabled,
  withRuleParam,
} from './rule-edits';

const multiple = { value: 3, label: { fr: 'Multiple de la moyenne', en: 'Multiple of the average' }, min: 1, max: 10 };
const set: RuleSet = {
  pack: 'tontine',
  packVersion: '1.2.0',
  rules: [
    aRule('large-withdrawal', { params: { multiple } }),
    aRule('late-contribution', { scope: 'due', params: { days: { value: 7, label: { fr: 'Jours', en: 'Days' } } } }),
    aRule('portfolio-at-risk', { scope: 'cooperative' }),
  ],
};

describe('rule edits', () => {
  it('make a new rule set and leave the shown one as it was', () => {
    const off = withRuleEnabled(set, 'large-withdrawal', false);
    expect(off.rules[0]?.enabled).toBe(false);
    expect(set.rules[0]?.enabled).toBe(true);
    const tuned = withRuleParam(set, 'large-withdrawal', 'multiple', 5);
    expect(tuned.rules[0]?.params['multiple']).toEqual({ ...multiple, value: 5 });
    expect(set.rules[0]?.params['multiple']?.value).toBe(3);
    expect(tuned.rules[1]).toBe(set.rules[1]);
    expect(withRuleParam(set, 'large-withdrawal', 'unknown', 5).rules[0]).toEqual(set.rules[0]);
  });

  it('read a typed number the French way and keep it within the parameter’s bounds', () => {
    expect(readNumberParam(multiple, ' 2,5 ')).toEqual({ value: 2.5, problem: null });
    expect(readNumberParam({ ...multiple, max: 10_000 }, '1 500')).toEqual({ value: 1500, problem: null });
    expect(readNumberParam(multiple, '11').problem).toEqual({ key: 'rules.param.range', params: { min: 1, max: 10 } });
    expect(readNumberParam(multiple, '').problem).toEqual({ key: 'rules.param.notNumber' });
    expect(readNumberParam(multiple, 'abc').problem).toEqual({ key: 'rules.param.notNumber' });
    expect(readNumberParam({ value: 1, label: multiple.label, min: 0 }, '-1').problem?.key).toBe('validation.min');
  });

  it('find the rule and parameter a JSON pointer names', () => {
    expect(locatePointer('/rules/0/params/multiple/value', set)).toEqual({
      ruleId: 'large-withdrawal',
      param: 'multiple',
    });
    expect(locatePointer('/rules/2/conditions/all/0/operator', set)).toEqual({
      ruleId: 'portfolio-at-risk',
      param: null,
    });
    expect(locatePointer('/rules/9/enabled', set)).toEqual({ ruleId: null, param: null });
    expect(locatePointer('/pack', set)).toEqual({ ruleId: null, param: null });
    expect(
      paramErrors(
        [
          { path: '/rules/0/params/multiple/value', message: 'must be at most 10' },
          { path: '/rules/0/params/multiple/value', message: 'must be a number' },
          { path: '/rules/1/severity', message: 'unknown severity' },
        ],
        set,
      ),
    ).toEqual(new Map([['large-withdrawal/multiple', 'must be at most 10; must be a number']]));
  });

  it('group the rules by what they look at, in a fixed order', () => {
    expect(groupByScope(set.rules).map((g) => [g.scope, g.rules.map((r) => r.id)])).toEqual([
      ['movement', ['large-withdrawal']],
      ['due', ['late-contribution']],
      ['cooperative', ['portfolio-at-risk']],
    ]);
  });

  it('name the changes with the rule’s name and the parameter’s label', () => {
    const lines = changeLines(
      [
        { ruleId: 'large-withdrawal', change: 'changed', fields: ['enabled', 'params.multiple', 'odd'] },
        { ruleId: 'gone', change: 'removed', fields: [] },
      ],
      [set],
      'fr',
    );
    expect(lines[0]?.name).toBe('Règle large-withdrawal');
    expect(lines[0]?.fields).toEqual([
      { key: 'rules.field.enabled', text: 'enabled' },
      { key: null, text: 'Multiple de la moyenne' },
      { key: null, text: 'odd' },
    ]);
    expect(lines[1]?.name).toBe('gone');
  });

  it('propose the last 90 days for a backtest', () => {
    expect(defaultBacktestPeriod(new Date(2026, 10, 25))).toEqual({ from: '2026-08-27', to: '2026-11-25' });
  });
});
