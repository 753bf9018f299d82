import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiTags } from '@nestjs/swagger';
import {
  addCooperativeUserRequest,
  listUsersQuery,
  updateCooperativeUserRequest,
  type AddCooperativeUserRequest,
  type CooperativeUserResponse,
  type ListUsersQuery,
  type Page,
  type UpdateCooperativeUserRequest,
} from '@kotizo/contracts';
import { Can } from '../../platform/authorization/permission.decorators.js';
import { Tenant } from '../../platform/tenancy/context.decorators.js';
import type { TenantRequestContext } from '../../platform/tenancy/tenant-context.js';
import { openApiSchema } from '../../platform/validation/openapi-schema.js';
import { ZodValidationPipe } from '../../platform/validation/zod-validation.pipe.js';
import { CooperativeUsersService } from './cooperative-users.service.js';

@ApiTags('users')
@ApiBearerAuth()
@Controller({ path: 'coops/:slug/users', version: '1' })
export class CooperativeUsersController {
  constructor(private readonly users: CooperativeUsersService) {}

  @Get()
  @Can('read', 'CooperativeUser')
  list(
    @Tenant() context: TenantRequestContext,
    @Query(new ZodValidationPipe(listUsersQuery)) query: ListUsersQuery,
  ): Promise<Page<CooperativeUserResponse>> {
    return this.users.list(context, query);
  }

  @Post()
  @Can('create', 'CooperativeUser')
  @ApiBody({ schema: openApiSchema(addCooperativeUserRequest) })
  add(
    @Tenant() context: TenantRequestContext,
    @Body(new ZodValidationPipe(addCooperativeUserRequest)) request: AddCooperativeUserRequest,
  ): Promise<CooperativeUserResponse> {
    return this.users.add(context, request);
  }

  @Patch(':userId')
  @Can('update', 'CooperativeUser')
  @ApiBody({ schema: openApiSchema(updateCooperativeUserRequest) })
  update(
    @Tenant() context: TenantRequestContext,
    @Param('userId') userId: string,
    @Body(new ZodValidationPipe(updateCooperativeUserRequest)) request: UpdateCooperativeUserRequest,
  ): Promise<CooperativeUserResponse> {
    return this.users.update(context, userId, request);
  }
}
