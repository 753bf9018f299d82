import { Inject, Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { isFederationRole } from '@kotizo/domain';
import { ENV } from '../config/config.module.js';
import type { Env } from '../config/env.schema.js';
import { FederationDatabase } from '../database/federation-database.js';
import { Unauthenticated } from '../errors/app-error.js';
import type { AuthenticatedUser } from './authenticated-user.js';
import { type AccessClaims, JWT_ALGORITHM } from './token.service.js';

interface PrincipalRow {
  federation_role: string | null;
}

/**
 * Verifies the bearer token (HS256 only: `alg: none` and key-confusion tokens
 * are refused), then checks in the database that the user is still active and
 * the session not revoked, so sign-out and deactivation take effect at once.
 */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(
    @Inject(ENV) env: Env,
    private readonly db: FederationDatabase,
  ) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      secretOrKey: env.JWT_SECRET,
      algorithms: [JWT_ALGORITHM],
      issuer: env.JWT_ISSUER,
      ignoreExpiration: false,
    });
  }

  async validate(claims: AccessClaims): Promise<AuthenticatedUser> {
    if (claims.typ !== 'access' || typeof claims.sub !== 'string' || typeof claims.sid !== 'string') {
      throw new Unauthenticated('invalid_token');
    }
    const [row] = await this.db.em().execute<PrincipalRow[]>(
      `select u.federation_role
         from federation.users u
         join federation.sessions s on s.user_id = u.id
        where u.id = ? and s.id = ? and u.active and s.revoked_at is null and s.expires_at > now()`,
      [claims.sub, claims.sid],
    );
    if (!row) throw new Unauthenticated('session_ended');
    const role = row.federation_role;
    return {
      userId: claims.sub,
      sessionId: claims.sid,
      federationRole: role && isFederationRole(role) ? role : null,
    };
  }
}
