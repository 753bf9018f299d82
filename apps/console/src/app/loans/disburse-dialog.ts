import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatChipsModule } from '@angular/material/chips';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { TranslocoPipe } from '@jsverse/transloco';
import type { LoanResponse } from '@kotizo/contracts';
import { SubmissionKey } from '../core/http/idempotency';
import { applyProblemToForm, problemMessageKey, toProblem } from '../core/http/problem';
import { KzMoneyPipe } from '../core/money/money.pipe';
import { fieldMessage } from '../core/ui/field-message';
import { CHANNEL_VALUES, type Channel } from '../ledger/transaction-kinds';
import { LoansApi } from './loans-api';

export interface DisburseDialogData {
  slug: string;
  loan: LoanResponse;
  borrower: string;
  lang: string;
}

/** Pays out an approved loan: how the money leaves, and a plain-words confirmation. */
@Component({
  selector: 'kz-disburse-dialog',
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
    KzMoneyPipe,
  ],
  styles: `
    form {
      display: flex;
      flex-direction: column;
    }
    .question {
      font: var(--mat-sys-title-medium);
      margin: 0 0 16px;
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
  `,
  template: `
    <h2 mat-dialog-title>{{ 'loans.disburse.title' | transloco: { number: data.loan.number } }}</h2>
    <form [formGroup]="form" (ngSubmit)="submit()" novalidate data-testid="disburse-form">
      <mat-dialog-content>
        @if (busy()) {
          <mat-progress-bar mode="indeterminate" />
        }
        <p class="question" data-testid="disburse-question">
          {{
            'loans.disburse.question'
              | transloco
                : { amount: (data.loan.principal | kzMoney: data.loan.currency : data.lang), name: data.borrower }
          }}
        </p>
        @if (errorKey(); as key) {
          <p class="kz-error-box" role="alert">{{ key | transloco }}</p>
        }
        <span class="label" id="disburse-channel">{{ 'record.channel' | transloco }}</span>
        <mat-chip-listbox formControlName="channel" aria-labelledby="disburse-channel" data-testid="disburse-channel">
          @for (c of channels; track c) {
            <mat-chip-option [value]="c" [selectable]="form.controls.channel.value !== c">{{
              'ledger.channel.' + c | transloco
            }}</mat-chip-option>
          }
        </mat-chip-listbox>
        <mat-form-field class="full-width">
          <mat-label>{{ 'record.externalRef' | transloco }}</mat-label>
          <input matInput formControlName="externalRef" autocomplete="off" data-testid="disburse-ref" />
          @if (message(form.controls.externalRef); as m) {
            <mat-error>{{ m.text ?? (m.key | transloco: m.params) }}</mat-error>
          }
        </mat-form-field>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close [disabled]="busy()">{{ 'common.cancel' | transloco }}</button>
        <button mat-flat-button type="submit" [disabled]="busy()" data-testid="disburse-confirm">
          {{ (errorKey() ? 'record.retry' : 'loans.disburse.confirm') | transloco }}
        </button>
      </mat-dialog-actions>
    </form>
  `,
})
export class DisburseDialog {
  protected readonly data = inject<DisburseDialogData>(MAT_DIALOG_DATA);
  private readonly ref = inject<MatDialogRef<DisburseDialog, LoanResponse>>(MatDialogRef);
  private readonly api = inject(LoansApi);
  /** Kept while the dialog is open: "retry" after a failure sends the same key. */
  private readonly submission = new SubmissionKey();
  protected readonly channels = CHANNEL_VALUES;
  protected readonly message = fieldMessage;
  protected readonly busy = signal(false);
  protected readonly errorKey = signal<string | null>(null);
  protected readonly form = inject(NonNullableFormBuilder).group({
    channel: ['cash' as Channel, Validators.required],
    externalRef: ['', Validators.maxLength(80)],
  });

  protected submit(): void {
    if (this.form.invalid || this.busy()) return;
    const { channel, externalRef } = this.form.getRawValue();
    const ref = externalRef.trim();
    this.busy.set(true);
    this.errorKey.set(null);
    this.ref.disableClose = true;
    this.api
      .disburse(this.data.slug, this.data.loan.id, ref ? { channel, externalRef: ref } : { channel }, this.submission)
      .subscribe({
        next: (loan) => this.ref.close(loan),
        error: (error: unknown) => {
          this.busy.set(false);
          this.ref.disableClose = false;
          const problem = toProblem(error);
          applyProblemToForm(this.form, problem);
          this.errorKey.set(
            problem.code === 'loan_not_approved' ? 'loans.disburse.notApproved' : problemMessageKey(problem),
          );
        },
      });
  }
}
