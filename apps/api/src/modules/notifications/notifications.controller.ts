import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  listNotificationsQuery,
  markAllReadRequest,
  type ListNotificationsQuery,
  type MarkAllReadRequest,
  type NotificationPage,
  type UnreadCountResponse,
} from '@kotizo/contracts';
import { Authenticated } from '../../platform/authorization/permission.decorators.js';
import { Actor } from '../../platform/tenancy/context.decorators.js';
import type { ActorContext } from '../../platform/tenancy/tenant-context.js';
import { openApiSchema } from '../../platform/validation/openapi-schema.js';
import { ZodValidationPipe } from '../../platform/validation/zod-validation.pipe.js';
import { NotificationsService } from './notifications.service.js';

/** The caller's own notifications, over every cooperative: signed in is enough, nobody sees another's. */
@ApiTags('notifications')
@ApiBearerAuth()
@Controller({ path: 'me/notifications', version: '1' })
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  @Authenticated()
  @ApiOperation({
    summary: 'My notifications, newest first (`before`), or all after a seq, oldest first (`after`: catch-up)',
  })
  list(
    @Actor() actor: ActorContext,
    @Query(new ZodValidationPipe(listNotificationsQuery)) query: ListNotificationsQuery,
  ): Promise<NotificationPage> {
    return this.notifications.list(actor, query);
  }

  @Get('unread-count')
  @Authenticated()
  @ApiOperation({ summary: 'How many of my notifications are unread, in total and per cooperative' })
  unreadCount(@Actor() actor: ActorContext): Promise<UnreadCountResponse> {
    return this.notifications.unreadCount(actor);
  }

  @Post('read-all')
  @HttpCode(200)
  @Authenticated()
  @ApiOperation({ summary: 'Mark all my notifications read (up to a seq, the last one I have seen)' })
  @ApiBody({ schema: openApiSchema(markAllReadRequest) })
  markAllRead(
    @Actor() actor: ActorContext,
    @Body(new ZodValidationPipe(markAllReadRequest)) request: MarkAllReadRequest,
  ): Promise<{ marked: number }> {
    return this.notifications.markAllRead(actor, request.upToSeq);
  }

  @Post(':notificationId/read')
  @HttpCode(204)
  @Authenticated()
  @ApiOperation({ summary: 'Mark one of my notifications read' })
  async markRead(@Actor() actor: ActorContext, @Param('notificationId') id: string): Promise<void> {
    await this.notifications.markRead(actor, id);
  }
}
