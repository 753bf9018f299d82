import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  createThreadRequest,
  listThreadsQuery,
  postMessageRequest,
  type CreateThreadRequest,
  type ListThreadsQuery,
  type MessageRecipient,
  type MessageResponse,
  type PostMessageRequest,
  type ThreadDetailResponse,
  type ThreadPage,
} from '@kotizo/contracts';
import { Can } from '../../platform/authorization/permission.decorators.js';
import { Tenant } from '../../platform/tenancy/context.decorators.js';
import type { TenantRequestContext } from '../../platform/tenancy/tenant-context.js';
import { openApiSchema } from '../../platform/validation/openapi-schema.js';
import { ZodValidationPipe } from '../../platform/validation/zod-validation.pipe.js';
import { MessagesService } from './messages.service.js';

/** Threads between members and the office; each caller sees the threads they take part in. */
@ApiTags('messages')
@ApiBearerAuth()
@Controller({ path: 'coops/:slug', version: '1' })
export class MessagesController {
  constructor(private readonly messages: MessagesService) {}

  @Get('message-threads')
  @Can('read', 'Message')
  @ApiOperation({ summary: 'My threads, latest first, with unread counts' })
  list(
    @Tenant() ctx: TenantRequestContext,
    @Query(new ZodValidationPipe(listThreadsQuery)) query: ListThreadsQuery,
  ): Promise<ThreadPage> {
    return this.messages.list(ctx, query);
  }

  @Post('message-threads')
  @Can('create', 'Message')
  @ApiOperation({ summary: 'Start a thread (a member may leave out the recipients: the office)' })
  @ApiBody({ schema: openApiSchema(createThreadRequest) })
  create(
    @Tenant() ctx: TenantRequestContext,
    @Body(new ZodValidationPipe(createThreadRequest)) request: CreateThreadRequest,
  ): Promise<ThreadDetailResponse> {
    return this.messages.create(ctx, request);
  }

  @Get('message-threads/:messageThreadId')
  @Can('read', 'Message')
  @ApiOperation({ summary: 'A thread with its latest messages' })
  get(@Tenant() ctx: TenantRequestContext, @Param('messageThreadId') threadId: string): Promise<ThreadDetailResponse> {
    return this.messages.get(ctx, threadId);
  }

  @Post('message-threads/:messageThreadId/messages')
  @Can('create', 'Message')
  @ApiOperation({ summary: 'Answer in a thread' })
  @ApiBody({ schema: openApiSchema(postMessageRequest) })
  post(
    @Tenant() ctx: TenantRequestContext,
    @Param('messageThreadId') threadId: string,
    @Body(new ZodValidationPipe(postMessageRequest)) request: PostMessageRequest,
  ): Promise<MessageResponse> {
    return this.messages.post(ctx, threadId, request);
  }

  @Post('message-threads/:messageThreadId/read')
  @HttpCode(204)
  @Can('read', 'Message')
  @ApiOperation({ summary: 'Mark a thread read up to its last message' })
  markRead(@Tenant() ctx: TenantRequestContext, @Param('messageThreadId') threadId: string): Promise<void> {
    return this.messages.markRead(ctx, threadId);
  }

  @Get('message-recipients')
  @Can('create', 'Message')
  @ApiOperation({ summary: 'Who I may write to' })
  recipients(@Tenant() ctx: TenantRequestContext): Promise<MessageRecipient[]> {
    return this.messages.recipients(ctx);
  }
}
