import { MAX_ANNUAL_RATE_BASIS_POINTS } from '@kotizo/domain';

export type RateProblem = 'required' | 'invalid' | 'decimals' | 'tooHigh';

export type ParsedRate = { ok: true; basisPoints: number } | { ok: false; problem: RateProblem };

/**
 * "12" (% a year) is 1200 basis points, "12,5" is 1250, "0.75" is 75: read as text and
 * shifted by two decimal places, never multiplied as a float (12.3 * 100 is 1230.0000000000002).
 * More than two decimals cannot be a whole number of basis points and is refused.
 */
export function percentToBasisPoints(text: string): ParsedRate {
  const value = text.trim().replace(/\s*%$/, '');
  if (value === '') return { ok: false, problem: 'required' };
  const match = /^(\d{1,4})(?:[.,](\d+))?$/.exec(value);
  if (!match) return { ok: false, problem: 'invalid' };
  const fraction = match[2] ?? '';
  if (fraction.length > 2) return { ok: false, problem: 'decimals' };
  const basisPoints = Number(match[1]) * 100 + Number(fraction.padEnd(2, '0'));
  if (basisPoints > MAX_ANNUAL_RATE_BASIS_POINTS) return { ok: false, problem: 'tooHigh' };
  return { ok: true, basisPoints };
}

/** 1250 basis points as the user would type them: "12,5" in French, "12.5" in English. */
export function basisPointsToPercent(basisPoints: number, locale: string): string {
  if (!Number.isSafeInteger(basisPoints) || basisPoints < 0) {
    throw new RangeError(`Basis points must be a whole number, got ${basisPoints}`);
  }
  const whole = Math.trunc(basisPoints / 100);
  const fraction = String(basisPoints % 100)
    .padStart(2, '0')
    .replace(/0+$/, '');
  if (!fraction) return String(whole);
  const mark = new Intl.NumberFormat(locale).formatToParts(1.5).find((p) => p.type === 'decimal');
  return `${whole}${mark?.value ?? '.'}${fraction}`;
}

/** For display, with the percent sign where the language puts it: "12,5 %", "12.5%". */
export function formatPercent(basisPoints: number, locale: string): string {
  const number = basisPointsToPercent(basisPoints, locale);
  return locale.startsWith('fr') ? `${number}\u00a0%` : `${number}%`;
}
