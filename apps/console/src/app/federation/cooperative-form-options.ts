import type { AbstractControl, ValidationErrors } from '@angular/forms';
import { isCurrencyCode, slugProblem } from '@kotizo/domain';

/** West and Central African countries first: where the federation's cooperatives are. */
export const COUNTRY_CODES = [
  'CI',
  'SN',
  'BF',
  'ML',
  'BJ',
  'TG',
  'NE',
  'GW',
  'GN',
  'CM',
  'CG',
  'CD',
  'GA',
  'TD',
  'CF',
  'GQ',
  'MR',
  'GH',
  'NG',
  'LR',
  'SL',
  'GM',
  'CV',
  'FR',
  'BE',
] as const;

export const CURRENCY_CODES = ['XOF', 'XAF', 'GNF', 'CDF', 'GHS', 'NGN', 'MRU', 'EUR', 'USD'] as const;

export const DEFAULT_COUNTRY = 'CI';

export function africanTimeZones(): string[] {
  return [...Intl.supportedValuesOf('timeZone').filter((zone) => zone.startsWith('Africa/')), 'UTC'];
}

export function countryName(code: string, lang: string): string {
  try {
    return new Intl.DisplayNames([lang], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** Same rule as the API (libs/domain slugProblem); the error value names the problem. */
export function slugValidator(control: AbstractControl): ValidationErrors | null {
  const value: unknown = control.value;
  if (typeof value !== 'string' || value === '') return null;
  const problem = slugProblem(value);
  return problem ? { slug: problem } : null;
}

export function currencyValidator(control: AbstractControl): ValidationErrors | null {
  const value: unknown = control.value;
  if (typeof value !== 'string' || value === '') return null;
  return isCurrencyCode(value) ? null : { pattern: true };
}
