import { z } from 'zod';

/** Query strings arrive as text, so paging numbers are parsed here (and only here). */
const pageNumber = (fallback: number, max: number) =>
  z
    .string()
    .regex(/^\d+$/, 'must be a whole number')
    .transform(Number)
    .pipe(z.number().int().min(0).max(max))
    .optional()
    .transform((v) => v ?? fallback);

export const pageQuery = z.strictObject({
  limit: pageNumber(20, 100).pipe(z.number().min(1, 'must be at least 1')),
  offset: pageNumber(0, 1_000_000),
});

export const listCooperativesQuery = pageQuery.extend({
  q: z.string().trim().max(100).optional(),
  status: z.enum(['provisioning', 'active', 'suspended']).optional(),
});
export type ListCooperativesQuery = z.output<typeof listCooperativesQuery>;

export const listUsersQuery = pageQuery.extend({
  q: z.string().trim().max(100).optional(),
  role: z.enum(['admin', 'treasurer', 'secretary', 'auditor', 'member']).optional(),
  active: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
});
export type ListUsersQuery = z.output<typeof listUsersQuery>;
