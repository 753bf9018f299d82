import { formatMoney, minorUnitDigits } from '@kotizo/domain';

/** 150 000 units of the currency: shows how amounts will look (XOF has no decimals). */
export function exampleAmount(currency: string, locale: string): string {
  try {
    return formatMoney(150_000 * 10 ** minorUnitDigits(currency), currency, locale);
  } catch {
    return '';
  }
}
