import { Injectable } from '@nestjs/common';
import type { LoginRequest, TokenResponse } from '@kotizo/contracts';
import { Inject } from '@nestjs/common';
import { ENV } from '../config/config.module.js';
import type { Env } from '../config/env.schema.js';
import { FederationDatabase } from '../database/federation-database.js';
import { Forbidden, Unauthenticated } from '../errors/app-error.js';
import { AuditLog } from '../observability/audit-log.js';
import { PasswordHasher } from './password-hasher.js';
import { TokenService } from './token.service.js';

interface UserRow {
  id: string;
  password_hash: string;
  active: boolean;
}

interface RefreshRow {
  token_id: string;
  session_id: string;
  user_id: string;
  used_at: string | null;
  revoked_at: string | null;
  expires_at: string;
  active: boolean;
}

/**
 * Sign-in, refresh-token rotation with reuse detection, and sign-out.
 * A session is one signed-in device; every refresh token belongs to one.
 * Presenting a refresh token twice revokes its whole session: either the
 * token leaked or a client misbehaves, and both mean "sign in again".
 */
@Injectable()
export class AuthService {
  constructor(
    private readonly db: FederationDatabase,
    private readonly hasher: PasswordHasher,
    private readonly tokens: TokenService,
    private readonly audit: AuditLog,
    @Inject(ENV) private readonly env: Env,
  ) {}

  async login(request: LoginRequest, requestId: string | null): Promise<TokenResponse> {
    const em = this.db.em();
    const [user] = await em.execute<UserRow[]>(
      'select id, password_hash, active from federation.users where email = ?',
      [request.email],
    );
    const ok = user
      ? await this.hasher.verify(user.password_hash, request.password)
      : await this.hasher.verifyNothing(request.password);
    if (!user || !ok) {
      throw new Unauthenticated('invalid_credentials');
    }
    if (!user.active) throw new Forbidden('account_disabled');
    const expiresAt = new Date(Date.now() + this.env.REFRESH_TOKEN_TTL_DAYS * 86_400_000);
    const [session] = await em.execute<{ id: string }[]>(
      'insert into federation.sessions (user_id, expires_at) values (?, ?) returning id',
      [user.id, expiresAt],
    );
    await this.audit.record({ action: 'auth.login', actorUserId: user.id, requestId });
    return this.issue(user.id, session!.id);
  }

  async refresh(refreshToken: string): Promise<TokenResponse> {
    const em = this.db.em();
    const hash = TokenService.hashRefreshToken(refreshToken);
    return em
      .transactional(async (tx) => {
        const [row] = await tx.execute<RefreshRow[]>(
          `select t.id as token_id, t.session_id, s.user_id, t.used_at, s.revoked_at, s.expires_at, u.active
           from federation.refresh_tokens t
           join federation.sessions s on s.id = t.session_id
           join federation.users u on u.id = s.user_id
          where t.token_hash = ?
          for update of t, s`,
          [hash],
        );
        if (!row) throw new Unauthenticated('invalid_refresh_token');
        if (row.used_at) {
          await tx.execute(
            `update federation.sessions set revoked_at = now(), revoked_reason = 'refresh_token_reused'
            where id = ? and revoked_at is null`,
            [row.session_id],
          );
          await this.audit.record(
            { action: 'auth.refresh_reuse', actorUserId: row.user_id, target: row.session_id },
            tx,
          );
          return { reused: true as const };
        }
        if (row.revoked_at || Date.parse(row.expires_at) <= Date.now() || !row.active) {
          throw new Unauthenticated('session_ended');
        }
        await tx.execute('update federation.refresh_tokens set used_at = now() where id = ?', [row.token_id]);
        return this.issue(row.user_id, row.session_id, tx);
      })
      .then((result) => {
        // Thrown outside the transaction so the revocation above is committed.
        if ('reused' in result) {
          throw new Unauthenticated('refresh_token_reused');
        }
        return result;
      });
  }

  async logout(refreshToken: string, userId: string | null): Promise<void> {
    const hash = TokenService.hashRefreshToken(refreshToken);
    const rows = await this.db.em().execute<{ id: string; user_id: string }[]>(
      `update federation.sessions s set revoked_at = now(), revoked_reason = 'sign_out'
         from federation.refresh_tokens t
        where t.session_id = s.id and t.token_hash = ? and s.revoked_at is null
          and (?::uuid is null or s.user_id = ?::uuid)
        returning s.id, s.user_id`,
      [hash, userId, userId],
    );
    if (rows[0]) await this.audit.record({ action: 'auth.logout', actorUserId: rows[0].user_id });
  }

  private async issue(
    userId: string,
    sessionId: string,
    em: { execute: FederationExecutor } = this.db.em(),
  ): Promise<TokenResponse> {
    const refresh = TokenService.newRefreshToken();
    await em.execute('insert into federation.refresh_tokens (session_id, token_hash) values (?, ?)', [
      sessionId,
      refresh.hash,
    ]);
    return {
      accessToken: await this.tokens.signAccess(userId, sessionId),
      refreshToken: refresh.token,
      tokenType: 'Bearer',
      expiresIn: this.tokens.accessTtlSeconds,
    };
  }
}

type FederationExecutor = (sql: string, params: unknown[]) => Promise<unknown>;
