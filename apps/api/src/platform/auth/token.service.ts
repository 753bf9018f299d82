import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { createHash, randomBytes } from 'node:crypto';
import { ENV } from '../config/config.module.js';
import type { Env } from '../config/env.schema.js';

export interface AccessClaims {
  sub: string;
  sid: string;
  typ: 'access';
}

export const JWT_ALGORITHM = 'HS256';

@Injectable()
export class TokenService {
  constructor(
    private readonly jwt: JwtService,
    @Inject(ENV) private readonly env: Env,
  ) {}

  get accessTtlSeconds(): number {
    return this.env.ACCESS_TOKEN_TTL_SECONDS;
  }

  signAccess(userId: string, sessionId: string): Promise<string> {
    const claims: AccessClaims = { sub: userId, sid: sessionId, typ: 'access' };
    return this.jwt.signAsync(claims, {
      algorithm: JWT_ALGORITHM,
      expiresIn: this.env.ACCESS_TOKEN_TTL_SECONDS,
      issuer: this.env.JWT_ISSUER,
      secret: this.env.JWT_SECRET,
    });
  }

  /** An opaque refresh token; only its SHA-256 is stored. */
  static newRefreshToken(): { token: string; hash: string } {
    const token = randomBytes(32).toString('base64url');
    return { token, hash: TokenService.hashRefreshToken(token) };
  }

  static hashRefreshToken(token: string): string {
    return createHash('sha256').update(token).digest('hex');
  }
}
