import { Module } from '@nestjs/common';
import { BullModule } from '@nestjs/bullmq';
import { TenantDatabase } from '../../platform/database/tenant-database.js';
import { DuesRepository } from '../dues/dues.repository.js';
import { LoansRepository } from '../loans/loans.repository.js';
import { DevelopmentChannel } from './channels/development-channel.js';
import { NOTIFICATION_CHANNELS, type NotificationChannel } from './channels/notification-channel.js';
import { OutboxRelayModule } from './outbox-relay.module.js';
import { ReminderRunner } from './reminders/reminder-runner.js';
import { ReminderSettings } from './reminders/reminder-settings.js';
import { NOTIFICATIONS_QUEUE, RemindersProcessor } from './reminders/reminders.processor.js';

/**
 * The worker side: the outbox relay (notifications stored and pushed live)
 * and the daily reminders with their channels. A real SMS or e-mail provider
 * replaces the development adapters in the NOTIFICATION_CHANNELS provider.
 */
@Module({
  imports: [OutboxRelayModule, BullModule.registerQueue({ name: NOTIFICATIONS_QUEUE })],
  providers: [
    RemindersProcessor,
    ReminderRunner,
    ReminderSettings,
    DuesRepository,
    LoansRepository,
    {
      provide: NOTIFICATION_CHANNELS,
      inject: [TenantDatabase],
      useFactory: (db: TenantDatabase): NotificationChannel[] => [
        new DevelopmentChannel('email', db),
        new DevelopmentChannel('sms', db),
      ],
    },
  ],
})
export class NotificationsWorkerModule {}
