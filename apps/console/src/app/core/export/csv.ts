export type CsvValue = string | number | null | undefined;

export interface CsvOptions {
  /** ";" by default: what Excel expects in French, where "," is the decimal mark. */
  separator?: string;
}

/** Characters that make a spreadsheet read a cell as a formula (CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One cell, per RFC 4180: quoted when it holds the separator, a quote or a line break, inner
 * quotes doubled. Text that a spreadsheet would run as a formula ("=HYPERLINK(...)", "@SUM",
 * "-2+3") gets a leading apostrophe, so it shows as typed. Numbers are written as they are:
 * a number cannot be a formula, and an apostrophe would turn -5 into text.
 */
export function csvCell(value: CsvValue, separator = ';'): string {
  if (value === null || value === undefined) return '';
  let text = typeof value === 'number' ? String(value) : value;
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  const needsQuotes = text.includes(separator) || /["\r\n]/.test(text);
  return needsQuotes ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * A CSV file as text: UTF-8 byte order mark first (so Excel reads accents right), one
 * record per line ending in CRLF (RFC 4180), cells joined by the separator.
 */
export function buildCsv(rows: readonly (readonly CsvValue[])[], options: CsvOptions = {}): string {
  const separator = options.separator ?? ';';
  const lines = rows.map((row) => row.map((cell) => csvCell(cell, separator)).join(separator));
  return `\uFEFF${lines.map((line) => `${line}\r\n`).join('')}`;
}
