import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { MatCardModule } from '@angular/material/card';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { TranslocoPipe } from '@jsverse/transloco';
import type { BalancesResponse } from '@kotizo/contracts';
import { problemMessageKey, toProblem } from '../core/http/problem';
import { Language } from '../core/i18n/language';
import { KzMoneyPipe } from '../core/money/money.pipe';
import { balancesUrl } from './ledger-api';

/** The cash in hand and the totals behind it, from the journal. */
@Component({
  selector: 'kz-balances-card',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatCardModule, MatProgressBarModule, TranslocoPipe, KzMoneyPipe],
  styles: `
    .cash {
      font: var(--mat-sys-display-small);
      color: var(--mat-sys-primary);
      margin: 0 0 16px;
      overflow-wrap: anywhere;
    }
    .cash-label {
      font: var(--mat-sys-label-large);
      color: var(--mat-sys-on-surface-variant);
      margin: 0;
    }
  `,
  template: `
    <mat-card appearance="outlined" data-testid="balances">
      <mat-card-header>
        <mat-card-title>{{ 'balances.title' | transloco }}</mat-card-title>
      </mat-card-header>
      <mat-card-content>
        @if (balances.hasValue()) {
          @let b = balances.value();
          <p class="cash-label">{{ 'balances.cash' | transloco }}</p>
          <p class="cash" data-testid="balance-cash">{{ b.cash | kzMoney: b.currency : lang() }}</p>
          <dl class="kz-facts">
            <div>
              <dt>{{ 'balances.contributions' | transloco }}</dt>
              <dd data-testid="balance-contributions">{{ b.contributions | kzMoney: b.currency : lang() }}</dd>
            </div>
            <div>
              <dt>{{ 'balances.penalties' | transloco }}</dt>
              <dd data-testid="balance-penalties">{{ b.penalties | kzMoney: b.currency : lang() }}</dd>
            </div>
            <div>
              <dt>{{ 'balances.income' | transloco }}</dt>
              <dd data-testid="balance-income">{{ b.income | kzMoney: b.currency : lang() }}</dd>
            </div>
            <div>
              <dt>{{ 'balances.expenses' | transloco }}</dt>
              <dd data-testid="balance-expenses">{{ b.expenses | kzMoney: b.currency : lang() }}</dd>
            </div>
          </dl>
        } @else if (balances.error()) {
          <p class="load-error" role="alert">{{ errorKey() | transloco }}</p>
        } @else {
          <mat-progress-bar mode="indeterminate" />
        }
      </mat-card-content>
    </mat-card>
  `,
})
export class BalancesCard {
  readonly slug = input.required<string>();
  protected readonly lang = inject(Language).current;
  protected readonly balances = httpResource<BalancesResponse>(() => balancesUrl(this.slug()));
  protected readonly errorKey = computed(() => problemMessageKey(toProblem(this.balances.error())));
}
