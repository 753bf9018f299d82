import { Module } from '@nestjs/common';
import { NotificationInboxes } from './notification-inboxes.js';
import { NotificationsController } from './notifications.controller.js';
import { NotificationsRepository } from './notifications.repository.js';
import { NotificationsService } from './notifications.service.js';

/** The API side: my notifications, unread counts, marking read. */
@Module({
  controllers: [NotificationsController],
  providers: [NotificationsService, NotificationInboxes, NotificationsRepository],
})
export class NotificationsModule {}
