import type { MeResponse } from '@kotizo/contracts';
import { isFederationRole } from '@kotizo/domain';

/** Where a user lands after signing in: federation staff on the federation, others in a cooperative. */
export function landingUrl(me: MeResponse): string {
  if (me.federationRole && isFederationRole(me.federationRole)) return '/federation/cooperatives';
  const first = me.memberships[0];
  return first ? `/c/${first.slug}` : '/no-access';
}

/** Only same-site paths are followed after login, never `//host` or absolute URLs. */
export function safeReturnUrl(value: string | null | undefined): string | null {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/login')) {
    return null;
  }
  return value;
}
