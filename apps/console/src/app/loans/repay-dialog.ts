import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatChipsModule } from '@angular/material/chips';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import type { LoanResponse, RepaymentResponse, RepayLoanRequest } from '@kotizo/contracts';
import { formatMoney } from '@kotizo/domain';
import { SubmissionKey } from '../core/http/idempotency';
import { applyProblemToForm, problemMessageKey, toProblem } from '../core/http/problem';
import { amountOf, amountValidator } from '../core/money/amount-validator';
import { currencySymbol, formatAmountInput } from '../core/money/parse-amount';
import { fieldMessage } from '../core/ui/field-message';
import { CHANNEL_VALUES, type Channel } from '../ledger/transaction-kinds';
import { LoansApi } from './loans-api';

export interface RepayDialogData {
  slug: string;
  loan: LoanResponse;
  borrower: string;
  lang: string;
}

/** What the member should pay next: the oldest installment not settled. */
export function nextDue(loan: LoanResponse): number {
  return loan.schedule.find((i) => i.remaining > 0)?.remaining ?? 0;
}

/**
 * Records a repayment: amount (the next installment by default) and channel, then a
 * confirmation in plain words. More than the loan still owes is refused by the API (422
 * repayment_exceeds_outstanding) and shown on the amount.
 */
@Component({
  selector: 'kz-repay-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatChipsModule,
    MatDialogModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    TranslocoPipe,
  ],
  styles: `
    form {
      display: flex;
      flex-direction: column;
    }
    .amount-input {
      font-size: 1.75rem;
      line-height: 2.25rem;
    }
    .currency {
      padding-inline-start: 8px;
      white-space: nowrap;
    }
    .label {
      font: var(--mat-sys-label-large);
      color: var(--mat-sys-on-surface-variant);
      display: block;
      margin-bottom: 4px;
    }
    mat-chip-listbox {
      display: block;
      margin-bottom: 16px;
    }
    .question {
      font: var(--mat-sys-title-medium);
      margin: 0 0 8px;
    }
  `,
  template: `
    <h2 mat-dialog-title>{{ 'loans.repay.title' | transloco: { number: data.loan.number } }}</h2>
    <form [formGroup]="form" (ngSubmit)="submit()" novalidate data-testid="repay-form">
      <mat-dialog-content>
        @if (busy()) {
          <mat-progress-bar mode="indeterminate" />
        }
        @if (errorKey(); as key) {
          <p class="kz-error-box" role="alert" data-testid="repay-error">{{ key | transloco: errorParams() }}</p>
        }
        @if (step() === 'form') {
          <p class="muted">{{ 'loans.repay.owed' | transloco: { amount: owed() } }}</p>
          <mat-form-field class="full-width">
            <mat-label>{{ 'loans.repay.amount' | transloco }}</mat-label>
            <input
              matInput
              formControlName="amount"
              inputmode="decimal"
              autocomplete="off"
              class="amount-input"
              data-testid="repay-amount"
            />
            <span matTextSuffix class="currency">{{ symbol }}</span>
            @if (message(form.controls.amount); as m) {
              <mat-error>{{ m.text ?? (m.key | transloco: m.params) }}</mat-error>
            }
          </mat-form-field>
          <span class="label" id="repay-channel">{{ 'record.channel' | transloco }}</span>
          <mat-chip-listbox formControlName="channel" aria-labelledby="repay-channel" data-testid="repay-channel">
            @for (c of channels; track c) {
              <mat-chip-option [value]="c" [selectable]="form.controls.channel.value !== c">{{
                'ledger.channel.' + c | transloco
              }}</mat-chip-option>
            }
          </mat-chip-listbox>
          <mat-form-field class="full-width">
            <mat-label>{{ 'record.externalRef' | transloco }}</mat-label>
            <input matInput formControlName="externalRef" autocomplete="off" data-testid="repay-ref" />
          </mat-form-field>
        } @else {
          <p class="question" data-testid="repay-question">{{ question() }}</p>
          <p class="muted">{{ 'ledger.channel.' + form.controls.channel.value | transloco }}</p>
        }
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        @if (step() === 'form') {
          <button mat-button type="button" mat-dialog-close>{{ 'common.cancel' | transloco }}</button>
          <button mat-flat-button type="submit" data-testid="repay-continue">
            {{ 'record.continue' | transloco }}
          </button>
        } @else {
          <button mat-button type="button" (click)="step.set('form')" [disabled]="busy()">
            {{ 'record.edit' | transloco }}
          </button>
          <button mat-flat-button type="submit" [disabled]="busy()" data-testid="repay-confirm">
            {{ (errorKey() ? 'record.retry' : 'record.confirm') | transloco }}
          </button>
        }
      </mat-dialog-actions>
    </form>
  `,
})
export class RepayDialog {
  protected readonly data = inject<RepayDialogData>(MAT_DIALOG_DATA);
  private readonly ref = inject<MatDialogRef<RepayDialog, RepaymentResponse>>(MatDialogRef);
  private readonly api = inject(LoansApi);
  private readonly transloco = inject(TranslocoService);
  private readonly submission = new SubmissionKey();
  private readonly currency = this.data.loan.currency;
  protected readonly symbol = currencySymbol(this.currency, this.data.lang);
  protected readonly channels = CHANNEL_VALUES;
  protected readonly message = fieldMessage;
  protected readonly step = signal<'form' | 'confirm'>('form');
  protected readonly busy = signal(false);
  protected readonly errorKey = signal<string | null>(null);
  protected readonly errorParams = signal<Record<string, string>>({});
  protected readonly owed = computed(() =>
    formatMoney(this.data.loan.position?.outstandingTotal ?? 0, this.currency, this.data.lang),
  );
  protected readonly form = inject(NonNullableFormBuilder).group({
    amount: [
      nextDue(this.data.loan) > 0 ? formatAmountInput(nextDue(this.data.loan), this.currency, this.data.lang) : '',
      [Validators.required, amountValidator(() => this.currency)],
    ],
    channel: ['cash' as Channel, Validators.required],
    externalRef: ['', Validators.maxLength(80)],
  });
  protected readonly question = signal('');

