import { Injectable } from '@nestjs/common';
import {
  type ListNotificationsQuery,
  type NotificationPage,
  type NotificationsReadEvent,
  SOCKET_EVENTS,
  type UnreadCountResponse,
} from '@kotizo/contracts';
import { TenantDatabase } from '../../platform/database/tenant-database.js';
import { NotFound } from '../../platform/errors/app-error.js';
import { RealtimePublisher } from '../../platform/realtime/realtime-publisher.js';
import { Rooms } from '../../platform/realtime/rooms.js';
import type { ActorContext } from '../../platform/tenancy/tenant-context.js';
import { isUuid } from '../../platform/validation/uuid.js';
import { NotificationInboxes } from './notification-inboxes.js';
import { NotificationsRepository } from './notifications.repository.js';

/**
 * A user's notifications over every cooperative they belong to: one list,
 * ordered by the user's own sequence, read and marked read in each
 * cooperative's schema.
 */
@Injectable()
export class NotificationsService {
  constructor(
    private readonly db: TenantDatabase,
    private readonly inboxes: NotificationInboxes,
    private readonly notifications: NotificationsRepository,
    private readonly publisher: RealtimePublisher,
  ) {}

  async list(actor: ActorContext, query: ListNotificationsQuery): Promise<NotificationPage> {
    const userId = actor.principal.userId;
    const parts = await Promise.all(
      (await this.inboxes.of(actor)).map((tenant) =>
        this.db.read(tenant, async (em) => ({
          items: await this.notifications.page(em, tenant, userId, query),
          unread: await this.notifications.unreadCount(em, userId),
        })),
      ),
    );
    const ascending = query.after !== undefined;
    const all = parts.flatMap((p) => p.items).sort((a, b) => (ascending ? a.seq - b.seq : b.seq - a.seq));
    return {
      items: all.slice(0, query.limit),
      hasMore: all.length > query.limit,
      unreadCount: parts.reduce((sum, p) => sum + p.unread, 0),
    };
  }

  async unreadCount(actor: ActorContext): Promise<UnreadCountResponse> {
    const userId = actor.principal.userId;
    const byCooperative = await Promise.all(
      (await this.inboxes.of(actor)).map(async (tenant) => ({
        cooperativeId: tenant.cooperativeId,
        slug: tenant.slug,
        count: await this.db.read(tenant, (em) => this.notifications.unreadCount(em, userId)),
      })),
    );
    return { total: byCooperative.reduce((sum, c) => sum + c.count, 0), byCooperative };
  }

  async markRead(actor: ActorContext, id: string): Promise<void> {
    if (!isUuid(id)) throw new NotFound('notification');
    const userId = actor.principal.userId;
    for (const tenant of await this.inboxes.of(actor)) {
      if (await this.db.transactional(tenant, (tx) => this.notifications.markRead(tx, userId, id))) {
        this.tellOtherTabs(userId, { ids: [id], upToSeq: null });
        return;
      }
    }
    throw new NotFound('notification');
  }

  async markAllRead(actor: ActorContext, upToSeq: number | undefined): Promise<{ marked: number }> {
    const userId = actor.principal.userId;
    let marked = 0;
    for (const tenant of await this.inboxes.of(actor)) {
      marked += await this.db.transactional(tenant, (tx) => this.notifications.markAllRead(tx, userId, upToSeq));
    }
    this.tellOtherTabs(userId, { ids: null, upToSeq: upToSeq ?? null });
    return { marked };
  }

  /** Best effort: the user's other tabs and devices update their bell (they reload it anyway on reconnect). */
  private tellOtherTabs(userId: string, event: NotificationsReadEvent): void {
    this.publisher.emit(Rooms.user(userId), SOCKET_EVENTS.notificationsRead, event);
  }
}
