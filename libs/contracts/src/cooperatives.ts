import { z } from 'zod';
import { DEFAULT_CURRENCY, DEFAULT_LOCALE, DEFAULT_TIME_ZONE } from '@kotizo/domain';
import {
  countryField,
  currencyField,
  emailField,
  localeField,
  personNameField,
  slugField,
  timeZoneField,
} from './fields.js';

export const createCooperativeRequest = z.strictObject({
  name: z.string().trim().min(2, 'must be at least 2 characters').max(120),
  slug: slugField,
  country: countryField,
  currency: currencyField.default(DEFAULT_CURRENCY),
  timeZone: timeZoneField.default(DEFAULT_TIME_ZONE),
  locale: localeField.default(DEFAULT_LOCALE),
  admin: z.strictObject({
    name: personNameField,
    email: emailField,
  }),
});
export type CreateCooperativeRequest = z.input<typeof createCooperativeRequest>;
export type CreateCooperativeCommand = z.output<typeof createCooperativeRequest>;

export const updateCooperativeStatusRequest = z.strictObject({
  status: z.enum(['active', 'suspended']),
  reason: z.string().trim().max(500).optional(),
});
export type UpdateCooperativeStatusRequest = z.infer<typeof updateCooperativeStatusRequest>;

export interface CooperativeResponse {
  id: string;
  slug: string;
  name: string;
  country: string;
  currency: string;
  timeZone: string;
  locale: string;
  status: string;
  createdAt: string;
}

export interface CreateCooperativeResponse extends CooperativeResponse {
  admin: {
    id: string;
    email: string;
    name: string;
    /** Set only when the admin's account was created by this call; shown once. */
    temporaryPassword: string | null;
  };
}
