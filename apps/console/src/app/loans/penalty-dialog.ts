import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { TranslocoPipe } from '@jsverse/transloco';
import type { AssessPenaltyRequest, InstallmentView, LoanResponse } from '@kotizo/contracts';
import { formatMoney } from '@kotizo/domain';
import { applyProblemToForm, problemMessageKey, toProblem } from '../core/http/problem';
import { amountOf, amountValidator } from '../core/money/amount-validator';
import { currencySymbol } from '../core/money/parse-amount';
import { KzDayPipe } from '../core/ui/day.pipe';
import { fieldMessage } from '../core/ui/field-message';
import { LoansApi } from './loans-api';

export interface PenaltyDialogData {
  slug: string;
  loan: LoanResponse;
  installment: InstallmentView;
  borrower: string;
  lang: string;
}

/** A reason says why the penalty is charged: 3 to 300 characters, once trimmed (as the API). */
function reasonValidator(control: { value: unknown }) {
  const value = typeof control.value === 'string' ? control.value.trim() : '';
  if (value === '') return { required: true };
  return value.length < 3 ? { minlength: { requiredLength: 3, actualLength: value.length } } : null;
}

/**
 * Charges a penalty on a late installment (treasurer, admin): an amount in the cooperative's
 * currency and a reason. Repayments then pay it first. Refusals of the API (not late, not a
 * running loan, an invalid amount) are shown on their field or above the form.
 */
@Component({
  selector: 'kz-penalty-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatDialogModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    TranslocoPipe,
    KzDayPipe,
  ],
  styles: `
    form {
      display: flex;
      flex-direction: column;
    }
    .currency {
      padding-inline-start: 8px;
      white-space: nowrap;
    }
  `,
  template: `
    <h2 mat-dialog-title>{{ 'loans.penalty.title' | transloco: { number: data.installment.number } }}</h2>
    <form [formGroup]="form" (ngSubmit)="submit()" novalidate data-testid="penalty-form">
      <mat-dialog-content>
        @if (busy()) {
          <mat-progress-bar mode="indeterminate" />
        }
        @if (errorKey(); as key) {
          <p class="kz-error-box" role="alert" data-testid="penalty-error">{{ key | transloco }}</p>
        }
        <p class="muted">
          {{
            'loans.penalty.intro'
              | transloco
                : {
                    loan: data.loan.number,
                    name: data.borrower,
                    date: (data.installment.dueDate | kzDay: data.lang),
                    remaining: remaining,
                  }
          }}
        </p>
        @if (installmentError(); as e) {
          <p class="kz-error-box" role="alert" data-testid="penalty-installment-error">{{ e }}</p>
        }
        <mat-form-field class="full-width">
          <mat-label>{{ 'loans.penalty.amount' | transloco }}</mat-label>
          <input
            matInput
            formControlName="amount"
            inputmode="decimal"
            autocomplete="off"
            data-testid="penalty-amount"
          />
          <span matTextSuffix class="currency">{{ symbol }}</span>
          @if (message(form.controls.amount); as m) {
            <mat-error>{{ m.text ?? (m.key | transloco: m.params) }}</mat-error>
          }
        </mat-form-field>
        <mat-form-field class="full-width">
          <mat-label>{{ 'loans.penalty.reason' | transloco }}</mat-label>
          <textarea matInput formControlName="reason" rows="2" maxlength="300" data-testid="penalty-reason"></textarea>
          @if (message(form.controls.reason); as m) {
            <mat-error>{{ m.text ?? (m.key | transloco: m.params) }}</mat-error>
          }
        </mat-form-field>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close [disabled]="busy()">{{ 'common.cancel' | transloco }}</button>
        <button mat-flat-button type="submit" [disabled]="busy()" data-testid="penalty-confirm">
          {{ (errorKey() ? 'record.retry' : 'loans.penalty.confirm') | transloco }}
        </button>
      </mat-dialog-actions>
    </form>
  `,
})
export class PenaltyDialog {
  protected readonly data = inject<PenaltyDialogData>(MAT_DIALOG_DATA);
  private readonly ref = inject<MatDialogRef<PenaltyDialog, LoanResponse>>(MatDialogRef);
  private readonly api = inject(LoansApi);
  private readonly currency = this.data.loan.currency;
  protected readonly symbol = currencySymbol(this.currency, this.data.lang);
  protected readonly remaining = formatMoney(this.data.installment.remaining, this.currency, this.data.lang);
  protected readonly message = fieldMessage;
  protected readonly busy = signal(false);
  protected readonly errorKey = signal<string | null>(null);
  /** The API's word on the installment itself (e.g. no longer late): no field shows it. */
  protected readonly installmentError = signal<string | null>(null);
  protected readonly form = inject(NonNullableFormBuilder).group({
    amount: ['', [Validators.required, amountValidator(() => this.currency)]],
    reason: ['', [reasonValidator, Validators.maxLength(300)]],
  });

  protected submit(): void {
    if (this.busy()) return;
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const { amount, reason } = this.form.getRawValue();
    const body: AssessPenaltyRequest = {
      installmentNumber: this.data.installment.number,
      amount: amountOf(amount, this.currency),
      reason: reason.trim(),
    };
    this.busy.set(true);
    this.errorKey.set(null);
    this.installmentError.set(null);
    this.ref.disableClose = true;
    this.api.assessPenalty(this.data.slug, this.data.loan.id, body).subscribe({
      next: (loan) => this.ref.close(loan),
      error: (error: unknown) => {
        this.busy.set(false);
        this.ref.disableClose = false;
        const problem = toProblem(error);
        this.errorKey.set(
          problem.code === 'loan_not_running' ? 'loans.penalty.notRunning' : problemMessageKey(problem),
        );
        applyProblemToForm(this.form, problem);
        const onInstallment = problem.errors?.find((e) => e.field === 'installmentNumber');
        if (onInstallment) this.installmentError.set(onInstallment.message);
      },
    });
  }
}
