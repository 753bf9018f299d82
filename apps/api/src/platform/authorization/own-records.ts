import { hasUnconditionalAccess, type SubjectName } from '@kotizo/authorization';
import type { TenantRequestContext } from '../tenancy/tenant-context.js';

/**
 * Which member's records the caller may read of a subject: `undefined` when
 * every record (staff roles), the caller's own member id when the role limits
 * them to it (a member), `null` when that leaves nothing (no linked record).
 */
export function ownMemberScope(ctx: TenantRequestContext, subject: SubjectName): string | null | undefined {
  if (hasUnconditionalAccess(ctx.ability, 'read', subject)) return undefined;
  return ctx.principal.memberId ?? null;
}
