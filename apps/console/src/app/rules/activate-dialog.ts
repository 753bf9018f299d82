import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { TranslocoPipe } from '@jsverse/transloco';
import type { ActiveRuleSetResponse, RuleSetDraftResponse } from '@kotizo/contracts';
import type { RuleSet } from '@kotizo/rules-engine';
import { problemMessageKey, toProblem } from '../core/http/problem';
import { fieldMessage } from '../core/ui/field-message';
import { RuleChanges } from './rule-changes';
import { RulesApi } from './rules-api';

export interface ActivateDialogData {
  slug: string;
  draft: RuleSetDraftResponse;
  /** The version in force, to name the rules the draft removes. */
  active: RuleSet | null;
  lang: string;
}

/** Refusals of an activation that deserve their own words. */
const REFUSALS: Record<string, string> = {
  maker_checker: 'rules.draft.makerChecker',
};

/**
 * Puts the draft in force after showing what it changes, with an optional note kept on the
 * version. The draft's author may not activate it (maker-checker): the page disables the
 * button for them, and a 403 `maker_checker` is explained the same way.
 */
@Component({
  selector: 'kz-activate-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatDialogModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    TranslocoPipe,
    RuleChanges,
  ],
  template: `
    <h2 mat-dialog-title>{{ 'rules.activate.title' | transloco }}</h2>
    <form [formGroup]="form" (ngSubmit)="confirm()" novalidate>
      <mat-dialog-content>
        @if (busy()) {
          <mat-progress-bar mode="indeterminate" />
        }
        @if (errorKey(); as key) {
          <p class="kz-error-box" role="alert" data-testid="activate-error">{{ key | transloco }}</p>
        }
        <p>{{ 'rules.activate.message' | transloco }}</p>
        <kz-rule-changes [changes]="data.draft.changes" [sets]="[data.draft.ruleSet, data.active]" [lang]="data.lang" />
        <mat-form-field class="full-width activate-note">
          <mat-label>{{ 'rules.activate.note' | transloco }}</mat-label>
          <textarea matInput [formControl]="note" rows="2" maxlength="500" data-testid="activate-note"></textarea>
          @if (message(note); as m) {
            <mat-error>{{ m.text ?? (m.key | transloco: m.params) }}</mat-error>
          }
        </mat-form-field>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close [disabled]="busy()">{{ 'common.cancel' | transloco }}</button>
        <button mat-flat-button type="submit" [disabled]="busy()" data-testid="activate-confirm">
          {{ 'rules.activate.confirm' | transloco }}
        </button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    .activate-note {
      margin-top: 16px;
    }
  `,
})
export class ActivateDialog {
  protected readonly data = inject<ActivateDialogData>(MAT_DIALOG_DATA);
  private readonly ref = inject<MatDialogRef<ActivateDialog, ActiveRuleSetResponse>>(MatDialogRef);
  private readonly api = inject(RulesApi);
  protected readonly message = fieldMessage;
  protected readonly busy = signal(false);
  protected readonly errorKey = signal<string | null>(null);
  protected readonly note = new FormControl('', { nonNullable: true, validators: [Validators.maxLength(500)] });
  protected readonly form = new FormGroup({ note: this.note });

  protected confirm(): void {
    if (this.busy() || this.note.invalid) return;
    this.busy.set(true);
    this.errorKey.set(null);
    this.ref.disableClose = true;
    this.api.activate(this.data.slug, this.note.value.trim()).subscribe({
      next: (active) => this.ref.close(active),
      error: (error: unknown) => {
        this.busy.set(false);
        this.ref.disableClose = false;
        const problem = toProblem(error);
        this.errorKey.set(REFUSALS[problem.code] ?? problemMessageKey(problem));
      },
    });
  }
}
