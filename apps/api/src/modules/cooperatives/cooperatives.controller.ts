import { Body, Controller, Get, HttpCode, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import {
  createCooperativeRequest,
  listCooperativesQuery,
  updateCooperativeStatusRequest,
  type CooperativeResponse,
  type CreateCooperativeCommand,
  type CreateCooperativeResponse,
  type ListCooperativesQuery,
  type Page,
  type UpdateCooperativeStatusRequest,
} from '@kotizo/contracts';
import { Authenticated, Can } from '../../platform/authorization/permission.decorators.js';
import { Actor, Tenant } from '../../platform/tenancy/context.decorators.js';
import type { ActorContext, TenantRequestContext } from '../../platform/tenancy/tenant-context.js';
import { openApiSchema } from '../../platform/validation/openapi-schema.js';
import { ZodValidationPipe } from '../../platform/validation/zod-validation.pipe.js';
import { CooperativesService } from './cooperatives.service.js';

@ApiTags('cooperatives')
@ApiBearerAuth()
@Controller({ path: 'coops', version: '1' })
export class CooperativesController {
  constructor(private readonly cooperatives: CooperativesService) {}

  @Get()
  @Authenticated()
  @ApiOperation({ summary: 'Cooperatives: all for federation staff, own memberships for others' })
  list(
    @Actor() actor: ActorContext,
    @Query(new ZodValidationPipe(listCooperativesQuery)) query: ListCooperativesQuery,
  ): Promise<Page<CooperativeResponse>> {
    return this.cooperatives.list(actor, query);
  }

  @Post()
  @Can('create', 'Cooperative')
  @ApiOperation({ summary: 'Provision a cooperative: schema, settings and first admin, in one call' })
  @ApiBody({ schema: openApiSchema(createCooperativeRequest) })
  async create(
    @Actor() actor: ActorContext,
    @Body(new ZodValidationPipe(createCooperativeRequest)) command: CreateCooperativeCommand,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CreateCooperativeResponse> {
    const { created, body } = await this.cooperatives.create(actor, command);
    void reply.status(created ? 201 : 200);
    return body;
  }

  @Get(':slug')
  @Can('read', 'Cooperative')
  get(@Tenant() context: TenantRequestContext): Promise<CooperativeResponse> {
    return this.cooperatives.get(context);
  }

  @Patch(':slug/status')
  @HttpCode(200)
  @Can('suspend', 'Cooperative')
  @ApiOperation({ summary: 'Suspend or reactivate a cooperative' })
  @ApiBody({ schema: openApiSchema(updateCooperativeStatusRequest) })
  setStatus(
    @Tenant() context: TenantRequestContext,
    @Body(new ZodValidationPipe(updateCooperativeStatusRequest)) request: UpdateCooperativeStatusRequest,
  ): Promise<CooperativeResponse> {
    return this.cooperatives.setStatus(context, request);
  }
}
