import { MAX_AMOUNT_MINOR } from './money.js';

/**
 * Reads an amount written by a person or a spreadsheet ("15 000", "15000",
 * "1 500,50", "1,500.50", "2 500 F") into minor units, exactly: no floats.
 * `digits` is the currency's minor-unit digits (0 for XOF). Returns null when
 * the text is not an amount, has more decimals than the currency allows, or
 * is not positive.
 */
export function parseAmountText(text: string, digits: number): number | null {
  const cleaned = text
    .trim()
    .replace(/[\s\u00a0\u202f']/g, '')
    .replace(/(F|FCFA|CFA|XOF|XAF|€|EUR|\$)$/i, '');
  if (!/^\d[\d.,]*$/.test(cleaned)) return null;
  const lastComma = cleaned.lastIndexOf(',');
  const lastDot = cleaned.lastIndexOf('.');
  const separator = Math.max(lastComma, lastDot);
  let whole = cleaned;
  let fraction = '';
  if (separator >= 0) {
    const tail = cleaned.slice(separator + 1);
    const mark = cleaned[separator];
    const sameMarkBefore = cleaned.slice(0, separator).includes(mark!);
    // "15.000" or "1,500,000": groups of three after the mark are thousands, not decimals.
    const isGrouping = (tail.length === 3 && digits !== 3) || sameMarkBefore;
    if (isGrouping) {
      whole = cleaned;
    } else {
      whole = cleaned.slice(0, separator);
      fraction = tail;
    }
  }
  whole = whole.replace(/[.,]/g, '');
  if (!/^\d+$/.test(whole) || !/^\d*$/.test(fraction)) return null;
  if (fraction.length > digits) return null;
  const minor = BigInt(whole) * 10n ** BigInt(digits) + BigInt(fraction.padEnd(digits, '0') || '0');
  if (minor <= 0n || minor > BigInt(MAX_AMOUNT_MINOR)) return null;
  return Number(minor);
}
