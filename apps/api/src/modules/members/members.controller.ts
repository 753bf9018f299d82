import { Body, Controller, Get, Param, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiHeader, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import {
  createMemberRequest,
  listMembersQuery,
  memberStatusRequest,
  updateMemberRequest,
  type CreateMemberRequest,
  type ListMembersQuery,
  type MemberEventResponse,
  type MemberResponse,
  type MemberStatusRequest,
  type Page,
  type UpdateMemberRequest,
} from '@kotizo/contracts';
import { Can } from '../../platform/authorization/permission.decorators.js';
import { IdempotencyKey } from '../../platform/idempotency/idempotency-key.decorator.js';
import { Tenant } from '../../platform/tenancy/context.decorators.js';
import type { TenantRequestContext } from '../../platform/tenancy/tenant-context.js';
import { openApiSchema } from '../../platform/validation/openapi-schema.js';
import { ZodValidationPipe } from '../../platform/validation/zod-validation.pipe.js';
import { MembersService } from './members.service.js';

@ApiTags('members')
@ApiBearerAuth()
@Controller({ path: 'coops/:slug/members', version: '1' })
export class MembersController {
  constructor(private readonly members: MembersService) {}

  @Get()
  @Can('read', 'Member')
  list(
    @Tenant() ctx: TenantRequestContext,
    @Query(new ZodValidationPipe(listMembersQuery)) query: ListMembersQuery,
  ): Promise<Page<MemberResponse>> {
    return this.members.list(ctx, query);
  }

  @Post()
  @Can('create', 'Member')
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiBody({ schema: openApiSchema(createMemberRequest) })
  async create(
    @Tenant() ctx: TenantRequestContext,
    @IdempotencyKey() key: string | null,
    @Body(new ZodValidationPipe(createMemberRequest)) request: CreateMemberRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<MemberResponse> {
    const result = await this.members.create(ctx, request, key);
    void reply.status(result.status);
    return result.body;
  }

  @Get(':memberId')
  @Can('read', 'Member')
  get(@Tenant() ctx: TenantRequestContext, @Param('memberId') id: string): Promise<MemberResponse> {
    return this.members.get(ctx, id);
  }

  @Patch(':memberId')
  @Can('update', 'Member')
  @ApiBody({ schema: openApiSchema(updateMemberRequest) })
  update(
    @Tenant() ctx: TenantRequestContext,
    @Param('memberId') id: string,
    @Body(new ZodValidationPipe(updateMemberRequest)) request: UpdateMemberRequest,
  ): Promise<MemberResponse> {
    return this.members.update(ctx, id, request);
  }

  @Post(':memberId/status')
  @Can('suspend', 'Member')
  @ApiBody({ schema: openApiSchema(memberStatusRequest) })
  setStatus(
    @Tenant() ctx: TenantRequestContext,
    @Param('memberId') id: string,
    @Body(new ZodValidationPipe(memberStatusRequest)) request: MemberStatusRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<MemberResponse> {
    void reply.status(200);
    return this.members.setStatus(ctx, id, request);
  }

  @Get(':memberId/history')
  @Can('read', 'Member')
  history(@Tenant() ctx: TenantRequestContext, @Param('memberId') id: string): Promise<MemberEventResponse[]> {
    return this.members.history(ctx, id);
  }
}
