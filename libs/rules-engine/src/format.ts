import { type Locale } from './rule-set.js';

/**
 * Values as texts and messages show them: numbers plainly (150000, no
 * grouping or currency: amounts are minor units and the API formats money),
 * at most two decimals, with a decimal comma in French; absent values as "—".
 */
export function formatValue(value: unknown, locale: Locale): string {
  switch (typeof value) {
    case 'number':
      return formatNumber(value, locale);
    case 'string':
      return value;
    case 'boolean':
      return locale === 'fr' ? (value ? 'vrai' : 'faux') : String(value);
    case 'undefined':
      return '—';
    case 'object':
      if (value === null) return '—';
      if (Array.isArray(value)) return value.map((item) => formatValue(item, locale)).join(', ');
      return JSON.stringify(value);
    case 'bigint':
    case 'symbol':
    case 'function':
      return String(value);
  }
}

export function formatNumber(value: number, locale: Locale): string {
  const text = Number.isInteger(value) ? String(value) : String(Math.round(value * 100) / 100);
  return locale === 'fr' ? text.replace('.', ',') : text;
}

/** As `formatValue`, with strings quoted so that condition texts read unambiguously. */
export function formatOperand(value: unknown, locale: Locale): string {
  if (typeof value === 'string') return `"${value}"`;
  if (Array.isArray(value)) return value.map((item) => formatOperand(item, locale)).join(', ');
  return formatValue(value, locale);
}
