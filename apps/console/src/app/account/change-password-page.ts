import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSnackBar } from '@angular/material/snack-bar';
import { Router } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { switchMap } from 'rxjs';
import { AuthApi } from '../core/auth/auth-api';
import { landingUrl } from '../core/auth/landing';
import { Session } from '../core/auth/session';
import { applyProblemToForm, problemMessageKey, toProblem } from '../core/http/problem';
import { fieldMessage } from '../core/ui/field-message';
import { passwordStrength, passwordsMatch } from './password-rules';

@Component({
  selector: 'kz-change-password-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, MatCardModule, MatFormFieldModule, MatInputModule, MatButtonModule, TranslocoPipe],
  styles: `
    mat-card {
      max-width: 480px;
    }
    form {
      display: flex;
      flex-direction: column;
      gap: 4px;
    }
    .error {
      color: var(--mat-sys-error);
    }
  `,
  template: `
    <h1 class="page-title">{{ 'password.title' | transloco }}</h1>
    <mat-card appearance="outlined">
      <mat-card-content>
        <p>{{ 'password.hint' | transloco }}</p>
        <form [formGroup]="form" (ngSubmit)="submit()" novalidate data-testid="password-form">
          @if (error(); as key) {
            <p class="error" role="alert">{{ key | transloco }}</p>
          }
          <mat-form-field>
            <mat-label>{{ 'password.current' | transloco }}</mat-label>
            <input
              matInput
              type="password"
              formControlName="currentPassword"
              autocomplete="current-password"
              data-testid="current-password"
            />
            @if (message(form.controls.currentPassword); as m) {
              <mat-error>{{ m.text ?? (m.key | transloco: m.params) }}</mat-error>
            }
          </mat-form-field>
          <mat-form-field>
            <mat-label>{{ 'password.new' | transloco }}</mat-label>
            <input
              matInput
              type="password"
              formControlName="newPassword"
              autocomplete="new-password"
              data-testid="new-password"
            />
            <mat-hint>{{ 'password.rule' | transloco }}</mat-hint>
            @if (message(form.controls.newPassword); as m) {
              <mat-error>{{ m.text ?? (m.key | transloco: m.params) }}</mat-error>
            }
          </mat-form-field>
          <mat-form-field>
            <mat-label>{{ 'password.confirm' | transloco }}</mat-label>
            <input
              matInput
              type="password"
              formControlName="confirmPassword"
              autocomplete="new-password"
              data-testid="confirm-password"
            />
          </mat-form-field>
          @if (form.hasError('mismatch') && form.controls.confirmPassword.touched) {
            <p class="error" role="alert">{{ 'password.mismatch' | transloco }}</p>
          }
          <button mat-flat-button type="submit" [disabled]="busy()" data-testid="password-submit">
            {{ 'password.submit' | transloco }}
          </button>
        </form>
      </mat-card-content>
    </mat-card>
  `,
})
export class ChangePasswordPage {
  private readonly api = inject(AuthApi);
  private readonly session = inject(Session);
  private readonly router = inject(Router);
  private readonly snackBar = inject(MatSnackBar);
  private readonly transloco = inject(TranslocoService);
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly form = inject(NonNullableFormBuilder).group(
    {
      currentPassword: ['', Validators.required],
      newPassword: ['', [Validators.required, passwordStrength]],
      confirmPassword: ['', Validators.required],
    },
    { validators: passwordsMatch },
  );

  protected readonly message = fieldMessage;

  protected submit(): void {
    if (this.form.invalid || this.busy()) {
      this.form.markAllAsTouched();
      return;
    }
    const { currentPassword, newPassword } = this.form.getRawValue();
    this.busy.set(true);
    this.error.set(null);
    this.api
      .changePassword({ currentPassword, newPassword })
      .pipe(switchMap(() => this.session.reload()))
      .subscribe({
        next: (me) => {
          this.snackBar.open(this.transloco.translate('password.changed'), undefined, {
            duration: 4000,
          });
          void this.router.navigateByUrl(landingUrl(me));
        },
        error: (error: unknown) => {
          this.busy.set(false);
          const problem = toProblem(error);
          if (problem.status === 400 || problem.status === 403 || problem.code === 'wrong_password') {
            this.form.controls.currentPassword.setErrors({ wrongPassword: true });
          }
          const unmatched = applyProblemToForm(this.form, problem);
          if (unmatched.length > 0 || !problem.errors?.length) {
            this.error.set(problemMessageKey(problem));
          }
        },
      });
  }
}
