import { Injectable } from '@nestjs/common';
import type { ChangePasswordRequest, MeResponse, MembershipView } from '@kotizo/contracts';
import { PasswordHasher } from '../../platform/auth/password-hasher.js';
import { FederationDatabase } from '../../platform/database/federation-database.js';
import { NotFound, ValidationFailed, fieldError } from '../../platform/errors/app-error.js';
import { AuditLog } from '../../platform/observability/audit-log.js';
import type { ActorContext } from '../../platform/tenancy/tenant-context.js';

interface MeRow {
  id: string;
  email: string;
  name: string;
  federation_role: string | null;
  must_change_password: boolean;
  password_hash: string;
}

interface MembershipRow {
  cooperative_id: string;
  slug: string;
  name: string;
  status: string;
  role: string;
  currency: string;
  locale: string;
  time_zone: string;
  schema_name: string;
}

@Injectable()
export class MeService {
  constructor(
    private readonly db: FederationDatabase,
    private readonly hasher: PasswordHasher,
    private readonly audit: AuditLog,
  ) {}

  async get(actor: ActorContext): Promise<MeResponse> {
    const em = this.db.em();
    const user = await this.user(actor.principal.userId);
    const rows = await em.execute<MembershipRow[]>(
      `select c.id as cooperative_id, c.slug, c.name, c.status, m.role, c.currency, c.locale, c.time_zone, c.schema_name
         from federation.memberships m join federation.cooperatives c on c.id = m.cooperative_id
        where m.user_id = ? and m.active and c.status <> 'provisioning'
        order by c.name`,
      [actor.principal.userId],
    );
    const memberships: MembershipView[] = [];
    for (const r of rows)
      memberships.push({ ...this.view(r), memberId: await this.linkedMember(r, actor.principal.userId) });
    return {
      id: user.id,
      email: user.email,
      name: user.name,
      federationRole: user.federation_role,
      mustChangePassword: user.must_change_password,
      memberships,
    };
  }

  /** A member account's own member record in that cooperative (read from its schema). */
  private async linkedMember(row: MembershipRow, userId: string): Promise<string | null> {
    if (row.role !== 'member') return null;
    const [member] = await this.db
      .em()
      .execute<{ id: string }[]>(`select id from "${row.schema_name}".members where user_id = ?`, [userId]);
    return member?.id ?? null;
  }

  private view(r: MembershipRow): Omit<MembershipView, 'memberId'> {
    return {
      cooperativeId: r.cooperative_id,
      slug: r.slug,
      name: r.name,
      status: r.status,
      role: r.role,
      currency: r.currency.trim(),
      locale: r.locale,
      timeZone: r.time_zone,
    };
  }

  async changePassword(actor: ActorContext, request: ChangePasswordRequest): Promise<void> {
    const user = await this.user(actor.principal.userId);
    if (!(await this.hasher.verify(user.password_hash, request.currentPassword))) {
      throw new ValidationFailed([fieldError('currentPassword', 'wrong_current_password')]);
    }
    if (request.currentPassword === request.newPassword) {
      throw new ValidationFailed([fieldError('newPassword', 'same_as_current_password')]);
    }
    const hash = await this.hasher.hash(request.newPassword);
    await this.db.em().transactional(async (tx) => {
      await tx.execute(
        'update federation.users set password_hash = ?, must_change_password = false, updated_at = now() where id = ?',
        [hash, user.id],
      );
      // Other devices sign in again with the new password.
      await tx.execute(
        `update federation.sessions set revoked_at = now(), revoked_reason = 'password_changed'
          where user_id = ? and id <> ? and revoked_at is null`,
        [user.id, actor.sessionId],
      );
      await this.audit.record({ action: 'auth.password_change', actorUserId: user.id, requestId: actor.requestId }, tx);
    });
  }

  private async user(id: string): Promise<MeRow> {
    const [row] = await this.db
      .em()
      .execute<MeRow[]>(
        'select id, email, name, federation_role, must_change_password, password_hash from federation.users where id = ?',
        [id],
      );
    if (!row) throw new NotFound('user');
    return row;
  }
}
