import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, input, linkedSignal, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatPaginatorModule, type PageEvent } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import type { LoanResponse, Page } from '@kotizo/contracts';
import { CanDirective } from '../core/abilities/can.directive';
import { problemMessageKey, toProblem } from '../core/http/problem';
import { Language } from '../core/i18n/language';
import { LoanDecision } from './loan-decision';
import { LoanSummary } from './loan-summary';
import { loansUrl } from './loans-api';

/** The tabs of the loans page; `requested` first: the approval queue. */
export const LOAN_TABS = ['requested', 'approved', 'disbursed', 'closed', 'rejected', 'written_off', 'all'] as const;
type LoanTab = (typeof LOAN_TABS)[number];

@Component({
  selector: 'kz-loan-list-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    RouterLink,
    MatButtonModule,
    MatIconModule,
    MatPaginatorModule,
    MatProgressBarModule,
    TranslocoPipe,
    CanDirective,
    LoanSummary,
  ],
  template: `
    <header class="page-header">
      <h1 class="page-title">{{ 'loans.title' | transloco }}</h1>
      <a
        *kzCan="'create'; subject: 'Loan'"
        mat-flat-button
        [routerLink]="['/c', slug(), 'loans', 'new']"
        data-testid="new-loan"
      >
        <mat-icon svgIcon="add" />
        {{ 'loans.new' | transloco }}
      </a>
    </header>
    <nav class="kz-chip-nav" [attr.aria-label]="'loans.tabsLabel' | transloco">
      @for (t of tabs; track t) {
        <a
          [routerLink]="[]"
          [queryParams]="{ status: t }"
          [class.current]="t === tab()"
          [attr.aria-current]="t === tab() ? 'page' : null"
          [attr.data-testid]="'loans-tab-' + t"
          >{{ 'loans.tab.' + t | transloco }}</a
        >
      }
    </nav>
    @if (loans.isLoading()) {
      <mat-progress-bar mode="indeterminate" />
    }
    @if (loans.error()) {
      <p class="load-error" role="alert">{{ loadErrorKey() | transloco }}</p>
    }
    @if (loans.hasValue()) {
      @let page = loans.value();
      <ul class="kz-list" data-testid="loan-list">
        @for (loan of page.items; track loan.id) {
          <li [attr.data-testid]="'loan-' + loan.number">
            <kz-loan-summary
              [slug]="slug()"
              [loan]="loan"
              [lang]="lang()"
              [borrower]="loan.memberName"
              (decide)="decide(loan, $event)"
            />
          </li>
        } @empty {
          <li class="empty" data-testid="no-loans">{{ 'loans.empty.' + tab() | transloco }}</li>
        }
      </ul>
      @if (page.total > page.items.length || pageIndex() > 0) {
        <mat-paginator
          [length]="page.total"
          [pageIndex]="pageIndex()"
          [pageSize]="pageSize()"
          [pageSizeOptions]="[25, 50, 100]"
          (page)="onPage($event)"
          [attr.aria-label]="'common.pagination' | transloco"
        />
      }
    }
  `,
})
export class LoanListPage {
  /** From the route (`/c/:slug/loans?status=`), bound by the router. */
  readonly slug = input.required<string>();
  readonly status = input<string | undefined>();

  private readonly decision = inject(LoanDecision);
  protected readonly lang = inject(Language).current;

  protected readonly tabs = LOAN_TABS;
  protected readonly tab = computed<LoanTab>(() => {
    const status = this.status();
    return LOAN_TABS.find((t) => t === status) ?? 'requested';
  });
  protected readonly pageSize = signal(25);
  protected readonly pageIndex = linkedSignal({
    source: () => [this.slug(), this.tab(), this.pageSize()],
    computation: () => 0,
  });
  protected readonly loans = httpResource<Page<LoanResponse>>(() => {
    const tab = this.tab();
    return {
      url: loansUrl(this.slug()),
      params: {
        limit: this.pageSize(),
        offset: this.pageIndex() * this.pageSize(),
        ...(tab === 'all' ? {} : { status: tab }),
      },
    };
  });
  protected readonly loadErrorKey = computed(() => problemMessageKey(toProblem(this.loans.error())));

  protected onPage(event: PageEvent): void {
    this.pageSize.set(event.pageSize);
    this.pageIndex.set(event.pageIndex);
  }

  protected decide(loan: LoanResponse, decision: 'approve' | 'reject'): void {
    const borrower = loan.memberName;
    this.decision.decide(this.slug(), loan, decision, borrower, this.lang()).subscribe(() => this.loans.reload());
  }
}
