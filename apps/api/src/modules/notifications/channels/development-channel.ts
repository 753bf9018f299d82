import { Logger } from '@nestjs/common';
import type { TenantDatabase } from '../../../platform/database/tenant-database.js';
import type { TenantContext } from '../../../platform/tenancy/tenant-context.js';
import type { ChannelMessage, ChannelName, NotificationChannel } from './notification-channel.js';

/**
 * The default adapter, for development, demos and tests: "sends" by writing
 * the message to the log and to the cooperative's `channel_deliveries` table,
 * so the product runs with no SMS or e-mail provider and tests can read what
 * would have gone out.
 */
export class DevelopmentChannel implements NotificationChannel {
  private readonly logger: Logger;

  constructor(
    readonly name: ChannelName,
    private readonly db: TenantDatabase,
  ) {
    this.logger = new Logger(`DevelopmentChannel:${name}`);
  }

  async send(tenant: TenantContext, message: ChannelMessage): Promise<void> {
    await this.db.transactional(tenant, (tx) =>
      tx.execute(
        `insert into channel_deliveries (channel, recipient, subject, body, kind, member_id) values (?, ?, ?, ?, ?, ?)`,
        [message.channel, message.to, message.subject, message.text, message.kind, message.memberId],
      ),
    );
    this.logger.log(
      { tenant: tenant.slug, to: message.to, kind: message.kind, subject: message.subject, text: message.text },
      `${this.name} (development adapter: not sent)`,
    );
  }
}
