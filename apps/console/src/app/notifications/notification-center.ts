import { DestroyRef, Injectable, effect, inject, signal, untracked } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import {
  type NotificationEvent,
  type NotificationResponse,
  type NotificationsReadEvent,
  SOCKET_EVENTS,
} from '@kotizo/contracts';
import { Session } from '../core/auth/session';
import { Realtime } from '../core/realtime/realtime';
import { NotificationsApi } from './notifications-api';

/** Notifications the bell keeps at hand (the page loads the rest). */
export const RECENT = 10;

/**
 * The bell's state for the signed-in user: the unread count and the latest notifications,
 * loaded once, then kept live from the socket (de-duplicated by id). After a reconnection it
 * catches up with `?after=<highest seq seen>`, so nothing pushed meanwhile is missed.
 */
@Injectable({ providedIn: 'root' })
export class NotificationCenter {
  private readonly api = inject(NotificationsApi);
  private readonly realtime = inject(Realtime);
  private readonly session = inject(Session);
  private readonly items = signal<NotificationResponse[]>([]);
  private readonly unread = signal(0);
  private userId: string | null = null;
  private lastSeq = 0;

  readonly recent = this.items.asReadonly();
  readonly unreadCount = this.unread.asReadonly();

  constructor() {
    const destroyRef = inject(DestroyRef);
    effect(() => {
      const userId = this.session.me()?.id ?? null;
      if (userId === this.userId) return;
      untracked(() => {
        this.reset();
        this.userId = userId;
        if (userId) this.load();
      });
    });
    this.realtime
      .on<NotificationEvent>(SOCKET_EVENTS.notification)
      .pipe(takeUntilDestroyed(destroyRef))
      .subscribe((n) => this.add([n]));
    this.realtime
      .on<NotificationsReadEvent>(SOCKET_EVENTS.notificationsRead)
      .pipe(takeUntilDestroyed(destroyRef))
      .subscribe((e) => this.applyRead(e));
    this.realtime.reconnected.pipe(takeUntilDestroyed(destroyRef)).subscribe(() => this.catchUp());
  }

  /** Marks one read (shown at once; the server's answer, and other tabs, follow). */
  markRead(n: NotificationResponse): void {
    if (n.readAt) return;
    this.setRead((item) => item.id === n.id);
    this.unread.update((count) => Math.max(0, count - 1));
    this.api.markRead(n.id).subscribe({ error: () => this.refreshCount() });
  }

  /** Marks read everything up to the latest notification seen (not one arriving meanwhile). */
  markAllRead(): void {
    const upTo = this.lastSeq;
    this.setRead((item) => item.seq <= upTo);
    this.api.markAllRead(upTo).subscribe({ next: () => this.refreshCount(), error: () => this.refreshCount() });
  }

  private load(): void {
    this.api.list({ limit: RECENT }).subscribe((page) => {
      this.unread.set(page.unreadCount);
      this.add(page.items, false);
    });
  }

  /** What was stored since the last seq seen, with the unread count as it now stands. */
  private catchUp(): void {
    if (!this.userId) return;
    this.api.list({ limit: 100, after: this.lastSeq }).subscribe((page) => {
      this.add(page.items, false);
      this.unread.set(page.unreadCount);
    });
  }

  private refreshCount(): void {
    this.api.unreadCount().subscribe((count) => this.unread.set(count.total));
  }

  /** Adds notifications not seen yet; `countUnread` for live ones (a page's count already includes them). */
  private add(incoming: NotificationResponse[], countUnread = true): void {
    const known = new Set(this.items().map((n) => n.id));
    const fresh = incoming.filter((n) => !known.has(n.id));
    if (fresh.length === 0) return;
    for (const n of fresh) this.lastSeq = Math.max(this.lastSeq, n.seq);
    if (countUnread) this.unread.update((count) => count + fresh.filter((n) => !n.readAt).length);
    this.items.update((list) => [...fresh, ...list].sort((a, b) => b.seq - a.seq).slice(0, RECENT));
  }

  /** Marked read elsewhere (another tab or device, or this one's own request coming back). */
  private applyRead(event: NotificationsReadEvent): void {
    const ids = event.ids;
    this.setRead((n) => (ids ? ids.includes(n.id) : event.upToSeq === null || n.seq <= event.upToSeq));
    this.refreshCount();
  }

  private setRead(matches: (n: NotificationResponse) => boolean): void {
    const now = new Date().toISOString();
    this.items.update((list) => list.map((n) => (!n.readAt && matches(n) ? { ...n, readAt: now } : n)));
  }

  private reset(): void {
    this.items.set([]);
    this.unread.set(0);
    this.lastSeq = 0;
  }
}
