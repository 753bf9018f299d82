import { z } from 'zod';
import { cooperativeRoleField, emailField, passwordField, personNameField } from './fields.js';

export const addCooperativeUserRequest = z
  .strictObject({
    name: personNameField,
    email: emailField,
    role: cooperativeRoleField,
    /** Optional initial password; when absent a temporary one is generated and shown once. */
    password: passwordField.optional(),
    /** For the member role: the member record this account belongs to (they then see only it). */
    memberId: z.uuid({ message: 'must be a member id' }).optional(),
  })
  .refine((v) => v.memberId === undefined || v.role === 'member', {
    message: 'only a member account is linked to a member record',
    path: ['memberId'],
  });
export type AddCooperativeUserRequest = z.infer<typeof addCooperativeUserRequest>;

export const updateCooperativeUserRequest = z
  .strictObject({
    role: cooperativeRoleField.optional(),
    active: z.boolean().optional(),
  })
  .refine((v) => v.role !== undefined || v.active !== undefined, {
    message: 'give a role or an active flag',
    path: ['role'],
  });
export type UpdateCooperativeUserRequest = z.infer<typeof updateCooperativeUserRequest>;

export interface CooperativeUserResponse {
  id: string;
  email: string;
  name: string;
  role: string;
  active: boolean;
  createdAt: string;
  /** The member record linked to a member account, if any. */
  memberId?: string | null;
  /** Set only when this call created the account; shown once. */
  temporaryPassword?: string | null;
}
