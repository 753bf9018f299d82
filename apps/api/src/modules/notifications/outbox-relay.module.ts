import { Module } from '@nestjs/common';
import { EventFanout } from './event-fanout.js';
import { NotificationsRepository } from './notifications.repository.js';
import { OutboxRelay } from './outbox-relay.js';

/** The outbox relay alone: PostgreSQL in, socket.io (through Redis) out; no job queue involved. */
@Module({
  providers: [OutboxRelay, EventFanout, NotificationsRepository],
  exports: [OutboxRelay],
})
export class OutboxRelayModule {}
