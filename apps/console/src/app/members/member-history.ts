import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { TranslocoPipe } from '@jsverse/transloco';
import type { CooperativeUserResponse, MemberEventResponse, Page } from '@kotizo/contracts';
import { usersUrl } from '../cooperative/cooperative-api';
import { AbilityService } from '../core/abilities/ability.service';
import { problemMessageKey, toProblem } from '../core/http/problem';
import { Language } from '../core/i18n/language';
import { KzDayPipe } from '../core/ui/day.pipe';
import { historyChanges } from './member-mappers';
import { memberUrl } from './members-api';

/** Who changed what on a member, and why, newest first. */
@Component({
  selector: 'kz-member-history',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatProgressBarModule, TranslocoPipe, KzDayPipe],
  styles: `
    h2 {
      font: var(--mat-sys-title-medium);
      margin: 0 0 8px;
    }
    .when {
      font-size: 0.875em;
      color: var(--mat-sys-on-surface-variant);
    }
    .action {
      font-weight: 500;
    }
    ul.changes {
      margin: 4px 0 0;
      padding-inline-start: 18px;
      font-size: 0.9em;
      overflow-wrap: anywhere;
    }
    .reason {
      margin: 4px 0 0;
      font-style: italic;
    }
  `,
  template: `
    <h2>{{ 'members.history.title' | transloco }}</h2>
    @if (events.isLoading()) {
      <mat-progress-bar mode="indeterminate" />
    }
    @if (events.error()) {
      <p class="load-error" role="alert">{{ errorKey() | transloco }}</p>
    }
    <ul class="kz-list" data-testid="member-history">
      @for (event of rows(); track $index) {
        <li>
          <div class="when">{{ event.when }} · {{ event.actor ?? ('members.history.someone' | transloco) }}</div>
          <div class="action">{{ 'members.history.action.' + event.action | transloco }}</div>
          @if (event.changes.length) {
            <ul class="changes">
              @for (c of event.changes; track c.field) {
                <li>
                  {{ 'members.field.' + c.field | transloco }} :
                  @if (c.field === 'status') {
                    @if (c.from) {
                      {{ 'memberStatus.' + c.from | transloco }} →
                    }
                    {{ 'memberStatus.' + c.to | transloco }}
                  } @else if (c.field === 'joinedOn') {
                    @if (c.from) {
                      {{ c.from | kzDay: lang() }} →
                    }
                    {{ c.to | kzDay: lang() }}
                  } @else {
                    @if (c.from) {
                      {{ c.from }} →
                    }
                    {{ c.to ?? '—' }}
                  }
                </li>
              }
            </ul>
          }
          @if (event.reason) {
            <p class="reason">{{ 'members.history.reason' | transloco: { reason: event.reason } }}</p>
          }
        </li>
      } @empty {
        @if (events.hasValue()) {
          <li class="empty">{{ 'members.history.empty' | transloco }}</li>
        }
      }
    </ul>
  `,
})
export class MemberHistory {
  readonly slug = input.required<string>();
  readonly memberId = input.required<string>();
  /** Changes after which the page reloads the history. */
  readonly version = input(0);

  private readonly abilities = inject(AbilityService);
  protected readonly lang = inject(Language).current;
  private readonly canReadUsers = computed(() => this.abilities.can('read', 'CooperativeUser'));

  protected readonly events = httpResource<MemberEventResponse[]>(() => {
    this.version();
    return `${memberUrl(this.slug(), this.memberId())}/history`;
  });
  /** Names of the people who made the changes (the history carries their user id only). */
  private readonly users = httpResource<Page<CooperativeUserResponse>>(() =>
    this.canReadUsers() ? { url: usersUrl(this.slug()), params: { limit: 100 } } : undefined,
  );
  protected readonly errorKey = computed(() => problemMessageKey(toProblem(this.events.error())));

  protected readonly rows = computed(() => {
    const events = this.events.hasValue() ? this.events.value() : [];
    const users = this.users.hasValue() ? this.users.value().items : [];
    const format = new Intl.DateTimeFormat(this.lang(), { dateStyle: 'medium', timeStyle: 'short' });
    return [...events]
      .sort((a, b) => (a.at < b.at ? 1 : -1))
      .map((event) => ({
        when: format.format(new Date(event.at)),
        actor: users.find((u) => u.id === event.actorUserId)?.name ?? null,
        action: event.action,
        changes: historyChanges(event),
        reason: event.reason,
      }));
  });
}
