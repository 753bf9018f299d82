import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  computed,
  effect,
  inject,
  signal,
  untracked,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { TranslocoPipe } from '@jsverse/transloco';
import { type NotificationEvent, type NotificationResponse, SOCKET_EVENTS } from '@kotizo/contracts';
import { Realtime } from '../core/realtime/realtime';
import { type CountChip, CountChips } from '../core/ui/count-chips';
import { LoadStatus } from '../core/ui/load-status';
import { NotificationCenter } from './notification-center';
import { NotificationItem } from './notification-item';
import { NotificationsApi } from './notifications-api';
import { provideNotificationTexts } from './notifications-scope';

const PAGE = 25;
type Filter = '' | 'unread';

/** All my notifications, newest first, across my cooperatives: unread ones or all, 25 at a time; marked read when opened. */
@Component({
  selector: 'kz-notifications-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  providers: [provideNotificationTexts()],
  imports: [MatButtonModule, MatIconModule, TranslocoPipe, CountChips, LoadStatus, NotificationItem],
  styles: `
    .list {
      list-style: none;
      margin: 16px 0;
      padding: 0;
      border-radius: 12px;
      background: var(--mat-sys-surface-container-low);
    }
    .list li + li {
      border-top: 1px solid var(--mat-sys-outline-variant);
    }
    .actions {
      display: flex;
      gap: 8px;
      flex-wrap: wrap;
      align-items: center;
      justify-content: space-between;
    }
    .empty {
      color: var(--mat-sys-on-surface-variant);
    }
  `,
  template: `
    <header class="page-header">
      <h1 class="page-title">{{ 'notifications.title' | transloco }}</h1>
    </header>
    <div class="actions">
      <kz-count-chips
        [chips]="chips()"
        [value]="filter()"
        (valueChange)="setFilter($event)"
        label="notifications.filterLabel"
        testId="notifications-filter"
      />
      @if (center.unreadCount() > 0) {
        <button mat-stroked-button type="button" (click)="markAllRead()" data-testid="notifications-page-read-all">
          <mat-icon svgIcon="done_all" />
          {{ 'notifications.markAllRead' | transloco }}
        </button>
      }
    </div>
    <kz-load-status [loading]="loading()" [error]="error()" />
    @if (items().length) {
      <ul class="list" data-testid="notifications-list">
        @for (n of items(); track n.id) {
          <li><kz-notification-item [notification]="n" (opened)="open($event)" /></li>
        }
      </ul>
    } @else if (!loading() && !error()) {
      <p class="empty" data-testid="notifications-page-empty">{{ 'notifications.empty' | transloco }}</p>
    }
    @if (hasMore()) {
      <button mat-button type="button" (click)="more()" [disabled]="loading()" data-testid="notifications-more">
        {{ 'notifications.more' | transloco }}
      </button>
    }
  `,
})
export class NotificationsPage {
  private readonly api = inject(NotificationsApi);
  protected readonly center = inject(NotificationCenter);

  protected readonly filter = signal<Filter>('');
  protected readonly items = signal<NotificationResponse[]>([]);
  protected readonly hasMore = signal(false);
  protected readonly loading = signal(false);
  protected readonly error = signal<unknown>(undefined);
  protected readonly chips = computed<CountChip[]>(() => [
    { value: '', labelKey: 'notifications.all' },
    { value: 'unread', labelKey: 'notifications.unreadFilter', count: this.center.unreadCount() },
  ]);

  constructor() {
    effect(() => {
      const filter = this.filter();
      untracked(() => this.load(filter, undefined));
    });
    // Live: a new notification goes on top (read or not, it is unread when it arrives).
    inject(Realtime)
      .on<NotificationEvent>(SOCKET_EVENTS.notification)
      .pipe(takeUntilDestroyed(inject(DestroyRef)))
      .subscribe((n) => {
        if (!this.items().some((item) => item.id === n.id)) this.items.update((list) => [n, ...list]);
      });
  }

  protected setFilter(value: string): void {
    this.filter.set(value === 'unread' ? 'unread' : '');
  }

  protected more(): void {
    const last = this.items().at(-1);
    if (last) this.load(this.filter(), last.seq);
  }

  protected open(n: NotificationResponse): void {
    this.center.markRead(n);
    const now = new Date().toISOString();
    this.items.update((list) =>
      list.map((item) => (item.id === n.id && !item.readAt ? { ...item, readAt: now } : item)),
    );
  }

  protected markAllRead(): void {
    this.center.markAllRead();
    const now = new Date().toISOString();
    this.items.update((list) => list.map((item) => (item.readAt ? item : { ...item, readAt: now })));
  }

  private load(filter: Filter, before: number | undefined): void {
    this.loading.set(true);
    this.error.set(undefined);
    this.api.list({ limit: PAGE, before, unread: filter === 'unread' }).subscribe({
      next: (page) => {
        this.items.update((list) => (before === undefined ? page.items : [...list, ...page.items]));
        this.hasMore.set(page.hasMore);
        this.loading.set(false);
      },
      error: (error: unknown) => {
        this.error.set(error);
        this.loading.set(false);
      },
    });
  }
}
