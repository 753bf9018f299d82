import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, input, linkedSignal, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import type { SnoozeResponse } from '@kotizo/contracts';
import type { RuleSet } from '@kotizo/rules-engine';
import { CooperativeDetails } from '../cooperative/cooperative-details';
import { problemMessageKey, toProblem } from '../core/http/problem';
import { KzDatePipe } from '../core/ui/date.pipe';
import { KzDayPipe } from '../core/ui/day.pipe';
import { LoadStatus } from '../core/ui/load-status';
import { provideRuleCheckTexts } from './rule-checks-scope';
import { SnoozesApi, snoozeState, snoozesUrl } from './snoozes-api';

const ORDER = { active: 0, expired: 1, lifted: 2 } as const;

/**
 * The rules silenced for a member: in force first, then expired or lifted ones (kept for the
 * record). Those who keep the rules can lift one in force.
 */
@Component({
  selector: 'kz-snooze-list',
  changeDetection: ChangeDetectionStrategy.OnPush,
  providers: [provideRuleCheckTexts()],
  imports: [RouterLink, MatButtonModule, MatIconModule, TranslocoPipe, KzDatePipe, KzDayPipe, LoadStatus],
  styles: `
    h2 {
      font: var(--mat-sys-title-medium);
      margin: 0 0 12px;
    }
    .row {
      display: grid;
      grid-template-columns: minmax(0, 1fr) auto;
      gap: 2px 12px;
      align-items: center;
    }
    .what {
      font-weight: 500;
      overflow-wrap: anywhere;
    }
    .meta,
    .reason {
      grid-column: 1;
      font-size: 0.875em;
      overflow-wrap: anywhere;
    }
    .reason {
      white-space: pre-line;
    }
    .meta {
      color: var(--mat-sys-on-surface-variant);
    }
    .side {
      grid-column: 2;
      grid-row: 1 / span 3;
      display: flex;
      flex-direction: column;
      align-items: flex-end;
      gap: 4px;
    }
    .side button {
      min-height: 44px;
    }
    .kz-status[data-status='active'] {
      background: var(--mat-sys-tertiary-container);
      color: var(--mat-sys-on-tertiary-container);
    }
  `,
  template: `
    <h2>{{ 'ruleChecks.snoozes.title' | transloco }}</h2>
    <p class="muted">{{ 'ruleChecks.snoozes.hint' | transloco }}</p>
    <kz-load-status [loading]="snoozes.isLoading() && !snoozes.hasValue()" [error]="snoozes.error()" />
    @if (errorKey(); as key) {
      <p class="kz-error-box" role="alert" data-testid="snooze-lift-error">{{ key | transloco }}</p>
    }
    @if (snoozes.hasValue()) {
      <ul class="kz-list" data-testid="snooze-list">
        @for (row of rows(); track row.snooze.id) {
          @let s = row.snooze;
          <li class="row" data-testid="snooze-row" [attr.data-state]="row.state">
            <span class="what">
              {{ ruleName(s.ruleId) }} ·
              <a [routerLink]="['/c', slug(), 'members', s.memberId]">{{ s.memberName ?? s.memberId }}</a>
            </span>
            <span class="reason">{{ s.reason }}</span>
            <span class="meta">
              {{ 'ruleChecks.snoozes.until' | transloco: { date: (s.until | kzDay: lang()) } }} ·
              {{ 'ruleChecks.snoozes.since' | transloco: { date: (s.createdAt | kzDate: lang()) } }}
              @if (s.liftedAt) {
                · {{ 'ruleChecks.snoozes.liftedAt' | transloco: { date: (s.liftedAt | kzDate: lang()) } }}
              }
            </span>
            <span class="side">
              <span class="kz-status" [attr.data-status]="row.state">{{
                'ruleChecks.snoozes.state.' + row.state | transloco
              }}</span>
              @if (canEdit() && row.state === 'active') {
                <button
                  mat-button
                  type="button"
                  [disabled]="lifting() === s.id"
                  (click)="lift(s)"
                  data-testid="snooze-lift"
                >
                  <mat-icon svgIcon="undo" />
                  {{ 'ruleChecks.snoozes.lift' | transloco }}
                </button>
              }
            </span>
          </li>
        } @empty {
          <li class="empty muted" data-testid="snooze-none">{{ 'ruleChecks.snoozes.none' | transloco }}</li>
        }
      </ul>
    }
  `,
})
export class SnoozeList {
  readonly slug = input.required<string>();
  readonly lang = input.required<string>();
  /** For the rules' names (the active set); ids are shown for rules it does not have. */
  readonly ruleSet = input<RuleSet | null>(null);
  readonly canEdit = input(false);

  private readonly api = inject(SnoozesApi);
  private readonly details = inject(CooperativeDetails);

  protected readonly snoozes = httpResource<SnoozeResponse[]>(() => snoozesUrl(this.slug()));
  private readonly list = linkedSignal(() => (this.snoozes.hasValue() ? this.snoozes.value() : []));
  protected readonly rows = computed(() => {
    const today = this.details.today();
    return this.list()
      .map((snooze) => ({ snooze, state: snoozeState(snooze, today) }))
      .sort((a, b) => ORDER[a.state] - ORDER[b.state] || a.snooze.until.localeCompare(b.snooze.until));
  });
  private readonly names = computed(() => {
    const lang = this.lang();
    return new Map((this.ruleSet()?.rules ?? []).map((r) => [r.id, lang === 'en' ? r.name.en : r.name.fr]));
  });
  protected readonly lifting = signal<string | null>(null);
  protected readonly errorKey = signal<string | null>(null);

  protected ruleName(ruleId: string): string {
    return this.names().get(ruleId) ?? ruleId;
  }

  protected lift(snooze: SnoozeResponse): void {
    if (this.lifting()) return;
    this.lifting.set(snooze.id);
    this.errorKey.set(null);
    this.api.lift(this.slug(), snooze.id).subscribe({
      next: (lifted) => {
        this.lifting.set(null);
        this.list.update((all) => all.map((s) => (s.id === lifted.id ? lifted : s)));
      },
      error: (error: unknown) => {
        this.lifting.set(null);
        this.errorKey.set(problemMessageKey(toProblem(error)));
      },
    });
  }
}
