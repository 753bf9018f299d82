import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import type { CooperativeResponse } from '@kotizo/contracts';
import { AbilityService } from '../core/abilities/ability.service';
import { CanDirective } from '../core/abilities/can.directive';
import { problemMessageKey, toProblem } from '../core/http/problem';
import { Language } from '../core/i18n/language';
import { KzDatePipe } from '../core/ui/date.pipe';
import { StatusChip } from '../core/ui/status-chip';
import { cooperativeUrl } from './cooperative-api';
import { BalancesCard } from '../ledger/balances-card';
import { LedgerVerificationCard } from '../ledger/ledger-verification';
import { PortfolioCard } from '../loans/portfolio-card';
import { exampleAmount } from './example-amount';
import { provideDashboardTexts } from '../dashboards/dashboards-scope';

@Component({
  selector: 'kz-cooperative-home-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  // The dashboard link's text.
  providers: [provideDashboardTexts()],
  imports: [
    RouterLink,
    MatButtonModule,
    MatCardModule,
    MatIconModule,
    MatProgressBarModule,
    TranslocoPipe,
    CanDirective,
    KzDatePipe,
    StatusChip,
    BalancesCard,
    LedgerVerificationCard,
    PortfolioCard,
  ],
  styles: `
    .facts {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(160px, 1fr));
      gap: 16px;
      margin: 0;
    }
    dt {
      font: var(--mat-sys-label-medium);
      color: var(--mat-sys-on-surface-variant);
    }
    dd {
      margin: 4px 0 0;
      font: var(--mat-sys-body-large);
    }
    .amount {
      font: var(--mat-sys-headline-small);
      color: var(--mat-sys-primary);
    }
    .suspended {
      padding: 8px 12px;
      border-radius: 8px;
      margin-bottom: 16px;
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
    mat-card + mat-card {
      margin-top: 16px;
    }
    .quick {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
      margin-bottom: 16px;
    }
    .dashboard {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(280px, 1fr));
      gap: 16px;
      margin-bottom: 16px;
      align-items: start;
    }
    .quick a {
      min-height: 44px;
    }
    @media (max-width: 599.98px) {
      .quick a {
        flex: 1 1 auto;
      }
    }
  `,
  template: `
    @if (cooperative.isLoading()) {
      <mat-progress-bar mode="indeterminate" />
    }
    @if (cooperative.error()) {
      <p role="alert">{{ errorKey() | transloco }}</p>
    }
    @if (cooperative.hasValue()) {
      @let coop = cooperative.value();
      <header class="page-header">
        <h1 class="page-title" data-testid="cooperative-name">{{ coop.name }}</h1>
        <kz-status-chip [status]="coop.status" data-testid="cooperative-status" />
      </header>
      @if (coop.status === 'suspended') {
        <p class="suspended" role="status">{{ 'home.suspended' | transloco }}</p>
      }
      <nav class="quick" [attr.aria-label]="'home.quick' | transloco">
        <a
          *kzCan="'create'; subject: 'Transaction'"
          mat-flat-button
          [routerLink]="['/c', coop.slug, 'record', 'contribution']"
          data-testid="home-record"
        >
          <mat-icon svgIcon="payments" />
          {{ 'home.recordContribution' | transloco }}
        </a>
        <a
          *kzCan="'create'; subject: 'Member'"
          mat-stroked-button
          [routerLink]="['/c', coop.slug, 'members']"
          data-testid="home-members"
        >
          <mat-icon svgIcon="person" />
          {{ 'nav.members' | transloco }}
        </a>
        <a
          *kzCan="'read'; subject: 'Dashboard'"
          mat-stroked-button
          [routerLink]="['/c', coop.slug, 'dashboard']"
          data-testid="home-dashboard"
        >
          <mat-icon svgIcon="list" />
          {{ 'dashboards.open' | transloco }}
        </a>
        <a
          *kzCan="'approve'; subject: 'Loan'"
          mat-stroked-button
          [routerLink]="['/c', coop.slug, 'loans']"
          [queryParams]="{ status: 'requested' }"
          data-testid="home-loan-queue"
        >
          <mat-icon svgIcon="bank" />
          {{ 'home.loanQueue' | transloco }}
        </a>
      </nav>
      @if (canReadDashboard()) {
        <div class="dashboard">
          <kz-balances-card [slug]="coop.slug" />
          <kz-portfolio-card [slug]="coop.slug" />
          @if (canVerify()) {
            <kz-ledger-verification [slug]="coop.slug" />
          }
        </div>
      }
      <mat-card appearance="outlined">
        <mat-card-content>
          <dl class="facts">
            <div>
              <dt>{{ 'home.slug' | transloco }}</dt>
              <dd>{{ coop.slug }}</dd>
            </div>
            <div>
              <dt>{{ 'home.currency' | transloco }}</dt>
              <dd data-testid="cooperative-currency">{{ coop.currency }}</dd>
            </div>
            <div>
              <dt>{{ 'home.country' | transloco }}</dt>
              <dd>{{ coop.country }}</dd>
            </div>
            <div>
              <dt>{{ 'home.timeZone' | transloco }}</dt>
              <dd>{{ coop.timeZone }}</dd>
            </div>
            <div>
              <dt>{{ 'home.locale' | transloco }}</dt>
              <dd>{{ 'language.' + coop.locale | transloco }}</dd>
            </div>
            <div>
              <dt>{{ 'home.createdAt' | transloco }}</dt>
              <dd>{{ coop.createdAt | kzDate: lang() }}</dd>
            </div>
          </dl>
        </mat-card-content>
      </mat-card>
      <mat-card appearance="outlined">
        <mat-card-header>
          <mat-card-title>{{ 'home.exampleTitle' | transloco }}</mat-card-title>
          <mat-card-subtitle>{{ 'home.exampleHint' | transloco }}</mat-card-subtitle>
        </mat-card-header>
        <mat-card-content>
          <p class="amount" data-testid="example-amount">{{ example() }}</p>
        </mat-card-content>
        <mat-card-actions *kzCan="'read'; subject: 'CooperativeUser'">
          <a mat-button [routerLink]="['/c', coop.slug, 'users']" data-testid="home-users-link">
            <mat-icon svgIcon="group" />
            {{ 'nav.users' | transloco }}
          </a>
        </mat-card-actions>
      </mat-card>
    }
  `,
})
export class CooperativeHomePage {
  /** From the route (`/c/:slug`), bound by the router. */
  readonly slug = input.required<string>();
  protected readonly lang = inject(Language).current;
  private readonly abilities = inject(AbilityService);
  protected readonly canReadDashboard = computed(() => this.abilities.can('read', 'Dashboard'));
  /** The hash-chain check is an audit tool: auditors and admins. */
  protected readonly canVerify = computed(() => this.abilities.can('read', 'AuditLog'));

  protected readonly cooperative = httpResource<CooperativeResponse>(() => cooperativeUrl(this.slug()));
  protected readonly example = computed(() => {
    if (!this.cooperative.hasValue()) return '';
    const coop = this.cooperative.value();
    return exampleAmount(coop.currency, coop.locale);
  });
  protected readonly errorKey = computed(() => problemMessageKey(toProblem(this.cooperative.error())));
}
