import { isUuid } from '../../platform/validation/uuid.js';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/postgresql';
import type {
  AddCooperativeUserRequest,
  CooperativeUserResponse,
  ListUsersQuery,
  Page,
  UpdateCooperativeUserRequest,
} from '@kotizo/contracts';
import { FederationDatabase } from '../../platform/database/federation-database.js';
import { isoTimestamp } from '../../platform/database/timestamps.js';
import { Conflict, NotFound, ValidationFailed, fieldError } from '../../platform/errors/app-error.js';
import { AuditLog } from '../../platform/observability/audit-log.js';
import type { TenantRequestContext } from '../../platform/tenancy/tenant-context.js';
import { type CooperativeUserRow, CooperativeUsersRepository } from './cooperative-users.repository.js';
import { UserAccounts } from './user-accounts.js';

function toResponse(row: CooperativeUserRow): CooperativeUserResponse {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    active: row.active,
    createdAt: isoTimestamp(row.created_at),
  };
}

/** The people who may sign in to one cooperative, and their roles there. */
@Injectable()
export class CooperativeUsersService {
  constructor(
    private readonly db: FederationDatabase,
    private readonly repository: CooperativeUsersRepository,
    private readonly accounts: UserAccounts,
    private readonly audit: AuditLog,
  ) {}

  async list(context: TenantRequestContext, query: ListUsersQuery): Promise<Page<CooperativeUserResponse>> {
    const { items, total } = await this.repository.list(context.tenant.cooperativeId, query);
    return { items: items.map(toResponse), total, limit: query.limit, offset: query.offset };
  }

  async add(context: TenantRequestContext, request: AddCooperativeUserRequest): Promise<CooperativeUserResponse> {
    const cooperativeId = context.tenant.cooperativeId;
    return this.db.em().transactional(async (tx) => {
      const account = await this.accounts.ensure(tx, request);
      const membership = await this.accounts.addMembership(tx, account.id, cooperativeId, request.role);
      if (request.memberId) await this.linkMember(tx, context, request.memberId, account.id);
      await this.audit.record(
        {
          action: 'membership.add',
          actorUserId: context.principal.userId,
          cooperativeId,
          target: account.id,
          details: { role: request.role, email: account.email },
          requestId: context.requestId,
        },
        tx,
      );
      return {
        id: account.id,
        email: account.email,
        name: account.name,
        role: request.role,
        active: true,
        createdAt: membership.createdAt,
        memberId: request.memberId ?? null,
        temporaryPassword: account.temporaryPassword,
      };
    });
  }

  /** Links the account to its member record, in the same transaction (the schema is the tenant's own). */
  private async linkMember(
    tx: EntityManager,
    context: TenantRequestContext,
    memberId: string,
    userId: string,
  ): Promise<void> {
    const linked = await tx.execute<{ id: string }[]>(
      `update "${context.tenant.schema}".members set user_id = ? where id = ? and user_id is null returning id`,
      [userId, memberId],
    );
    if (linked.length === 0) {
      throw new ValidationFailed([fieldError('memberId', 'not_a_member_without_account')]);
    }
  }

  async update(
    context: TenantRequestContext,
    userId: string,
    request: UpdateCooperativeUserRequest,
  ): Promise<CooperativeUserResponse> {
    // An id that is not even a UUID is as unknown here as one from another cooperative.
    if (!isUuid(userId)) throw new NotFound('user');
    const cooperativeId = context.tenant.cooperativeId;
    return this.db.em().transactional(async (tx) => {
      const current = await this.repository.findForUpdate(tx, cooperativeId, userId);
      if (!current) throw new NotFound('user');
      const next = { role: request.role ?? current.role, active: request.active ?? current.active };
      const losesAdmin = current.role === 'admin' && current.active && (next.role !== 'admin' || !next.active);
      if (losesAdmin && (await this.repository.countActiveAdmins(tx, cooperativeId)) <= 1) {
        throw new Conflict('last_admin', {
          errors: [fieldError(request.role !== undefined ? 'role' : 'active', 'leaves_no_admin')],
        });
      }
      await this.repository.update(tx, cooperativeId, userId, next);
      await this.audit.record(
        {
          action: 'membership.update',
          actorUserId: context.principal.userId,
          cooperativeId,
          target: userId,
          details: { from: { role: current.role, active: current.active }, to: next },
          requestId: context.requestId,
        },
        tx,
      );
      return toResponse({ ...current, ...next });
    });
  }
}
