import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  computed,
  effect,
  inject,
  input,
  linkedSignal,
  signal,
} from '@angular/core';
import { rxResource, takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatBadgeModule } from '@angular/material/badge';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { Router } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { type NotificationEvent, SOCKET_EVENTS, type ThreadDetailResponse } from '@kotizo/contracts';
import { filter } from 'rxjs';
import { AbilityService } from '../core/abilities/ability.service';
import { Session } from '../core/auth/session';
import { Language } from '../core/i18n/language';
import { Viewport } from '../core/layout/viewport';
import { Realtime } from '../core/realtime/realtime';
import { KzDatePipe } from '../core/ui/date.pipe';
import { LoadStatus } from '../core/ui/load-status';
import { provideNotificationTexts } from '../notifications/notifications-scope';
import { ComposeThread } from './compose-thread';
import { MessagesApi } from './messages-api';
import { ThreadView } from './thread-view';

/**
 * Messages between members and the office (`/c/:slug/messages?thread=`): my threads, latest
 * first, with what I have not read; the open thread beside them (alone on a phone); a new thread.
 * A message arriving (a notification on the socket) refreshes the list and the open thread.
 */
@Component({
  selector: 'kz-messages-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  providers: [provideNotificationTexts()],
  imports: [
    MatBadgeModule,
    MatButtonModule,
    MatIconModule,
    TranslocoPipe,
    KzDatePipe,
    LoadStatus,
    ComposeThread,
    ThreadView,
  ],
  templateUrl: './messages-page.html',
  styleUrl: './messages-page.scss',
})
export class MessagesPage {
  /** From the route (`/c/:slug/messages?thread=`), bound by the router. */
  readonly slug = input.required<string>();
  readonly thread = input<string | undefined>();

  private readonly api = inject(MessagesApi);
  private readonly router = inject(Router);
  private readonly session = inject(Session);
  private readonly abilities = inject(AbilityService);
  protected readonly handset = inject(Viewport).handset;
  protected readonly lang = inject(Language).current;

  protected readonly canWrite = computed(() => this.abilities.can('create', 'Message'));
  protected readonly isMember = computed(() => {
    const slug = this.slug();
    return this.session.me()?.memberships.find((m) => m.slug === slug)?.role === 'member';
  });
  protected readonly composing = signal(false);
  protected readonly selectedId = linkedSignal(() => this.thread() ?? null);

  protected readonly threads = rxResource({
    params: () => this.slug(),
    stream: ({ params }) => this.api.threads(params),
  });
  protected readonly detail = rxResource({
    params: () => {
      const id = this.selectedId();
      return id ? { slug: this.slug(), id } : undefined;
    },
    stream: ({ params }) => this.api.thread(params.slug, params.id),
  });

  constructor() {
    // Opening a thread reads it: the server is told, and the list's unread counts follow.
    effect(() => {
      if (!this.detail.hasValue()) return;
      const thread = this.detail.value();
      if (thread.unreadCount > 0) this.markRead(thread);
    });
    inject(Realtime)
      .on<NotificationEvent>(SOCKET_EVENTS.notification)
      .pipe(
        filter((n) => n.kind === 'message.received' && n.tenant.slug === this.slug()),
        takeUntilDestroyed(inject(DestroyRef)),
      )
      .subscribe((n) => {
        this.threads.reload();
        if (n.data.threadId === this.selectedId()) this.detail.reload();
      });
  }

  protected open(id: string | null): void {
    this.composing.set(false);
    this.selectedId.set(id);
    void this.router.navigate([], { queryParams: { thread: id }, queryParamsHandling: 'merge', replaceUrl: true });
  }

  protected compose(): void {
    this.composing.set(true);
    this.selectedId.set(null);
  }

  protected created(thread: ThreadDetailResponse): void {
    this.threads.reload();
    this.open(thread.id);
  }

  protected replied(): void {
    this.threads.reload();
    this.detail.reload();
  }

  private markRead(thread: ThreadDetailResponse): void {
    this.api.markRead(this.slug(), thread.id).subscribe(() => this.threads.reload());
  }
}
