import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, type ValidatorFn, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { TranslocoPipe } from '@jsverse/transloco';
import type { SnoozeResponse } from '@kotizo/contracts';
import { addDays } from '@kotizo/domain';
import { applyProblemToForm, problemMessageKey, toProblem } from '../core/http/problem';
import { fieldMessage } from '../core/ui/field-message';
import { provideRuleCheckTexts } from './rule-checks-scope';
import { SnoozesApi } from './snoozes-api';

export interface SnoozeDialogData {
  slug: string;
  ruleId: string;
  ruleName: string;
  memberId: string;
  memberName: string;
  /** The cooperative's today (`YYYY-MM-DD`): a snooze ends after it. */
  today: string;
}

/** A date after `today` (ISO dates compare as strings). */
export function afterDay(today: string): ValidatorFn {
  return (control) => (!control.value || String(control.value) > today ? null : { notAfterToday: true });
}

/**
 * "Silence this rule for this member until…": a date (a month from today unless changed) and a
 * reason, both required; the API records who did it. Closes with the snooze once saved.
 */
@Component({
  selector: 'kz-snooze-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  providers: [provideRuleCheckTexts()],
  imports: [MatDialogModule, MatButtonModule, MatFormFieldModule, MatInputModule, ReactiveFormsModule, TranslocoPipe],
  template: `
    <h2 mat-dialog-title>{{ 'ruleChecks.snooze.title' | transloco }}</h2>
    <form [formGroup]="form" (ngSubmit)="save()" novalidate>
      <mat-dialog-content>
        <p data-testid="snooze-what">
          {{ 'ruleChecks.snooze.what' | transloco: { rule: data.ruleName, member: data.memberName } }}
        </p>
        <mat-form-field class="full-width">
          <mat-label>{{ 'ruleChecks.snooze.until' | transloco }}</mat-label>
          <input matInput type="date" formControlName="until" [min]="tomorrow" data-testid="snooze-until" />
          @if (until.hasError('notAfterToday')) {
            <mat-error>{{ 'ruleChecks.snooze.untilPast' | transloco }}</mat-error>
          } @else if (message(until); as m) {
            <mat-error>{{ m.text ?? (m.key | transloco: m.params) }}</mat-error>
          }
        </mat-form-field>
        <mat-form-field class="full-width">
          <mat-label>{{ 'ruleChecks.snooze.reason' | transloco }}</mat-label>
          <textarea matInput formControlName="reason" rows="3" maxlength="500" data-testid="snooze-reason"></textarea>
          <mat-hint>{{ 'ruleChecks.snooze.reasonHint' | transloco }}</mat-hint>
          @if (message(reason); as m) {
            <mat-error>{{ m.text ?? (m.key | transloco: m.params) }}</mat-error>
          }
        </mat-form-field>
        @if (errorKey(); as key) {
          <p class="kz-error-box" role="alert" data-testid="snooze-error">{{ key | transloco }}</p>
        }
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close data-testid="snooze-cancel">
          {{ 'common.cancel' | transloco }}
        </button>
        <button mat-flat-button type="submit" [disabled]="busy()" data-testid="snooze-submit">
          {{ 'ruleChecks.snooze.submit' | transloco }}
        </button>
      </mat-dialog-actions>
    </form>
  `,
})
export class SnoozeDialog {
  protected readonly data = inject<SnoozeDialogData>(MAT_DIALOG_DATA);
  private readonly ref = inject<MatDialogRef<SnoozeDialog, SnoozeResponse>>(MatDialogRef);
  private readonly api = inject(SnoozesApi);
  protected readonly message = fieldMessage;
  protected readonly tomorrow = addDays(this.data.today, 1);

  protected readonly until = new FormControl(addDays(this.data.today, 30), {
    nonNullable: true,
    validators: [Validators.required, afterDay(this.data.today)],
  });
  protected readonly reason = new FormControl('', {
    nonNullable: true,
    validators: [Validators.required, Validators.minLength(3), Validators.maxLength(500)],
  });
  protected readonly form = new FormGroup({ until: this.until, reason: this.reason });
  protected readonly busy = signal(false);
  protected readonly errorKey = signal<string | null>(null);

  protected save(): void {
    // Spaces alone are no reason: the API trims before it counts.
    this.reason.setValue(this.reason.value.trim());
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    if (this.busy()) return;
    this.busy.set(true);
    this.errorKey.set(null);
    const { ruleId, memberId, slug } = this.data;
    this.api.create(slug, { ruleId, memberId, until: this.until.value, reason: this.reason.value }).subscribe({
      next: (snooze) => this.ref.close(snooze),
      error: (error: unknown) => {
        this.busy.set(false);
        const problem = toProblem(error);
        const unmatched = problem.status === 422 ? applyProblemToForm(this.form, problem) : [];
        if (problem.status !== 422 || unmatched.length > 0) this.errorKey.set(problemMessageKey(problem));
      },
    });
  }
}