  protected submit(): void {
    if (this.busy()) return;
    if (this.step() === 'form') {
      if (this.form.invalid) {
        this.form.markAllAsTouched();
        return;
      }
      this.errorKey.set(null);
      const amount = formatMoney(
        amountOf(this.form.controls.amount.value, this.currency),
        this.currency,
        this.data.lang,
      );
      this.question.set(
        this.transloco.translate('loans.repay.question', {
          amount,
          number: this.data.loan.number,
          name: this.data.borrower,
        }),
      );
      this.step.set('confirm');
      return;
    }
    this.send();
  }

  private send(): void {
    const { amount, channel, externalRef } = this.form.getRawValue();
    const ref = externalRef.trim();
    const body: RepayLoanRequest = {
      amount: amountOf(amount, this.currency),
      channel,
      ...(ref ? { externalRef: ref } : {}),
    };
    this.busy.set(true);
    this.errorKey.set(null);
    this.ref.disableClose = true;
    this.api.repay(this.data.slug, this.data.loan.id, body, this.submission).subscribe({
      next: (repayment) => this.ref.close(repayment),
      error: (error: unknown) => {
        this.busy.set(false);
        this.ref.disableClose = false;
        const problem = toProblem(error);
        if (problem.code === 'repayment_exceeds_outstanding') {
          this.errorKey.set('loans.repay.tooMuch');
          this.errorParams.set({ amount: this.owed() });
          this.form.controls.amount.setErrors({ tooMuch: true });
          this.form.controls.amount.markAsTouched();
          this.step.set('form');
          return;
        }
        this.errorParams.set({});
        this.errorKey.set(problem.code === 'loan_not_running' ? 'loans.repay.notRunning' : problemMessageKey(problem));
        if (applyProblemToForm(this.form, problem).length < (problem.errors?.length ?? 0)) this.step.set('form');
      },
    });
  }
}
