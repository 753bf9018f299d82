import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { FormControl, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { TranslocoPipe } from '@jsverse/transloco';

export interface ConfirmDialogData {
  titleKey: string;
  messageKey: string;
  params?: Record<string, string>;
  confirmKey: string;
  /** Ask for an optional reason (e.g. why a cooperative is suspended). */
  withReason?: boolean;
  danger?: boolean;
}

/** Closes with `{ reason }` when confirmed, `undefined` when cancelled. */
export interface ConfirmDialogResult {
  reason?: string;
}

@Component({
  selector: 'kz-confirm-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatDialogModule, MatButtonModule, MatFormFieldModule, MatInputModule, ReactiveFormsModule, TranslocoPipe],
  template: `
    <h2 mat-dialog-title>{{ data.titleKey | transloco: data.params }}</h2>
    <mat-dialog-content>
      <p>{{ data.messageKey | transloco: data.params }}</p>
      @if (data.withReason) {
        <mat-form-field class="full-width">
          <mat-label>{{ 'confirm.reason' | transloco }}</mat-label>
          <textarea matInput [formControl]="reason" rows="2" data-testid="confirm-reason"></textarea>
        </mat-form-field>
      }
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-button type="button" mat-dialog-close data-testid="confirm-cancel">
        {{ 'common.cancel' | transloco }}
      </button>
      <button
        mat-flat-button
        type="button"
        [class.danger]="data.danger"
        (click)="confirm()"
        data-testid="confirm-button"
      >
        {{ data.confirmKey | transloco }}
      </button>
    </mat-dialog-actions>
  `,
})
export class ConfirmDialog {
  protected readonly data = inject<ConfirmDialogData>(MAT_DIALOG_DATA);
  private readonly ref = inject<MatDialogRef<ConfirmDialog, ConfirmDialogResult>>(MatDialogRef);
  protected readonly reason = new FormControl('', {
    nonNullable: true,
    validators: [Validators.maxLength(500)],
  });

  protected confirm(): void {
    const reason = this.reason.value.trim();
    this.ref.close(reason ? { reason } : {});
  }
}
