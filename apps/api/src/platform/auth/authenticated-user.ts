import type { FederationRole } from '@kotizo/domain';

/** What the access token proves, after checking the database (user active, session alive). */
export interface AuthenticatedUser {
  userId: string;
  sessionId: string;
  federationRole: FederationRole | null;
}
