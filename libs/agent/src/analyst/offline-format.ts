import { formatMoney } from '@kotizo/domain';
import type { Locale } from '@kotizo/rules-engine';

/** Amounts and dates as the offline texts write them (the same every time: tests compare them exactly). */
export function money(amount: number, currency: string, locale: Locale): string {
  return formatMoney(amount, currency, locale);
}

export function day(iso: string, locale: Locale): string {
  const d = new Date(`${iso.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', { dateStyle: 'long', timeZone: 'UTC' }).format(d);
}

export function decimal(value: number, locale: Locale): string {
  return new Intl.NumberFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', { maximumFractionDigits: 2 }).format(value);
}

/** Text from the records, quoted as such: «…» in French, “…” in English, cut at 200 characters. */
export function quote(text: string, locale: Locale): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const cut = flat.length > 200 ? `${flat.slice(0, 199)}…` : flat;
  return locale === 'fr' ? `« ${cut} »` : `“${cut}”`;
}

export function plural(n: number, one: string, many: string): string {
  return n === 1 ? one : many;
}
