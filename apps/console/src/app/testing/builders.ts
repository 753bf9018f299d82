import type { MeResponse, MembershipView } from '@kotizo/contracts';

export function aMembership(overrides: Partial<MembershipView> = {}): MembershipView {
  return {
    cooperativeId: 'c-1',
    slug: 'femmes-bouake',
    name: 'Femmes de Bouaké',
    status: 'active',
    role: 'admin',
    currency: 'XOF',
    locale: 'fr',
    timeZone: 'Africa/Abidjan',
    memberId: null,
    ...overrides,
  };
}

export function aUser(overrides: Partial<MeResponse> = {}): MeResponse {
  return {
    id: 'u-1',
    email: 'awa@example.org',
    name: 'Awa Koné',
    federationRole: null,
    mustChangePassword: false,
    memberships: [],
    ...overrides,
  };
}
