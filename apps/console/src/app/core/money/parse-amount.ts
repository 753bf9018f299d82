import { MAX_AMOUNT_MINOR, minorUnitDigits } from '@kotizo/domain';

export type AmountProblem = 'required' | 'invalid' | 'decimals' | 'zero' | 'tooLarge';

export type ParsedAmount =
  | { ok: true; minor: number }
  | { ok: false; problem: AmountProblem; /** The currency's decimals, for the message. */ digits: number };

/** Thousands groups after the first (1 to 3 digits) have exactly 3 digits: "1 500 000", "1.500". */
const grouped = (separator: string) => new RegExp(`^\\d{1,3}(?:${separator}\\d{3})+$`);
const BY_SPACE = grouped('\\s');
const BY_DOT = grouped('\\.');
const BY_COMMA = grouped(',');

/**
 * Reads what a treasurer types ("15 000", "15000", "1 500,50", "1.500.000", "1,500.50") as an
 * integer count of the currency's minor unit, with string and BigInt arithmetic only: a float
 * never touches the amount. Refused: fractions beyond the currency's digits ("15,5" in XOF,
 * "1,505" in EUR), negative or malformed numbers, zero, amounts beyond MAX_AMOUNT_MINOR.
 * A single "," or "." is always the decimal mark, never a guess at a thousands separator:
 * "15.000" in XOF is refused (XOF has no decimals) rather than read as 15 or 15 000.
 */
export function parseAmount(text: string, currency: string): ParsedAmount {
  const digits = minorUnitDigits(currency);
  const fail = (problem: AmountProblem): ParsedAmount => ({ ok: false, problem, digits });
  const value = text.trim();
  if (value === '') return fail('required');
  if (!/^[\d\s.,]+$/.test(value) || !/^\d/.test(value)) return fail('invalid');

  const mark = decimalMark(value);
  const cut = mark ? value.lastIndexOf(mark) : value.length;
  const fraction = value.slice(cut + 1);
  const whole = integerDigits(value.slice(0, cut), mark);
  if (whole === null || (mark && !/^\d+$/.test(fraction))) return fail('invalid');
  if (fraction.length > digits) return fail('decimals');

  const minor = BigInt(whole + fraction.padEnd(digits, '0'));
  if (minor === 0n) return fail('zero');
  if (minor > BigInt(MAX_AMOUNT_MINOR)) return fail('tooLarge');
  return { ok: true, minor: Number(minor) };
}

/** The decimal mark: the last of "," and "." when both appear, else one that appears once. */
function decimalMark(value: string): ',' | '.' | null {
  const commas = value.split(',').length - 1;
  const dots = value.split('.').length - 1;
  if (commas > 0 && dots > 0) return value.lastIndexOf(',') > value.lastIndexOf('.') ? ',' : '.';
  if (commas === 1 && dots === 0) return ',';
  if (dots === 1 && commas === 0) return '.';
  return null;
}

/** The integer part's digits, when it is plain or consistently grouped by thousands. */
function integerDigits(part: string, mark: ',' | '.' | null): string | null {
  if (/^\d+$/.test(part)) return part;
  const separators = [BY_SPACE, ...(mark === '.' ? [] : [BY_DOT]), ...(mark === ',' ? [] : [BY_COMMA])];
  return separators.some((pattern) => pattern.test(part)) ? part.replace(/\D/g, '') : null;
}

/**
 * An amount as the user would type it back (no currency sign), e.g. to pre-fill a field:
 * 204000 XOF in French is "204 000", 150050 EUR is "1 500,50". parseAmount reads it back.
 */
export function formatAmountInput(minor: number, currency: string, locale: string): string {
  const digits = minorUnitDigits(currency);
  const text = String(minor).padStart(digits + 1, '0');
  const whole = text.slice(0, text.length - digits);
  const grouping = new Intl.NumberFormat(locale).format(BigInt(whole));
  if (digits === 0) return grouping;
  const decimal = new Intl.NumberFormat(locale).formatToParts(1.5).find((p) => p.type === 'decimal');
  return `${grouping}${decimal?.value ?? '.'}${text.slice(-digits)}`;
}

/** The currency's sign in the interface language, e.g. "F CFA" for XOF, "€" for EUR. */
export function currencySymbol(currency: string, locale: string): string {
  try {
    const parts = new Intl.NumberFormat(locale, { style: 'currency', currency }).formatToParts(0);
    return parts.find((p) => p.type === 'currency')?.value ?? currency;
  } catch {
    return currency;
  }
}
