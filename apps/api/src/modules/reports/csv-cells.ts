import type { CsvDelimiter } from '@kotizo/contracts';

/**
 * How numbers are written in our CSV files. Amounts are unsigned, in the
 * currency's major unit (the direction goes in its own columns), so no cell
 * starts with "-": formula neutralisation never turns an amount into text, and
 * every amount stays a number the spreadsheet can add up. The decimal mark
 * follows the delimiter: `;` files are for French spreadsheets (1234,50),
 * `,` files for English ones (1234.50). No thousands separators.
 */
export function decimalMarkFor(delimiter: CsvDelimiter): ',' | '.' {
  return delimiter === ';' ? ',' : '.';
}

/** An amount in minor units as a decimal in major units: 150 EUR cents -> "1,50"; 5000 XOF -> "5000". */
export function amountCell(minor: number, digits: number, mark: ',' | '.'): string {
  if (!Number.isSafeInteger(minor) || minor < 0)
    throw new RangeError(`an amount cell is a whole number >= 0, got ${minor}`);
  if (digits === 0) return String(minor);
  const text = String(minor).padStart(digits + 1, '0');
  return `${text.slice(0, -digits)}${mark}${text.slice(-digits)}`;
}

/** Basis points as a percentage with two decimals: 1200 -> "12,00". */
export function percentCell(basisPoints: number, mark: ',' | '.'): string {
  return amountCell(basisPoints, 2, mark);
}

/**
 * A number we wrote ourselves (an optional minus, digits, one decimal mark):
 * the only cell written without the formula guard, so that a negative amount
 * stays a number the spreadsheet adds up rather than text behind a quote.
 * The pattern leaves no room for anything else to ride along.
 */
export class NumericCell {
  constructor(readonly text: string) {
    if (!/^-?\d+([.,]\d+)?$/.test(text)) throw new RangeError(`not a plain number: ${JSON.stringify(text)}`);
  }
}

/** A signed amount in minor units as a number cell: -150 EUR cents -> -1,50. */
export function signedAmountCell(minor: number, digits: number, mark: ',' | '.'): NumericCell {
  const text = amountCell(Math.abs(minor), digits, mark);
  return new NumericCell(minor < 0 ? `-${text}` : text);
}
