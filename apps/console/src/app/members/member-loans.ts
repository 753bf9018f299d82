import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import type { LoanResponse, Page } from '@kotizo/contracts';
import { problemMessageKey, toProblem } from '../core/http/problem';
import { Language } from '../core/i18n/language';
import { KzMoneyPipe } from '../core/money/money.pipe';
import { KzDatePipe } from '../core/ui/date.pipe';
import { StatusChip } from '../core/ui/status-chip';
import { loansUrl } from '../loans/loans-api';

/** The loans of one member, newest first, each linking to its page. */
@Component({
  selector: 'kz-member-loans',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, MatProgressBarModule, TranslocoPipe, KzMoneyPipe, KzDatePipe, StatusChip],
  styles: `
    h2 {
      font: var(--mat-sys-title-medium);
      margin: 0 0 8px;
    }
    li.loan {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: space-between;
      gap: 4px 12px;
    }
    .meta {
      font-size: 0.875em;
      color: var(--mat-sys-on-surface-variant);
      width: 100%;
    }
  `,
  template: `
    <h2>{{ 'members.loans.title' | transloco }}</h2>
    @if (loans.isLoading()) {
      <mat-progress-bar mode="indeterminate" />
    }
    @if (loans.error()) {
      <p class="load-error" role="alert">{{ errorKey() | transloco }}</p>
    }
    @if (loans.hasValue()) {
      <ul class="kz-list" data-testid="member-loans">
        @for (loan of loans.value().items; track loan.id) {
          <li class="loan">
            <a [routerLink]="['/c', slug(), 'loans', loan.id]">
              {{ 'loans.numbered' | transloco: { number: loan.number } }} ·
              {{ loan.principal | kzMoney: loan.currency : lang() }}
            </a>
            <kz-status-chip keys="loanStatus" [status]="loan.status" />
            <span class="meta">
              {{ 'loans.requestedOn' | transloco: { date: (loan.requestedAt | kzDate: lang()) } }}
              @if (loan.position; as p) {
                · {{ 'loans.position.outstanding' | transloco }}
                {{ p.outstandingTotal | kzMoney: loan.currency : lang() }}
              }
            </span>
          </li>
        } @empty {
          <li class="empty">{{ 'members.loans.empty' | transloco }}</li>
        }
      </ul>
    }
  `,
})
export class MemberLoans {
  readonly slug = input.required<string>();
  readonly memberId = input.required<string>();
  protected readonly lang = inject(Language).current;

  protected readonly loans = httpResource<Page<LoanResponse>>(() => ({
    url: loansUrl(this.slug()),
    params: { memberId: this.memberId(), limit: 50 },
  }));
  protected readonly errorKey = computed(() => problemMessageKey(toProblem(this.loans.error())));
}
