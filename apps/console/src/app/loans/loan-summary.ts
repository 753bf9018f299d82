import { ChangeDetectionStrategy, Component, computed, inject, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import type { LoanResponse } from '@kotizo/contracts';
import { AbilityService } from '../core/abilities/ability.service';
import { Session } from '../core/auth/session';
import { KzMoneyPipe } from '../core/money/money.pipe';
import { KzDatePipe } from '../core/ui/date.pipe';
import { StatusChip } from '../core/ui/status-chip';
import { formatPercent } from './rate';

/** A loan in a list: who, how much, on what terms, where it stands; approve or reject if asked. */
@Component({
  selector: 'kz-loan-summary',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, MatButtonModule, MatIconModule, TranslocoPipe, KzMoneyPipe, KzDatePipe, StatusChip],
  styles: `
    :host {
      display: grid;
      grid-template-columns: minmax(0, 1fr) auto;
      gap: 4px 12px;
      align-items: center;
    }
    .title {
      font-weight: 500;
      overflow-wrap: anywhere;
    }
    .amount {
      font-weight: 600;
      white-space: nowrap;
      text-align: end;
    }
    .meta {
      grid-column: 1 / -1;
      font-size: 0.875em;
      color: var(--mat-sys-on-surface-variant);
      overflow-wrap: anywhere;
    }
    .late {
      color: var(--mat-sys-error);
      font-weight: 500;
    }
    .actions {
      grid-column: 1 / -1;
      display: flex;
      flex-wrap: wrap;
      justify-content: flex-end;
      align-items: center;
      gap: 8px;
    }
    .own {
      font-size: 0.85em;
      color: var(--mat-sys-on-surface-variant);
      margin-inline-end: auto;
    }
  `,
  template: `
    @let l = loan();
    <span class="title">
      <a [routerLink]="['/c', slug(), 'loans', l.id]" data-testid="loan-link">{{
        'loans.numbered' | transloco: { number: l.number }
      }}</a>
      · <a [routerLink]="['/c', slug(), 'members', l.memberId]">{{ borrower() ?? '…' }}</a>
    </span>
    <span class="amount">{{ l.principal | kzMoney: l.currency : lang() }}</span>
    <span class="meta">
      <kz-status-chip keys="loanStatus" [status]="l.status" data-testid="loan-status" />
      {{ rate() }} {{ 'loans.perYear' | transloco }} ·
      {{
        'loans.installmentsEvery'
          | transloco: { count: l.installments, frequency: ('loans.frequency.' + l.frequency | transloco) }
      }}
      · {{ 'loans.requestedOn' | transloco: { date: (l.requestedAt | kzDate: lang()) } }}
      @if (l.position; as p) {
        · {{ 'loans.position.outstanding' | transloco }} {{ p.outstandingTotal | kzMoney: l.currency : lang() }}
        @if (p.daysPastDue > 0) {
          · <span class="late">{{ 'loans.position.daysLate' | transloco: { days: p.daysPastDue } }}</span>
        }
      }
    </span>
    @if (l.status === 'requested' && canApprove()) {
      <div class="actions">
        @if (ownRequest()) {
          <span class="own" data-testid="own-request">{{ 'loans.decision.ownRequest' | transloco }}</span>
        }
        <button mat-button type="button" class="danger-text" (click)="decide.emit('reject')" data-testid="loan-reject">
          {{ 'loans.decision.reject.action' | transloco }}
        </button>
        <!-- Maker-checker: whoever requested a loan does not approve it. -->
        <button
          mat-flat-button
          type="button"
          [disabled]="ownRequest()"
          (click)="decide.emit('approve')"
          data-testid="loan-approve"
        >
          <mat-icon svgIcon="check" />
          {{ 'loans.decision.approve.action' | transloco }}
        </button>
      </div>
    }
  `,
})
export class LoanSummary {
  readonly slug = input.required<string>();
  readonly loan = input.required<LoanResponse>();
  readonly borrower = input<string | null>(null);
  readonly lang = input.required<string>();
  readonly decide = output<'approve' | 'reject'>();

  private readonly abilities = inject(AbilityService);
  private readonly session = inject(Session);
  protected readonly canApprove = computed(() => this.abilities.can('approve', 'Loan'));
  protected readonly ownRequest = computed(() => this.loan().requestedBy === this.session.me()?.id);
  protected readonly rate = computed(() => formatPercent(this.loan().annualRateBasisPoints, this.lang()));
}
