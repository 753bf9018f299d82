import { z } from 'zod';
import { emailField, passwordField } from './fields.js';

export const loginRequest = z.strictObject({
  email: emailField,
  password: z.string().min(1, 'is required').max(128),
});
export type LoginRequest = z.infer<typeof loginRequest>;

export const refreshRequest = z.strictObject({
  refreshToken: z.string().min(1, 'is required').max(512),
});
export type RefreshRequest = z.infer<typeof refreshRequest>;

export const changePasswordRequest = z.strictObject({
  currentPassword: z.string().min(1, 'is required').max(128),
  newPassword: passwordField,
});
export type ChangePasswordRequest = z.infer<typeof changePasswordRequest>;

export interface TokenResponse {
  accessToken: string;
  refreshToken: string;
  tokenType: 'Bearer';
  /** Lifetime of the access token, in seconds. */
  expiresIn: number;
}

export interface MembershipView {
  cooperativeId: string;
  slug: string;
  name: string;
  status: string;
  role: string;
  currency: string;
  locale: string;
  timeZone: string;
  /** For a member account: the member record it is linked to (null when none). */
  memberId: string | null;
}

export interface MeResponse {
  id: string;
  email: string;
  name: string;
  federationRole: string | null;
  mustChangePassword: boolean;
  memberships: MembershipView[];
}
