import { ChangeDetectionStrategy, Component, computed, inject, input, output } from '@angular/core';
import { MatIconModule } from '@angular/material/icon';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import type { NotificationResponse } from '@kotizo/contracts';
import { formatMoney } from '@kotizo/domain';
import { Language } from '../core/i18n/language';
import { KzDatePipe } from '../core/ui/date.pipe';
import { viewOf } from './notification-view';

/** One notification as a link: what happened, in which cooperative, when; unread ones stand out. */
@Component({
  selector: 'kz-notification-item',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatIconModule, RouterLink, TranslocoPipe, KzDatePipe],
  styles: `
    a {
      display: grid;
      grid-template-columns: 24px 1fr;
      gap: 4px 12px;
      align-items: start;
      padding: 10px 16px;
      min-height: 44px;
      color: inherit;
      text-decoration: none;
    }
    a:hover,
    a:focus-visible {
      background: var(--mat-sys-surface-container-high);
    }
    .unread .text {
      font-weight: 600;
    }
    .meta {
      grid-column: 2;
      font-size: 0.8rem;
      color: var(--mat-sys-on-surface-variant);
    }
    .dot {
      display: inline-block;
      width: 8px;
      height: 8px;
      border-radius: 50%;
      background: var(--mat-sys-primary);
      margin-inline-end: 6px;
    }
  `,
  template: `
    @let v = view();
    <a
      [routerLink]="v.link ?? []"
      [queryParams]="v.queryParams"
      [class.unread]="!notification().readAt"
      (click)="opened.emit(notification())"
      data-testid="notification"
      [attr.data-kind]="notification().kind"
      [attr.data-unread]="notification().readAt ? null : 'true'"
    >
      <mat-icon [svgIcon]="v.icon" aria-hidden="true" />
      <span class="text">
        @if (!notification().readAt) {
          <span class="dot" [attr.aria-label]="'notifications.unread' | transloco"></span>
        }
        {{ v.key | transloco: v.params }}
      </span>
      <span class="meta"
        >{{ notification().tenant.slug }} · {{ notification().createdAt | kzDate: lang() : true }}</span
      >
    </a>
  `,
})
export class NotificationItem {
  readonly notification = input.required<NotificationResponse>();
  readonly opened = output<NotificationResponse>();
  protected readonly lang = inject(Language).current;

  protected readonly view = computed(() => {
    const lang = this.lang();
    return viewOf(this.notification(), {
      money: (amount, currency) => {
        try {
          return formatMoney(amount, currency, lang);
        } catch {
          return `${amount} ${currency}`;
        }
      },
      // A calendar date: read as noon UTC so no zone moves it to the day before.
      date: (iso) =>
        new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${iso}T12:00:00Z`)),
    });
  });
}
