import type { ActiveRuleSetResponse, RuleSetDraftResponse } from '@kotizo/contracts';
import type { RuleDefinition, RuleSet } from '@kotizo/rules-engine';

export function aRule(id: string, overrides: Partial<RuleDefinition> = {}): RuleDefinition {
  return {
    id,
    name: { fr: `Règle ${id}`, en: `Rule ${id}` },
    message: { fr: 'Constat', en: 'Finding' },
    severity: 'medium',
    scope: 'movement',
    enabled: true,
    params: {},
    conditions: { all: [] },
    ...overrides,
  };
}

/** A withdrawal rule with a bounded threshold, a late-contribution rule and a portfolio rule. */
export function aRuleSet(): RuleSet {
  return {
    pack: 'tontine',
    packVersion: '1.2.0',
    rules: [
      aRule('large-withdrawal', {
        name: { fr: 'Retrait inhabituel', en: 'Unusual withdrawal' },
        severity: 'high',
        params: {
          multiple: {
            value: 3,
            label: { fr: 'Multiple de la moyenne', en: 'Multiple of the average' },
            min: 1,
            max: 10,
          },
        },
      }),
      aRule('late-contribution', {
        scope: 'due',
        params: { days: { value: 7, label: { fr: 'Jours de retard', en: 'Days late' }, min: 0 } },
      }),
      aRule('portfolio-at-risk', { scope: 'cooperative', severity: 'critical' }),
    ],
  };
}

export function anActiveRuleSet(overrides: Partial<ActiveRuleSetResponse> = {}): ActiveRuleSetResponse {
  const ruleSet = overrides.ruleSet ?? aRuleSet();
  return {
    version: 4,
    source: 'draft',
    pack: ruleSet.pack,
    packVersion: ruleSet.packVersion,
    authorId: 'u-9',
    activatedBy: 'u-8',
    activatedAt: '2026-11-01T10:00:00.000Z',
    note: null,
    active: true,
    ruleCount: ruleSet.rules.length,
    ruleSet,
    ...overrides,
  };
}

export function aDraft(overrides: Partial<RuleSetDraftResponse> = {}): RuleSetDraftResponse {
  return {
    basedOnVersion: 4,
    ruleSet: aRuleSet(),
    updatedBy: 'u-9',
    updatedAt: '2026-11-24T10:00:00.000Z',
    changes: [],
    canActivate: true,
    ...overrides,
  };
}
