import { z } from 'zod';
import {
  COOPERATIVE_ROLES,
  isCurrencyCode,
  isTimeZone,
  SLUG_MAX_LENGTH,
  slugProblem,
  SUPPORTED_LOCALES,
} from '@kotizo/domain';

const slugMessages = {
  too_short: 'must be at least 3 characters',
  too_long: `must be at most ${SLUG_MAX_LENGTH} characters`,
  pattern: 'must be lowercase letters, digits and single hyphens, starting with a letter',
  reserved: 'is a reserved word',
} as const;

export const slugField = z.string().superRefine((value, ctx) => {
  const problem = slugProblem(value);
  if (problem) ctx.addIssue({ code: 'custom', message: slugMessages[problem] });
});

export const emailField = z
  .string()
  .trim()
  .max(254)
  .toLowerCase()
  .pipe(z.email({ message: 'must be a valid e-mail address' }));

/**
 * At least 10 characters with a letter and a digit: long enough to resist guessing
 * at the rate limit we allow, short enough to type on a phone keypad.
 */
export const passwordField = z
  .string()
  .min(10, 'must be at least 10 characters')
  .max(128, 'must be at most 128 characters')
  .refine((v) => /\p{L}/u.test(v) && /\p{N}/u.test(v), 'must contain a letter and a digit');

export const personNameField = z.string().trim().min(1, 'is required').max(120);

export const currencyField = z.string().refine(isCurrencyCode, 'must be an ISO 4217 currency code such as XOF');

export const timeZoneField = z.string().refine(isTimeZone, 'must be an IANA time zone such as Africa/Abidjan');

export const localeField = z.enum(SUPPORTED_LOCALES);

export const countryField = z.string().regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 country code such as CI');

export const cooperativeRoleField = z.enum(COOPERATIVE_ROLES);

export const uuidField = z.uuid();
