import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { type FederationRole, isCooperativeRole, isFederationRole } from '@kotizo/domain';
import type { SocketAuthError } from '@kotizo/contracts';
import { type AccessClaims, JWT_ALGORITHM } from '../auth/token.service.js';
import { ENV } from '../config/config.module.js';
import type { Env } from '../config/env.schema.js';
import { FederationDatabase } from '../database/federation-database.js';
import type { SocketMembership } from './rooms.js';

/** Who a socket belongs to: checked at the handshake, checked again when their access changes. */
export interface SocketPrincipal {
  userId: string;
  sessionId: string;
  federationRole: FederationRole | null;
  memberships: SocketMembership[];
  /** When the access token expires (ms since the epoch): the socket is dropped then. */
  expiresAt: number;
}

export type SocketAccess = Pick<SocketPrincipal, 'federationRole' | 'memberships'>;

/** A refused handshake: its message is the code the client sees in `connect_error`. */
export class SocketAuthFailure extends Error {
  constructor(readonly code: SocketAuthError) {
    super(code);
  }
}

interface AccessRow {
  session_id: string;
  federation_role: string | null;
}

interface MembershipRow {
  user_id: string;
  cooperative_id: string;
  slug: string;
  role: string;
}

const CHUNK = 1_000;

/**
 * The socket handshake does what JwtStrategy does for HTTP: HS256 only, the
 * issuer, the expiry, then the user still active and the session alive in the
 * database; plus the memberships that decide the socket's rooms (active ones,
 * in active cooperatives).
 */
@Injectable()
export class SocketAuthenticator {
  constructor(
    private readonly jwt: JwtService,
    private readonly db: FederationDatabase,
    @Inject(ENV) private readonly env: Env,
  ) {}

  async authenticate(token: unknown): Promise<SocketPrincipal> {
    if (typeof token !== 'string' || token.length === 0) throw new SocketAuthFailure('unauthenticated');
    let claims: AccessClaims & { exp?: number };
    try {
      claims = await this.jwt.verifyAsync<AccessClaims & { exp?: number }>(token, {
        secret: this.env.JWT_SECRET,
        algorithms: [JWT_ALGORITHM],
        issuer: this.env.JWT_ISSUER,
      });
    } catch (error) {
      throw new SocketAuthFailure((error as Error).name === 'TokenExpiredError' ? 'token_expired' : 'invalid_token');
    }
    if (
      claims.typ !== 'access' ||
      typeof claims.sub !== 'string' ||
      typeof claims.sid !== 'string' ||
      typeof claims.exp !== 'number'
    ) {
      throw new SocketAuthFailure('invalid_token');
    }
    const access = (await this.accessOf([{ userId: claims.sub, sessionId: claims.sid }])).get(claims.sid);
    if (!access) throw new SocketAuthFailure('session_ended');
    return { userId: claims.sub, sessionId: claims.sid, ...access, expiresAt: claims.exp * 1000 };
  }

  /**
   * The current access of each (user, session): null when the user is
   * deactivated or the session revoked or expired. A few queries for any
   * number of sockets (the periodic check asks for all of them).
   */
  async accessOf(pairs: readonly { userId: string; sessionId: string }[]): Promise<Map<string, SocketAccess | null>> {
    const result = new Map<string, SocketAccess | null>(pairs.map((p) => [p.sessionId, null]));
    const em = this.db.em();
    for (let start = 0; start < pairs.length; start += CHUNK) {
      const chunk = pairs.slice(start, start + CHUNK);
      const alive = await em.execute<(AccessRow & { user_id: string })[]>(
        `select s.id as session_id, s.user_id, u.federation_role
           from federation.sessions s join federation.users u on u.id = s.user_id
          where s.id in (?) and u.active and s.revoked_at is null and s.expires_at > now()`,
        [chunk.map((p) => p.sessionId)],
      );
      const wanted = new Map(chunk.map((p) => [p.sessionId, p.userId]));
      const live = alive.filter((row) => wanted.get(row.session_id) === row.user_id);
      if (live.length === 0) continue;
      const memberships = await em.execute<MembershipRow[]>(
        `select m.user_id, m.cooperative_id, c.slug, m.role
           from federation.memberships m join federation.cooperatives c on c.id = m.cooperative_id
          where m.user_id in (?) and m.active and c.status = 'active'
          order by c.slug`,
        [[...new Set(live.map((row) => row.user_id))]],
      );
      for (const row of live) {
        result.set(row.session_id, {
          federationRole: row.federation_role && isFederationRole(row.federation_role) ? row.federation_role : null,
          memberships: memberships
            .filter((m) => m.user_id === row.user_id)
            .flatMap((m) =>
              isCooperativeRole(m.role) ? [{ cooperativeId: m.cooperative_id, slug: m.slug, role: m.role }] : [],
            ),
        });
      }
    }
    return result;
  }
}
