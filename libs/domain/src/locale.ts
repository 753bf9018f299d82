export const SUPPORTED_LOCALES = ['fr', 'en'] as const;
export type SupportedLocale = (typeof SUPPORTED_LOCALES)[number];

export const DEFAULT_CURRENCY = 'XOF';
export const DEFAULT_TIME_ZONE = 'Africa/Abidjan';
export const DEFAULT_LOCALE: SupportedLocale = 'fr';

const supportedZones: ReadonlySet<string> = new Set(Intl.supportedValuesOf('timeZone'));

export function isTimeZone(zone: string): boolean {
  return supportedZones.has(zone) || zone === 'UTC';
}
