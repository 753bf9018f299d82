import type { RuleChange } from '@kotizo/contracts';
import type { Localized, RuleDefinition, RuleParameter, RuleScope, RuleSet } from '@kotizo/rules-engine';
import { RULE_SCOPE_VALUES } from '../cases/case-values';

/** Edits make a new rule set (the draft is sent whole); the one shown is never mutated. */
function withRule(set: RuleSet, ruleId: string, change: (rule: RuleDefinition) => RuleDefinition): RuleSet {
  return { ...set, rules: set.rules.map((rule) => (rule.id === ruleId ? change(rule) : rule)) };
}

export function withRuleEnabled(set: RuleSet, ruleId: string, enabled: boolean): RuleSet {
  return withRule(set, ruleId, (rule) => ({ ...rule, enabled }));
}

export function withRuleParam(set: RuleSet, ruleId: string, name: string, value: RuleParameter['value']): RuleSet {
  return withRule(set, ruleId, (rule) => {
    const param = rule.params[name];
    return param ? { ...rule, params: { ...rule.params, [name]: { ...param, value } } } : rule;
  });
}

/** A problem with a typed parameter, as a translation key; null when it may be saved. */
export interface ParamProblem {
  key: string;
  params?: Record<string, string | number>;
}

/**
 * Reads a number as typed (`1 500`, `2,5`) and checks the parameter's bounds before anything is
 * sent; the API checks them again.
 */
export function readNumberParam(
  param: RuleParameter,
  typed: string,
): { value: number; problem: null } | { value: null; problem: ParamProblem } {
  const text = typed
    .trim()
    .replace(/[\s\u00a0\u202f]/g, '')
    .replace(',', '.');
  const value = text === '' ? Number.NaN : Number(text);
  if (!Number.isFinite(value)) return { value: null, problem: { key: 'rules.param.notNumber' } };
  const { min, max } = param;
  if (min !== undefined && max !== undefined && (value < min || value > max)) {
    return { value: null, problem: { key: 'rules.param.range', params: { min, max } } };
  }
  if (min !== undefined && value < min) return { value: null, problem: { key: 'validation.min', params: { min } } };
  if (max !== undefined && value > max) return { value: null, problem: { key: 'validation.max', params: { max } } };
  return { value, problem: null };
}

/** Key of a parameter's field, for its errors: `late-contribution/days`. */
export const paramKey = (ruleId: string, name: string) => `${ruleId}/${name}`;

/** What a JSON pointer into a rule set (`/rules/3/params/multiple/value`) is about. */
export interface PointerTarget {
  ruleId: string | null;
  param: string | null;
}

const unescapePointer = (part: string) => part.replaceAll('~1', '/').replaceAll('~0', '~');

export function locatePointer(pointer: string, set: unknown): PointerTarget {
  const parts = pointer.split('/').slice(1).map(unescapePointer);
  if (parts[0] !== 'rules' || parts[1] === undefined) return { ruleId: null, param: null };
  const rules = (set as { rules?: unknown } | null)?.rules;
  const rule = Array.isArray(rules) ? (rules[Number(parts[1])] as { id?: unknown } | undefined) : undefined;
  const ruleId = typeof rule?.id === 'string' ? rule.id : null;
  return { ruleId, param: parts[2] === 'params' && parts[3] ? parts[3] : null };
}

/** The API's problems that land on a parameter's field, by `paramKey`. */
export function paramErrors(problems: readonly { path: string; message: string }[], set: unknown): Map<string, string> {
  const byField = new Map<string, string>();
  for (const { path, message } of problems) {
    const { ruleId, param } = locatePointer(path, set);
    if (!ruleId || !param) continue;
    const key = paramKey(ruleId, param);
    byField.set(key, byField.has(key) ? `${byField.get(key)}; ${message}` : message);
  }
  return byField;
}

export interface ScopeGroup {
  scope: RuleScope;
  rules: RuleDefinition[];
}

/** Rules by what they look at, in a fixed order; empty groups are left out. */
export function groupByScope(rules: readonly RuleDefinition[]): ScopeGroup[] {
  return RULE_SCOPE_VALUES.map((scope) => ({ scope, rules: rules.filter((rule) => rule.scope === scope) })).filter(
    (group) => group.rules.length > 0,
  );
}

export function pick(text: Localized, lang: string): string {
  return lang === 'en' ? text.en : text.fr;
}

/** A change of a version or draft, in words: the rule's name and the fields that differ. */
export interface ChangeLine {
  ruleId: string;
  change: RuleChange['change'];
  name: string;
  /** Translation keys of known fields (`rules.field.enabled`), or the parameter's label, or the field as sent. */
  fields: { key: string | null; text: string }[];
}

const KNOWN_FIELDS = ['enabled', 'severity', 'conditions', 'name', 'message', 'scope', 'priority', 'params'];

export function changeLines(
  changes: readonly RuleChange[],
  sets: readonly (RuleSet | null)[],
  lang: string,
): ChangeLine[] {
  const rules = new Map<string, RuleDefinition>();
  for (const set of sets) for (const rule of set?.rules ?? []) if (!rules.has(rule.id)) rules.set(rule.id, rule);
  return changes.map(({ ruleId, change, fields }) => {
    const rule = rules.get(ruleId);
    return {
      ruleId,
      change,
      name: rule ? pick(rule.name, lang) : ruleId,
      fields: fields.map((field) => {
        if (KNOWN_FIELDS.includes(field)) return { key: `rules.field.${field}`, text: field };
        const param = field.startsWith('params.') ? rule?.params[field.slice('params.'.length)] : undefined;
        return { key: null, text: param ? pick(param.label, lang) : field };
      }),
    };
  });
}

/** The last 90 days up to today (local calendar), the backtest's default period. */
export function defaultBacktestPeriod(today = new Date()): { from: string; to: string } {
  const from = new Date(today.getFullYear(), today.getMonth(), today.getDate() - 90);
  return { from: isoDay(from), to: isoDay(today) };
}

function isoDay(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** The advanced editor's text as a value to send, or what is wrong with it as JSON. */
export function parseJson(text: string): { ok: true; value: unknown } | { ok: false; message: string } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}
