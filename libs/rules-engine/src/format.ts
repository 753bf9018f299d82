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

/**
 * An amount in minor units as a person reads it: in the major unit with the
 * currency's decimals, grouped the locale's way ("150 000" in French for XOF,
 * with a narrow no-break space as Intl writes it; "45.00" in English for 4500
 * cents of EUR). Written by hand rather than with Intl.NumberFormat, which
 * costs a microsecond a call on the evaluation path. Not a number: as `formatValue`.
 */
export function formatMinorUnits(value: unknown, digits: number, locale: Locale): string {
  if (typeof value !== 'number' || !Number.isFinite(value)) return formatValue(value, locale);
  const negative = value < 0;
  const scaled = Math.round(Math.abs(value));
  const unit = 10 ** digits;
  const whole = String(Math.floor(scaled / unit));
  const group = locale === 'fr' ? '\u202f' : ',';
  let grouped = '';
  for (let i = 0; i < whole.length; i++) {
    if (i > 0 && (whole.length - i) % 3 === 0) grouped += group;
    grouped += whole[i];
  }
  const fraction = digits > 0 ? (locale === 'fr' ? ',' : '.') + String(scaled % unit).padStart(digits, '0') : '';
  return (negative ? '-' : '') + grouped + fraction;
}
