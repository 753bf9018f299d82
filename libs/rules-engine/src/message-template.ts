import { type FactName, type Facts } from './facts.js';
import { type FactReader, factReader } from './fact-path.js';
import { formatValue } from './format.js';
import { type Locale } from './rule-set.js';

/**
 * Rule messages carry `{{fact.path}}` placeholders (`{{movement.amount}}`,
 * `{{stats.d30.mean}}`, `{{movement.tags[0]}}`), filled with the fact values
 * when the rule hits.
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
  let last = 0;
  for (const match of message.matchAll(PLACEHOLDER)) {
    const placeholder = parsePlaceholder(match[1]!);
    if (!placeholder) continue;
    literals.push(message.slice(last, match.index));
    readers.push(factReader(placeholder.fact as FactName, placeholder.path));
    last = match.index + match[0].length;
  }
  if (readers.length === 0) return () => message;
  literals.push(message.slice(last));
  return (facts) => {
    let text = literals[0]!;
    for (let i = 0; i < readers.length; i++) text += formatValue(readers[i]!(facts), locale) + literals[i + 1]!;
    return text;
  };
}
