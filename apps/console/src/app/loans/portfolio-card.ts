import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import type { PortfolioResponse } from '@kotizo/contracts';
import { AbilityService } from '../core/abilities/ability.service';
import { problemMessageKey, toProblem } from '../core/http/problem';
import { Language } from '../core/i18n/language';
import { KzMoneyPipe } from '../core/money/money.pipe';
import { portfolioUrl } from './loans-api';
import { formatPercent } from './rate';

/** Loans running and at risk: PAR30 is the share of outstanding principal 30+ days late. */
@Component({
  selector: 'kz-portfolio-card',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, MatButtonModule, MatCardModule, MatProgressBarModule, TranslocoPipe, KzMoneyPipe],
  styles: `
    .par {
      font: var(--mat-sys-display-small);
      margin: 0 0 16px;
    }
    .par-label {
      font: var(--mat-sys-label-large);
      color: var(--mat-sys-on-surface-variant);
      margin: 0;
    }
    .risk {
      color: var(--mat-sys-error);
    }
  `,
  template: `
    <mat-card appearance="outlined" data-testid="portfolio">
      <mat-card-header>
        <mat-card-title>{{ 'portfolio.title' | transloco }}</mat-card-title>
      </mat-card-header>
      <mat-card-content>
        @if (portfolio.hasValue()) {
          @let p = portfolio.value();
          <p class="par-label">{{ 'portfolio.par30' | transloco }}</p>
          <p class="par" [class.risk]="p.par30BasisPoints > 0" data-testid="portfolio-par30">{{ par30() }}</p>
          <dl class="kz-facts">
            <div>
              <dt>{{ 'portfolio.outstanding' | transloco }}</dt>
              <dd data-testid="portfolio-outstanding">{{ p.outstanding | kzMoney: p.currency : lang() }}</dd>
            </div>
            <div>
              <dt>{{ 'portfolio.atRisk30' | transloco }}</dt>
              <dd>{{ p.atRisk30 | kzMoney: p.currency : lang() }}</dd>
            </div>
            <div>
              <dt>{{ 'portfolio.activeLoans' | transloco }}</dt>
              <dd data-testid="portfolio-active">{{ p.activeLoans }}</dd>
            </div>
            <div>
              <dt>{{ 'portfolio.lateLoans' | transloco }}</dt>
              <dd [class.risk]="p.lateLoans > 0">{{ p.lateLoans }}</dd>
            </div>
          </dl>
        } @else if (portfolio.error()) {
          <p class="load-error" role="alert">{{ errorKey() | transloco }}</p>
        } @else {
          <mat-progress-bar mode="indeterminate" />
        }
      </mat-card-content>
      @if (canReadLoans()) {
        <mat-card-actions>
          <a mat-button [routerLink]="['/c', slug(), 'loans']" [queryParams]="{ status: 'disbursed' }">{{
            'portfolio.see' | transloco
          }}</a>
        </mat-card-actions>
      }
    </mat-card>
  `,
})
export class PortfolioCard {
  readonly slug = input.required<string>();
  private readonly abilities = inject(AbilityService);
  protected readonly lang = inject(Language).current;
  protected readonly canReadLoans = computed(() => this.abilities.can('read', 'Loan'));
  protected readonly portfolio = httpResource<PortfolioResponse>(() => portfolioUrl(this.slug()));
  protected readonly par30 = computed(() =>
    this.portfolio.hasValue() ? formatPercent(this.portfolio.value().par30BasisPoints, this.lang()) : '',
  );
  protected readonly errorKey = computed(() => problemMessageKey(toProblem(this.portfolio.error())));
}
