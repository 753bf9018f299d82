import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import type { TransactionResponse } from '@kotizo/contracts';
import { ExplainLink } from '../agent/explain-link';
import { AbilityService } from '../core/abilities/ability.service';
import { problemMessageKey, toProblem } from '../core/http/problem';
import { Language } from '../core/i18n/language';
import { KzDatePipe } from '../core/ui/date.pipe';
import { transactionUrl } from './ledger-api';
import { MovementVerdict } from './movement-verdict';
import { ReversalAction } from './reversal-action';
import { TransactionItem } from './transaction-item';

/** One journal entry, with its link to the reversal (or to the entry it reverses). */
@Component({
  selector: 'kz-transaction-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    RouterLink,
    MatButtonModule,
    MatCardModule,
    MatIconModule,
    MatProgressBarModule,
    TranslocoPipe,
    KzDatePipe,
    TransactionItem,
    ExplainLink,
    MovementVerdict,
  ],
  styles: `
    mat-card {
      max-width: 720px;
    }
    .hash {
      font-family: ui-monospace, 'DejaVu Sans Mono', monospace;
      font-size: 0.8em;
      overflow-wrap: anywhere;
    }
    .kz-facts {
      margin-top: 16px;
    }
    kz-explain-link {
      display: block;
      margin-top: 16px;
    }
    kz-movement-verdict {
      margin-top: 16px;
    }
  `,
  template: `
    <header class="page-header">
      <a
        mat-icon-button
        [routerLink]="['/c', slug(), 'journal']"
        [attr.aria-label]="'common.back' | transloco"
        data-testid="back"
      >
        <mat-icon svgIcon="back" />
      </a>
      <h1 class="page-title">
        @if (entry.hasValue()) {
          {{ 'journal.entryLabel' | transloco: { seq: entry.value().seq } }}
        } @else {
          {{ 'journal.title' | transloco }}
        }
      </h1>
    </header>
    @if (entry.isLoading()) {
      <mat-progress-bar mode="indeterminate" />
    }
    @if (entry.error()) {
      <p class="load-error" role="alert">{{ errorKey() | transloco }}</p>
    }
    @if (entry.hasValue()) {
      @let e = entry.value();
      <mat-card appearance="outlined">
        <mat-card-content data-testid="transaction">
          <kz-transaction-item
            [slug]="slug()"
            [entry]="e"
            [lang]="lang()"
            [memberName]="e.memberName"
            [canReverse]="canReverse()"
            (reverse)="reverse($event)"
          />
          <dl class="kz-facts">
            <div>
              <dt>{{ 'journal.recordedAt' | transloco }}</dt>
              <dd>{{ e.recordedAt | kzDate: lang() }}</dd>
            </div>
            @if (e.reason) {
              <div>
                <dt>{{ 'journal.reason' | transloco }}</dt>
                <dd>{{ e.reason }}</dd>
              </div>
            }
            <div>
              <dt>{{ 'journal.hash' | transloco }}</dt>
              <dd class="hash">{{ e.hash }}</dd>
            </div>
          </dl>
          <kz-explain-link [slug]="slug()" [transactionId]="e.id" />
          <kz-movement-verdict [slug]="slug()" [transactionId]="e.id" [lang]="lang()" />
        </mat-card-content>
      </mat-card>
    }
  `,
})
export class TransactionPage {
  /** From the route (`/c/:slug/journal/:transactionId`), bound by the router. */
  readonly slug = input.required<string>();
  readonly transactionId = input.required<string>();

  private readonly abilities = inject(AbilityService);
  private readonly reversal = inject(ReversalAction);
  protected readonly lang = inject(Language).current;
  protected readonly canReverse = computed(() => this.abilities.can('create', 'Transaction'));

  protected readonly entry = httpResource<TransactionResponse>(() => transactionUrl(this.slug(), this.transactionId()));
  protected readonly errorKey = computed(() => problemMessageKey(toProblem(this.entry.error())));

  protected reverse(entry: TransactionResponse): void {
    this.reversal.run(this.slug(), entry, this.lang()).subscribe(() => this.entry.reload());
  }
}
