import type { RuleChange } from '@kotizo/contracts';
import type { RuleDefinition, RuleSet } from '@kotizo/rules-engine';

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

function changedFields(before: RuleDefinition, after: RuleDefinition): string[] {
  const fields: string[] = [];
  for (const key of ['name', 'message', 'severity', 'scope', 'enabled', 'priority', 'conditions'] as const) {
    if (!same(before[key], after[key])) fields.push(key);
  }
  const params = new Set([...Object.keys(before.params), ...Object.keys(after.params)]);
  for (const name of params) {
    if (!same(before.params[name], after.params[name])) fields.push(`params.${name}`);
  }
  return fields;
}

/** What changes from one rule set to another, rule by rule, in the order of the newer set. */
export function diffRuleSets(before: RuleSet | null, after: RuleSet): RuleChange[] {
  const old = new Map((before?.rules ?? []).map((r) => [r.id, r]));
  const changes: RuleChange[] = [];
  for (const rule of after.rules) {
    const previous = old.get(rule.id);
    if (!previous) {
      changes.push({ ruleId: rule.id, change: 'added', fields: [] });
      continue;
    }
    old.delete(rule.id);
    const fields = changedFields(previous, rule);
    if (fields.length > 0) changes.push({ ruleId: rule.id, change: 'changed', fields });
  }
  for (const id of old.keys()) changes.push({ ruleId: id, change: 'removed', fields: [] });
  return changes;
}

/**
 * A pack's new release, adopted by a cooperative: the pack's rules, with the
 * parameter values and on/off choices the cooperative made on rules it keeps.
 * Rules the cooperative wrote itself (not in the old pack) are kept as well.
 */
export function adoptPack(current: RuleSet, previousPack: RuleSet | null, release: RuleSet): RuleSet {
  const mine = new Map(current.rules.map((r) => [r.id, r]));
  const shipped = new Set((previousPack?.rules ?? []).map((r) => r.id));
  const rules = release.rules.map((rule) => {
    const kept = mine.get(rule.id);
    if (!kept) return rule;
    const params = Object.fromEntries(
      Object.entries(rule.params).map(([name, param]) => {
        const tuned = kept.params[name];
        const inRange =
          tuned !== undefined &&
          typeof tuned.value === typeof param.value &&
          (typeof tuned.value !== 'number' ||
            ((param.min === undefined || tuned.value >= param.min) &&
              (param.max === undefined || tuned.value <= param.max)));
        return [name, inRange ? { ...param, value: tuned.value } : param];
      }),
    );
    return { ...rule, enabled: kept.enabled, params };
  });
  const released = new Set(release.rules.map((r) => r.id));
  const own = current.rules.filter((r) => !released.has(r.id) && !shipped.has(r.id));
  return { pack: release.pack, packVersion: release.packVersion, rules: [...rules, ...own] };
}
