import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { TranslocoPipe } from '@jsverse/transloco';
import type { CooperativeUserResponse } from '@kotizo/contracts';
import { COOPERATIVE_ROLES, type CooperativeRole } from '@kotizo/domain';
import { applyProblemToForm, problemMessageKey, toProblem } from '../../core/http/problem';
import { fieldMessage } from '../../core/ui/field-message';
import { CooperativeApi } from '../cooperative-api';

export interface AddUserDialogData {
  slug: string;
}

/** Adds a user to the cooperative; closes with the created user (and its one-time password). */
@Component({
  selector: 'kz-add-user-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    MatDialogModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    TranslocoPipe,
  ],
  styles: `
    form {
      display: flex;
      flex-direction: column;
      min-width: min(420px, 80vw);
    }
    .error {
      color: var(--mat-sys-error);
    }
  `,
  template: `
    <h2 mat-dialog-title>{{ 'users.add.title' | transloco }}</h2>
    <form [formGroup]="form" (ngSubmit)="submit()" novalidate data-testid="add-user-form">
      <mat-dialog-content>
        @if (errorKey(); as key) {
          <p class="error" role="alert">{{ key | transloco }}</p>
        }
        <mat-form-field>
          <mat-label>{{ 'users.name' | transloco }}</mat-label>
          <input matInput formControlName="name" autocomplete="off" data-testid="user-name" />
          @if (message(form.controls.name); as m) {
            <mat-error>{{ m.text ?? (m.key | transloco: m.params) }}</mat-error>
          }
        </mat-form-field>
        <mat-form-field>
          <mat-label>{{ 'users.email' | transloco }}</mat-label>
          <input
            matInput
            type="email"
            inputmode="email"
            formControlName="email"
            autocomplete="off"
            data-testid="user-email"
          />
          @if (message(form.controls.email); as m) {
            <mat-error>{{ m.text ?? (m.key | transloco: m.params) }}</mat-error>
          }
        </mat-form-field>
        <mat-form-field>
          <mat-label>{{ 'users.role' | transloco }}</mat-label>
          <mat-select formControlName="role" data-testid="user-role">
            <mat-select-trigger>{{ 'roles.' + form.controls.role.value | transloco }}</mat-select-trigger>
            @for (role of roles; track role) {
              <mat-option [value]="role">{{ 'roles.' + role | transloco }}</mat-option>
            }
          </mat-select>
          @if (message(form.controls.role); as m) {
            <mat-error>{{ m.text ?? (m.key | transloco: m.params) }}</mat-error>
          }
        </mat-form-field>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>{{ 'common.cancel' | transloco }}</button>
        <button mat-flat-button type="submit" [disabled]="busy()" data-testid="add-user-submit">
          {{ 'users.add.submit' | transloco }}
        </button>
      </mat-dialog-actions>
    </form>
  `,
})
export class AddUserDialog {
  private readonly data = inject<AddUserDialogData>(MAT_DIALOG_DATA);
  private readonly ref = inject<MatDialogRef<AddUserDialog, CooperativeUserResponse>>(MatDialogRef);
  private readonly api = inject(CooperativeApi);
  protected readonly message = fieldMessage;
  protected readonly roles = COOPERATIVE_ROLES;
  protected readonly busy = signal(false);
  protected readonly errorKey = signal<string | null>(null);
  protected readonly form = inject(NonNullableFormBuilder).group({
    name: ['', [Validators.required, Validators.maxLength(120)]],
    email: ['', [Validators.required, Validators.email]],
    role: ['member' as CooperativeRole, Validators.required],
  });

  protected submit(): void {
    if (this.form.invalid || this.busy()) {
      this.form.markAllAsTouched();
      return;
    }
    const { name, email, role } = this.form.getRawValue();
    this.busy.set(true);
    this.errorKey.set(null);
    this.api.addUser(this.data.slug, { name: name.trim(), email: email.trim(), role }).subscribe({
      next: (user) => this.ref.close(user),
      error: (error: unknown) => {
        this.busy.set(false);
        const problem = toProblem(error);
        applyProblemToForm(this.form, problem);
        this.errorKey.set(problemMessageKey(problem));
      },
    });
  }
}
