import { Module } from '@nestjs/common';
import { NotificationInboxes } from './notification-inboxes.js';
import { NotificationsController } from './notifications.controller.js';
import { NotificationsRepository } from './notifications.repository.js';
import { NotificationsService } from './notifications.service.js';
import { ReminderSettingsController } from './reminders/reminder-settings.controller.js';
import { ReminderSettings } from './reminders/reminder-settings.js';
import { ReminderSettingsService } from './reminders/reminder-settings.service.js';

/** The API side: my notifications, unread counts, marking read; the cooperative's reminder settings. */
@Module({
  controllers: [NotificationsController, ReminderSettingsController],
  providers: [
    NotificationsService,
    NotificationInboxes,
    NotificationsRepository,
    ReminderSettingsService,
    ReminderSettings,
  ],
})
export class NotificationsModule {}
