import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import {
  type AbstractControl,
  NonNullableFormBuilder,
  ReactiveFormsModule,
  type ValidationErrors,
  Validators,
} from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatRadioModule } from '@angular/material/radio';
import { TranslocoPipe } from '@jsverse/transloco';
import type { CaseDetailResponse, ChangeCaseStatusRequest } from '@kotizo/contracts';
import { applyProblemToForm, problemMessageKey, toProblem } from '../core/http/problem';
import { fieldMessage } from '../core/ui/field-message';
import { CASE_STATUS_VALUES, type CaseStatus, isClosingStatus } from './case-values';
import { CasesApi } from './cases-api';

export interface CaseStatusDialogData {
  slug: string;
  case: CaseDetailResponse;
}

/** Refusals of a status change that deserve their own words. */
const REFUSALS: Record<string, string> = {
  case_closed: 'cases.statusDialog.caseClosed',
  subject_has_open_case: 'cases.statusDialog.subjectHasOpenCase',
};

/** Closing a case needs a note of 3 characters or more once trimmed (as the API); others may add one. */
function closingNoteValidator(note: AbstractControl): ValidationErrors | null {
  const status = note.parent?.get('status')?.value as CaseStatus | '' | undefined;
  if (!status || !isClosingStatus(status)) return null;
  const value = typeof note.value === 'string' ? note.value.trim() : '';
  if (value === '') return { required: true };
  return value.length < 3 ? { minlength: { requiredLength: 3, actualLength: value.length } } : null;
}

/**
 * Moves a case on: under investigation, or closed with its outcome (confirmed, false alarm,
 * resolved) and a note saying why, which stays on the case. A closed case may be reopened.
 */
@Component({
  selector: 'kz-case-status-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatDialogModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    MatRadioModule,
    TranslocoPipe,
  ],
  styles: `
    form {
      display: flex;
      flex-direction: column;
    }
    .options {
      display: flex;
      flex-direction: column;
      gap: 4px;
      margin-bottom: 12px;
    }
    .hint {
      display: block;
      font-size: 0.85em;
      color: var(--mat-sys-on-surface-variant);
    }
    .choose {
      color: var(--mat-sys-error);
      font-size: 0.875em;
      margin: 0 0 8px;
    }
  `,
  template: `
    <h2 mat-dialog-title>{{ 'cases.statusDialog.title' | transloco: { number: data.case.number } }}</h2>
    <form [formGroup]="form" (ngSubmit)="submit()" novalidate data-testid="case-status-form">
      <mat-dialog-content>
        @if (busy()) {
          <mat-progress-bar mode="indeterminate" />
        }
        @if (errorKey(); as key) {
          <p class="kz-error-box" role="alert" data-testid="case-status-error">{{ key | transloco }}</p>
        }
        <mat-radio-group
          class="options"
          formControlName="status"
          [attr.aria-label]="'cases.statusDialog.choose' | transloco"
        >
          @for (s of choices; track s) {
            <mat-radio-button [value]="s" [attr.data-testid]="'case-status-option-' + s">
              {{ 'caseStatus.' + s | transloco }}
              <span class="hint">{{ 'cases.statusHint.' + s | transloco }}</span>
            </mat-radio-button>
          }
        </mat-radio-group>
        @if (form.controls.status.touched && form.controls.status.invalid) {
          <p class="choose" role="alert">{{ 'cases.statusDialog.chooseFirst' | transloco }}</p>
        }
        <mat-form-field class="full-width">
          <mat-label>{{
            (closing() ? 'cases.statusDialog.noteRequired' : 'cases.statusDialog.noteOptional') | transloco
          }}</mat-label>
          <textarea matInput formControlName="note" rows="3" maxlength="2000" data-testid="case-status-note"></textarea>
          @if (closing()) {
            <mat-hint>{{ 'cases.statusDialog.noteHint' | transloco }}</mat-hint>
          }
          @if (message(form.controls.note); as m) {
            <mat-error>{{ m.text ?? (m.key | transloco: m.params) }}</mat-error>
          }
        </mat-form-field>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close [disabled]="busy()">{{ 'common.cancel' | transloco }}</button>
        <button mat-flat-button type="submit" [disabled]="busy()" data-testid="case-status-confirm">
          {{ (closing() ? 'cases.statusDialog.close' : 'cases.statusDialog.confirm') | transloco }}
        </button>
      </mat-dialog-actions>
    </form>
  `,
})
export class CaseStatusDialog {
  protected readonly data = inject<CaseStatusDialogData>(MAT_DIALOG_DATA);
  private readonly ref = inject<MatDialogRef<CaseStatusDialog, CaseDetailResponse>>(MatDialogRef);
  private readonly api = inject(CasesApi);
  protected readonly message = fieldMessage;
  protected readonly busy = signal(false);
  protected readonly errorKey = signal<string | null>(null);
  /** Where the case can go: a closed case is only reopened (then closed again another way). */
  protected readonly choices = CASE_STATUS_VALUES.filter((s) =>
    isClosingStatus(this.data.case.status) ? !isClosingStatus(s) : s !== this.data.case.status,
  );
  protected readonly form = inject(NonNullableFormBuilder).group({
    status: ['' as CaseStatus | '', Validators.required],
    note: ['', [closingNoteValidator, Validators.maxLength(2000)]],
  });
  private readonly status = toSignal(this.form.controls.status.valueChanges, {
    initialValue: this.form.controls.status.value,
  });
  protected readonly closing = computed(() => {
    const status = this.status();
    return !!status && isClosingStatus(status);
  });

  constructor() {
    // Whether the note is required follows the chosen status.
    this.form.controls.status.valueChanges
      .pipe(takeUntilDestroyed())
      .subscribe(() => this.form.controls.note.updateValueAndValidity());
  }

  protected submit(): void {
    if (this.busy()) return;
    const { status, note } = this.form.getRawValue();
    if (this.form.invalid || !status) {
      this.form.markAllAsTouched();
      return;
    }
    const trimmed = note.trim();
    const body: ChangeCaseStatusRequest = trimmed ? { status, note: trimmed } : { status };
    this.busy.set(true);
    this.errorKey.set(null);
    this.ref.disableClose = true;
    this.api.setStatus(this.data.slug, this.data.case.id, body).subscribe({
      next: (updated) => this.ref.close(updated),
      error: (error: unknown) => {
        this.busy.set(false);
        this.ref.disableClose = false;
        const problem = toProblem(error);
        this.errorKey.set(REFUSALS[problem.code] ?? problemMessageKey(problem));
        applyProblemToForm(this.form, problem);
      },
    });
  }
}
