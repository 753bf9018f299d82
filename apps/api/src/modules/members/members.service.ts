import { ownMemberScope } from '../../platform/authorization/own-records.js';
import { isUuid } from '../../platform/validation/uuid.js';
import { Injectable } from '@nestjs/common';
import type {
  CreateMemberRequest,
  ListMembersQuery,
  MemberEventResponse,
  MemberResponse,
  MemberStatusRequest,
  Page,
  UpdateMemberRequest,
} from '@kotizo/contracts';
import { TenantDatabase } from '../../platform/database/tenant-database.js';
import { Conflict, NotFound } from '../../platform/errors/app-error.js';
import {
  IdempotentWrites,
  requestFingerprint,
  type WriteResult,
} from '../../platform/idempotency/idempotent-writes.js';
import type { TenantRequestContext } from '../../platform/tenancy/tenant-context.js';
import { toMemberEventResponse, toMemberResponse } from './member.mapper.js';
import { MembersRepository } from './members.repository.js';

/** A cooperative's members: who they are, their status, and every change to them. */
@Injectable()
export class MembersService {
  constructor(
    private readonly db: TenantDatabase,
    private readonly repository: MembersRepository,
    private readonly writes: IdempotentWrites,
  ) {}

  async list(ctx: TenantRequestContext, query: ListMembersQuery): Promise<Page<MemberResponse>> {
    const own = this.ownOnly(ctx);
    if (own === null) return { items: [], total: 0, limit: query.limit, offset: query.offset };
    const { items, total } = await this.db.read(ctx.tenant, (em) => this.repository.list(em, query, own));
    return { items: items.map(toMemberResponse), total, limit: query.limit, offset: query.offset };
  }

  async get(ctx: TenantRequestContext, id: string): Promise<MemberResponse> {
    this.assertVisible(ctx, id);
    return toMemberResponse(await this.db.read(ctx.tenant, (em) => this.require(em, id)));
  }

  /**
   * Undefined when the caller sees every member; the caller's own member id when
   * their role limits them to it (a member); null when that leaves nothing.
   */
  private ownOnly(ctx: TenantRequestContext): string | null | undefined {
    return ownMemberScope(ctx, 'Member');
  }

  private assertVisible(ctx: TenantRequestContext, id: string): void {
    const own = this.ownOnly(ctx);
    if (own !== undefined && own !== id) throw new NotFound('member');
  }

  create(
    ctx: TenantRequestContext,
    request: CreateMemberRequest,
    key: string | null,
  ): Promise<WriteResult<MemberResponse>> {
    return this.writes.run(ctx.tenant, key, requestFingerprint('member.create', request), async (tx) => {
      const row = await this.repository.insert(tx, { ...request, nationalId: request.nationalId ?? null });
      await this.repository.addEvent(tx, {
        memberId: row.id,
        actorUserId: ctx.principal.userId,
        action: 'created',
        changes: { fullName: row.full_name, phone: row.phone, nationalId: row.national_id, joinedOn: row.joined_on },
      });
      return toMemberResponse(row);
    });
  }

  async update(ctx: TenantRequestContext, id: string, request: UpdateMemberRequest): Promise<MemberResponse> {
    return this.db.transactional(ctx.tenant, async (tx) => {
      const current = toMemberResponse(await this.require(tx, id, true));
      const changes: Record<string, { from: unknown; to: unknown }> = {};
      for (const [field, value] of Object.entries(request) as [keyof MemberResponse, unknown][]) {
        if (current[field] !== value) changes[field] = { from: current[field], to: value };
      }
      if (Object.keys(changes).length === 0) return current;
      const row = await this.repository.update(tx, id, request);
      await this.repository.addEvent(tx, {
        memberId: id,
        actorUserId: ctx.principal.userId,
        action: 'updated',
        changes,
      });
      return toMemberResponse(row);
    });
  }

  async setStatus(ctx: TenantRequestContext, id: string, request: MemberStatusRequest): Promise<MemberResponse> {
    return this.db.transactional(ctx.tenant, async (tx) => {
      const current = await this.require(tx, id, true);
      if (current.status === request.status) return toMemberResponse(current);
      if (current.status === 'exited') {
        throw new Conflict('member_exited', { detail: 'member_exited_add_again' });
      }
      const row = await this.repository.update(tx, id, {
        status: request.status,
        statusReason: request.reason ?? null,
      });
      const action = { active: 'reactivated', suspended: 'suspended', exited: 'exited' }[request.status];
      await this.repository.addEvent(tx, {
        memberId: id,
        actorUserId: ctx.principal.userId,
        action,
        changes: { status: { from: current.status, to: request.status } },
        reason: request.reason ?? null,
      });
      return toMemberResponse(row);
    });
  }

  async history(ctx: TenantRequestContext, id: string): Promise<MemberEventResponse[]> {
    this.assertVisible(ctx, id);
    return this.db.read(ctx.tenant, async (em) => {
      await this.require(em, id);
      return (await this.repository.events(em, id)).map(toMemberEventResponse);
    });
  }

  private async require(em: Parameters<MembersRepository['find']>[0], id: string, lock = false) {
    const row = isUuid(id) ? await this.repository.find(em, id, lock) : null;
    if (!row) throw new NotFound('member');
    return row;
  }
}
