import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import type { TransactionResponse } from '@kotizo/contracts';
import { KzMoneyPipe } from '../core/money/money.pipe';
import { KzDayPipe } from '../core/ui/day.pipe';

/** A loan paid out is undone by a write-off, a reversal by a new entry: neither is reversed. */
export function isReversible(entry: TransactionResponse): boolean {
  return entry.kind !== 'reversal' && entry.kind !== 'loan_disbursement' && entry.reversedById === null;
}

/**
 * One journal entry: what, whose, how much (signed: money in or out of the cash), how and
 * when, and its link to the entry that reverses it or that it reverses.
 */
@Component({
  selector: 'kz-transaction-item',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, MatButtonModule, MatIconModule, TranslocoPipe, KzMoneyPipe, KzDayPipe],
  styles: `
    :host {
      display: grid;
      grid-template-columns: minmax(0, 1fr) auto;
      gap: 2px 12px;
      align-items: start;
    }
    .what {
      font-weight: 500;
      overflow-wrap: anywhere;
    }
    .amount {
      font-weight: 600;
      text-align: end;
      white-space: nowrap;
      font-variant-numeric: tabular-nums;
    }
    .details {
      grid-column: 1;
      font-size: 0.875em;
      overflow-wrap: anywhere;
      align-self: center;
    }
    .links {
      grid-column: 1 / -1;
      font-size: 0.875em;
      overflow-wrap: anywhere;
    }
    .details {
      color: var(--mat-sys-on-surface-variant);
    }
    .links {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 4px 12px;
    }
    .links a {
      display: inline-flex;
      align-items: center;
      gap: 4px;
    }
    .links mat-icon {
      width: 18px;
      height: 18px;
    }
    :host(.reversed) .amount {
      text-decoration: line-through;
    }
    .seq {
      color: var(--mat-sys-on-surface-variant);
      font-variant-numeric: tabular-nums;
    }
    .actions {
      grid-column: 2;
      grid-row: 2;
      display: flex;
      justify-content: flex-end;
      margin: -6px -8px -6px 0;
    }
  `,
  host: { '[class.reversed]': 'entry().reversedById !== null' },
  template: `
    @let e = entry();
    <span class="what">
      <a
        class="seq"
        [routerLink]="['/c', slug(), 'journal', e.id]"
        [attr.aria-label]="'journal.entryLabel' | transloco: { seq: e.seq }"
        >#{{ e.seq }}</a
      >
      {{ 'ledger.kind.' + e.kind | transloco }}
      @if (e.category) {
        · {{ 'ledger.category.' + e.category | transloco }}
      }
      @if (showMember() && e.memberId) {
        ·
        <a [routerLink]="['/c', slug(), 'members', e.memberId]">{{ memberName() ?? '…' }}</a>
      }
    </span>
    <span
      class="amount"
      [class.amount-in]="e.direction === 1"
      [class.amount-out]="e.direction === -1"
      data-testid="entry-amount"
    >
      {{ e.direction === 1 ? '+' : '−' }}{{ e.amount | kzMoney: e.currency : lang() }}
    </span>
    <span class="details">
      {{ e.occurredOn | kzDay: lang() }} · {{ 'ledger.channel.' + e.channel | transloco }}
      @if (e.externalRef) {
        · {{ 'ledger.ref' | transloco }} {{ e.externalRef }}
      }
      @if (e.memo) {
        · {{ e.memo }}
      }
    </span>
    @if (e.reversedById || e.reversesId || (showLoan() && e.loanId)) {
      <span class="links">
        @if (showLoan() && e.loanId) {
          <a [routerLink]="['/c', slug(), 'loans', e.loanId]" data-testid="loan-link">
            <mat-icon svgIcon="bank" />{{ 'journal.loan' | transloco }}
          </a>
        }
        @if (e.reversedById) {
          <a [routerLink]="['/c', slug(), 'journal', e.reversedById]" data-testid="reversed-by-link">
            <mat-icon svgIcon="undo" />{{ 'journal.reversedBy' | transloco }}
          </a>
        }
        @if (e.reversesId) {
          <a [routerLink]="['/c', slug(), 'journal', e.reversesId]" data-testid="reverses-link">
            <mat-icon svgIcon="link" />{{ 'journal.reverses' | transloco }}
          </a>
          @if (e.reason) {
            <span class="muted">{{ 'journal.reasonIs' | transloco: { reason: e.reason } }}</span>
          }
        }
      </span>
    }
    @if (canReverse() && reversible()) {
      <div class="actions">
        <button mat-button type="button" class="danger-text" (click)="reverse.emit(e)" data-testid="reverse-entry">
          <mat-icon svgIcon="undo" />
          {{ 'journal.reverse.action' | transloco }}
        </button>
      </div>
    }
  `,
})
export class TransactionItem {
  readonly slug = input.required<string>();
  readonly entry = input.required<TransactionResponse>();
  readonly lang = input.required<string>();
  readonly memberName = input<string | null>(null);
  readonly showMember = input(true);
  /** Links an entry of a loan (payout, repayment, their reversals) to the loan's page. */
  readonly showLoan = input(true);
  /** The user may record reversals (create Transaction). */
  readonly canReverse = input(false);
  readonly reverse = output<TransactionResponse>();

  protected readonly reversible = computed(() => isReversible(this.entry()));
}
