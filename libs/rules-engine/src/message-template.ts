import { type FactName, type Facts, MONEY_PATHS } from './facts.js';
import { type FactReader, factReader } from './fact-path.js';
import { formatMinorUnits, formatValue } from './format.js';
import { type Locale } from './rule-set.js';

/**
 * Rule messages carry `{{fact.path}}` placeholders (`{{movement.amount}}`,
 * `{{stats.d30.mean}}`, `{{movement.tags[0]}}`), filled with the fact values
 * when the rule hits. Money (see `MONEY_PATHS`) is shown in the currency's
 * major unit, grouped the locale's way.
 */
export const PLACEHOLDER = /\{\{([^{}]*)\}\}/g;
const PLACEHOLDER_PATH = /^([A-Za-z_][A-Za-z0-9_]*)((?:\.[A-Za-z_][A-Za-z0-9_]*|\[(?:0|[1-9][0-9]{0,5})\]){0,8})$/;

/** `stats.d30.mean` → `{ fact: 'stats', path: '$.d30.mean' }`; null when malformed. */
export function parsePlaceholder(inner: string): { fact: string; path: string | undefined } | null {
  const match = PLACEHOLDER_PATH.exec(inner.trim());
  if (!match) return null;
  return { fact: match[1]!, path: match[2] ? '$' + match[2] : undefined };
}

export type MessageTemplate = (facts: Facts) => string;

/** Compiles a validated message: literal parts and fact readers, joined on a hit. */
export function compileMessage(message: string, locale: Locale): MessageTemplate {
  const literals: string[] = [];
  const readers: FactReader[] = [];
  const money: boolean[] = [];
  let last = 0;
  for (const match of message.matchAll(PLACEHOLDER)) {
    const placeholder = parsePlaceholder(match[1]!);
    if (!placeholder) continue;
    literals.push(message.slice(last, match.index));
    readers.push(factReader(placeholder.fact as FactName, placeholder.path));
    money.push(MONEY_PATHS.has(placeholder.fact + (placeholder.path ?? '').slice(1)));
    last = match.index + match[0].length;
  }
  if (readers.length === 0) return () => message;
  literals.push(message.slice(last));
  return (facts) => {
    let text = literals[0]!;
    const digits = facts.cooperative?.currencyDigits ?? 0;
    for (let i = 0; i < readers.length; i++) {
      const value = readers[i]!(facts);
      text += (money[i] ? formatMinorUnits(value, digits, locale) : formatValue(value, locale)) + literals[i + 1]!;
    }
    return text;
  };
}
