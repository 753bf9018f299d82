import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatBadgeModule } from '@angular/material/badge';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatMenuModule } from '@angular/material/menu';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { NotificationCenter } from './notification-center';
import { NotificationItem } from './notification-item';
import { provideNotificationTexts } from './notifications-scope';

/** The bell in the toolbar: the unread count, live, and the latest notifications in a panel. */
@Component({
  selector: 'kz-notification-bell',
  changeDetection: ChangeDetectionStrategy.OnPush,
  providers: [provideNotificationTexts()],
  imports: [MatBadgeModule, MatButtonModule, MatIconModule, MatMenuModule, RouterLink, TranslocoPipe, NotificationItem],
  styles: `
    .panel {
      width: min(360px, 90vw);
    }
    .head {
      display: flex;
      align-items: center;
      justify-content: space-between;
      padding: 4px 8px 4px 16px;
      font-weight: 600;
    }
    .empty {
      padding: 16px;
      color: var(--mat-sys-on-surface-variant);
    }
    .all {
      display: block;
      padding: 12px 16px;
      text-align: center;
    }
  `,
  template: `
    <button
      mat-icon-button
      type="button"
      [matMenuTriggerFor]="panel"
      [attr.aria-label]="'notifications.bell' | transloco: { count: center.unreadCount() }"
      data-testid="notification-bell"
    >
      <mat-icon
        svgIcon="notifications"
        [matBadge]="center.unreadCount() > 99 ? '99+' : center.unreadCount()"
        [matBadgeHidden]="center.unreadCount() === 0"
        matBadgeColor="warn"
        matBadgeSize="small"
        aria-hidden="true"
        data-testid="notification-count"
      />
    </button>
    <mat-menu #panel="matMenu" xPosition="before" class="kz-notification-panel">
      <div class="panel">
        <div class="head">
          <span>{{ 'notifications.title' | transloco }}</span>
          @if (center.unreadCount() > 0) {
            <button mat-button type="button" (click)="center.markAllRead()" data-testid="notifications-read-all">
              <mat-icon svgIcon="done_all" />
              {{ 'notifications.markAllRead' | transloco }}
            </button>
          }
        </div>
        @for (n of center.recent(); track n.id) {
          <kz-notification-item [notification]="n" (opened)="center.markRead($event)" />
        } @empty {
          <p class="empty" data-testid="notifications-empty">{{ 'notifications.empty' | transloco }}</p>
        }
        <a class="all" mat-button routerLink="/notifications" data-testid="notifications-see-all">
          {{ 'notifications.seeAll' | transloco }}
        </a>
      </div>
    </mat-menu>
  `,
})
export class NotificationBell {
  protected readonly center = inject(NotificationCenter);
}
