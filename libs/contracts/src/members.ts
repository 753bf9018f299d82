import { z } from 'zod';
import { pageQuery } from './queries.js';

/** International format (E.164): a plus sign, then 8 to 15 digits. */
export const phoneField = z
  .string()
  .transform((v) => v.replace(/[\s.-]/g, ''))
  .pipe(z.string().regex(/^\+[1-9]\d{7,14}$/, 'must be an international number such as +2250701020304'));

export const isoDateField = z.iso.date({ message: 'must be a date as YYYY-MM-DD' });

export const createMemberRequest = z.strictObject({
  fullName: z.string().trim().min(2, 'must be at least 2 characters').max(120),
  phone: phoneField,
  nationalId: z.string().trim().min(1).max(40).optional(),
  joinedOn: isoDateField,
});
export type CreateMemberRequest = z.infer<typeof createMemberRequest>;

export const updateMemberRequest = z
  .strictObject({
    fullName: z.string().trim().min(2, 'must be at least 2 characters').max(120).optional(),
    phone: phoneField.optional(),
    nationalId: z.string().trim().min(1).max(40).nullable().optional(),
    joinedOn: isoDateField.optional(),
  })
  .refine((v) => Object.keys(v).length > 0, { message: 'give at least one field to change', path: ['fullName'] });
export type UpdateMemberRequest = z.infer<typeof updateMemberRequest>;

export const MEMBER_STATUSES = ['active', 'suspended', 'exited'] as const;

export const memberStatusRequest = z
  .strictObject({
    status: z.enum(MEMBER_STATUSES),
    reason: z.string().trim().max(500).optional(),
  })
  .refine((v) => v.status === 'active' || (v.reason && v.reason.length >= 3), {
    message: 'give a reason (3 characters or more) to suspend or record an exit',
    path: ['reason'],
  });
export type MemberStatusRequest = z.infer<typeof memberStatusRequest>;

export const listMembersQuery = pageQuery.extend({
  q: z.string().trim().max(100).optional(),
  /** `current`: active or suspended, everyone who has not left. */
  status: z.enum([...MEMBER_STATUSES, 'current']).optional(),
});
export type ListMembersQuery = z.output<typeof listMembersQuery>;

export interface MemberResponse {
  id: string;
  number: number;
  fullName: string;
  phone: string;
  nationalId: string | null;
  joinedOn: string;
  status: string;
  statusReason: string | null;
  createdAt: string;
}

export interface MemberEventResponse {
  at: string;
  actorUserId: string;
  action: string;
  changes: Record<string, unknown>;
  reason: string | null;
}
