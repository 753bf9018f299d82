/**
 * Money is an integer count of the currency's minor unit (XOF has none, so
 * 1 = 1 FCFA; EUR has two, so 150 = 1,50 EUR). Never a float.
 */
export const MAX_AMOUNT_MINOR = 1_000_000_000_000_000; // well inside 2^53

const supportedCurrencies: ReadonlySet<string> = new Set(Intl.supportedValuesOf('currency'));

export function isCurrencyCode(code: string): boolean {
  return /^[A-Z]{3}$/.test(code) && supportedCurrencies.has(code);
}

/** Digits after the decimal point for the currency (ISO 4217, as Intl knows it). */
export function minorUnitDigits(currency: string): number {
  return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
}

export function isValidAmountMinor(amount: number): boolean {
  return Number.isSafeInteger(amount) && amount > 0 && amount <= MAX_AMOUNT_MINOR;
}

/** Formats an amount in minor units for display, e.g. 15000 XOF in fr -> "15 000 F CFA". */
export function formatMoney(amountMinor: number, currency: string, locale: string): string {
  if (!Number.isSafeInteger(amountMinor)) {
    throw new RangeError(`Amount must be an integer count of minor units, got ${amountMinor}`);
  }
  const digits = minorUnitDigits(currency);
  const major = amountMinor / 10 ** digits;
  return new Intl.NumberFormat(locale, {
    style: 'currency',
    currency,
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(major);
}
