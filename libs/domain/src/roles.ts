/** Roles held across the whole federation (not tied to one cooperative). */
export const FEDERATION_ROLES = ['federation_admin', 'federation_auditor'] as const;
export type FederationRole = (typeof FEDERATION_ROLES)[number];

/** Roles a user holds inside one cooperative (a membership). */
export const COOPERATIVE_ROLES = ['admin', 'treasurer', 'secretary', 'auditor', 'member'] as const;
export type CooperativeRole = (typeof COOPERATIVE_ROLES)[number];

export type Role = FederationRole | CooperativeRole;

export function isFederationRole(value: string): value is FederationRole {
  return (FEDERATION_ROLES as readonly string[]).includes(value);
}

export function isCooperativeRole(value: string): value is CooperativeRole {
  return (COOPERATIVE_ROLES as readonly string[]).includes(value);
}
