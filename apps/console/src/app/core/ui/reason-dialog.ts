import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { TranslocoPipe } from '@jsverse/transloco';
import { fieldMessage } from './field-message';

export interface ReasonDialogData {
  titleKey: string;
  messageKey: string;
  params?: Record<string, string>;
  confirmKey: string;
  /** Label of the reason field; `reason.label` by default. */
  reasonKey?: string;
  /** The API wants a reason of 3 characters or more (reversal, suspension, write-off). */
  required: boolean;
  danger?: boolean;
}

/** Closes with the reason ('' when optional and left empty), `undefined` when cancelled. */
export type ReasonDialogResult = string;

/** Asks to confirm an action that the API records with a reason. */
@Component({
  selector: 'kz-reason-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatDialogModule, MatButtonModule, MatFormFieldModule, MatInputModule, ReactiveFormsModule, TranslocoPipe],
  template: `
    <h2 mat-dialog-title>{{ data.titleKey | transloco: data.params }}</h2>
    <form [formGroup]="form" (ngSubmit)="confirm()" novalidate>
      <mat-dialog-content>
        <p>{{ data.messageKey | transloco: data.params }}</p>
        <mat-form-field class="full-width">
          <mat-label>{{
            data.reasonKey ?? (data.required ? 'reason.label' : 'reason.optional') | transloco
          }}</mat-label>
          <textarea matInput formControlName="reason" rows="3" cdkFocusInitial data-testid="reason-input"></textarea>
          @if (message(reason); as m) {
            <mat-error>{{ m.text ?? (m.key | transloco: m.params) }}</mat-error>
          }
        </mat-form-field>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close data-testid="reason-cancel">
          {{ 'common.cancel' | transloco }}
        </button>
        <button mat-flat-button type="submit" [class.danger]="data.danger" data-testid="reason-confirm">
          {{ data.confirmKey | transloco }}
        </button>
      </mat-dialog-actions>
    </form>
  `,
})
export class ReasonDialog {
  protected readonly data = inject<ReasonDialogData>(MAT_DIALOG_DATA);
  private readonly ref = inject<MatDialogRef<ReasonDialog, ReasonDialogResult>>(MatDialogRef);
  protected readonly message = fieldMessage;
  protected readonly reason = new FormControl('', {
    nonNullable: true,
    validators: [
      ...(this.data.required ? [Validators.required, Validators.minLength(3)] : []),
      Validators.maxLength(500),
    ],
  });

  protected readonly form = new FormGroup({ reason: this.reason });

  protected confirm(): void {
    // Spaces alone are no reason: the API trims before it counts.
    this.reason.setValue(this.reason.value.trim());
    if (this.reason.invalid) {
      this.reason.markAsTouched();
      return;
    }
    this.ref.close(this.reason.value);
  }
}
