import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { MatIconModule } from '@angular/material/icon';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import type { VerdictResponse } from '@kotizo/contracts';
import { AbilityService } from '../core/abilities/ability.service';
import { toProblem } from '../core/http/problem';
import { KzDatePipe } from '../core/ui/date.pipe';
import { LoadStatus } from '../core/ui/load-status';
import { StatusChip } from '../core/ui/status-chip';
import { provideRuleCheckTexts } from '../rules/rule-checks-scope';
import { transactionUrl } from './ledger-api';

export const verdictUrl = (slug: string, transactionId: string) => `${transactionUrl(slug, transactionId)}/verdict`;

/**
 * What the audit rules said of one movement when it was written: each rule that fired, with
 * its severity, its words and the case it opened. Only for those who read cases; a movement
 * not judged yet (404) says so.
 */
@Component({
  selector: 'kz-movement-verdict',
  changeDetection: ChangeDetectionStrategy.OnPush,
  providers: [provideRuleCheckTexts()],
  imports: [RouterLink, MatIconModule, TranslocoPipe, KzDatePipe, LoadStatus, StatusChip],
  styles: `
    :host {
      display: block;
    }
    h2 {
      font: var(--mat-sys-title-small);
      margin: 0 0 8px;
    }
    ul {
      list-style: none;
      margin: 0;
      padding: 0;
    }
    li {
      padding: 8px 0;
      border-top: 1px solid var(--mat-sys-outline-variant);
      overflow-wrap: anywhere;
    }
    .head {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 4px 8px;
    }
    .name {
      font-weight: 500;
    }
    .message {
      margin: 4px 0 0;
    }
    .case {
      display: inline-flex;
      align-items: center;
      gap: 4px;
      min-height: 32px;
    }
    .meta {
      font-size: 0.875em;
      margin: 8px 0 0;
    }
  `,
  template: `
    @if (canRead()) {
      <section data-testid="verdict" [attr.aria-label]="'ruleChecks.verdict.title' | transloco">
        <h2>{{ 'ruleChecks.verdict.title' | transloco }}</h2>
        <kz-load-status [loading]="verdict.isLoading()" [error]="loadError()" />
        @if (notJudged()) {
          <p class="muted" data-testid="verdict-pending">{{ 'ruleChecks.verdict.pending' | transloco }}</p>
        }
        @if (verdict.hasValue()) {
          @let v = verdict.value();
          <ul>
            @for (hit of v.hits; track hit.ruleId) {
              <li data-testid="verdict-hit" [attr.data-rule-id]="hit.ruleId">
                <div class="head">
                  <kz-status-chip keys="severity" [status]="hit.severity" />
                  <span class="name">{{ lang() === 'en' ? hit.name.en : hit.name.fr }}</span>
                </div>
                <p class="message">{{ lang() === 'en' ? hit.message.en : hit.message.fr }}</p>
                @if (hit.caseId) {
                  <a class="case" [routerLink]="['/c', slug(), 'cases', hit.caseId]" data-testid="verdict-case">
                    <mat-icon svgIcon="folder" />{{ 'ruleChecks.verdict.case' | transloco }}
                  </a>
                }
              </li>
            } @empty {
              <li class="muted" data-testid="verdict-clean">{{ 'ruleChecks.verdict.clean' | transloco }}</li>
            }
          </ul>
          <p class="meta muted">
            {{
              'ruleChecks.verdict.meta'
                | transloco: { version: v.ruleVersion, date: (v.evaluatedAt | kzDate: lang() : true) }
            }}
          </p>
        }
      </section>
    }
  `,
})
export class MovementVerdict {
  readonly slug = input.required<string>();
  readonly transactionId = input.required<string>();
  readonly lang = input.required<string>();

  private readonly abilities = inject(AbilityService);
  protected readonly canRead = computed(() => this.abilities.can('read', 'Case'));
  protected readonly verdict = httpResource<VerdictResponse>(() =>
    this.canRead() ? verdictUrl(this.slug(), this.transactionId()) : undefined,
  );
  /** 404: the rules have not looked at it yet (it was just written, or before the rules existed). */
  protected readonly notJudged = computed(() => toProblem(this.verdict.error()).status === 404);
  protected readonly loadError = computed(() => (this.notJudged() ? undefined : this.verdict.error()));
}
