import type { CooperativeRole, FederationRole } from '@kotizo/domain';

/**
 * The socket.io rooms. A socket is put in its rooms by the server, from the
 * verified token and the memberships in the database; a client has no way to
 * ask for a room.
 */
export const Rooms = {
  user: (userId: string): string => `user:${userId}`,
  cooperative: (cooperativeId: string): string => `coop:${cooperativeId}`,
  role: (cooperativeId: string, role: CooperativeRole): string => `coop:${cooperativeId}:${role}`,
  federation: (role: FederationRole): string => `federation:${role}`,
};

export interface SocketMembership {
  cooperativeId: string;
  slug: string;
  role: CooperativeRole;
}

export function roomsFor(user: {
  userId: string;
  federationRole: FederationRole | null;
  memberships: readonly SocketMembership[];
}): string[] {
  const rooms = [Rooms.user(user.userId)];
  if (user.federationRole) rooms.push(Rooms.federation(user.federationRole));
  for (const m of user.memberships) rooms.push(Rooms.cooperative(m.cooperativeId), Rooms.role(m.cooperativeId, m.role));
  return rooms;
}
