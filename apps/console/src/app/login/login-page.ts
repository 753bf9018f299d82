import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { Router } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { landingUrl, safeReturnUrl } from '../core/auth/landing';
import { Session } from '../core/auth/session';
import { problemMessageKey, retryAfterSeconds, toProblem } from '../core/http/problem';
import { LanguageMenu } from '../core/layout/language-menu';

interface LoginError {
  key: string;
  params?: Record<string, number>;
}

@Component({
  selector: 'kz-login-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    MatCardModule,
    MatFormFieldModule,
    MatInputModule,
    MatButtonModule,
    MatProgressBarModule,
    TranslocoPipe,
    LanguageMenu,
  ],
  templateUrl: './login-page.html',
  styleUrl: './login-page.scss',
})
export class LoginPage {
  /** Where to go back after signing in (set by the guard that sent the user here). */
  readonly returnUrl = input<string | undefined>();

  private readonly session = inject(Session);
  private readonly router = inject(Router);
  protected readonly busy = signal(false);
  protected readonly error = signal<LoginError | null>(null);
  protected readonly form = inject(NonNullableFormBuilder).group({
    email: ['', [Validators.required, Validators.email]],
    password: ['', Validators.required],
  });

  protected submit(): void {
    if (this.form.invalid || this.busy()) {
      this.form.markAllAsTouched();
      return;
    }
    this.busy.set(true);
    this.error.set(null);
    const { email, password } = this.form.getRawValue();
    this.session.login({ email: email.trim(), password }).subscribe({
      next: (me) => {
        void this.router.navigateByUrl(safeReturnUrl(this.returnUrl()) ?? landingUrl(me));
      },
      error: (error: unknown) => {
        this.busy.set(false);
        this.error.set(loginError(error));
      },
    });
  }
}

function loginError(error: unknown): LoginError {
  const problem = toProblem(error);
  if (problem.status === 401) return { key: 'login.invalid' };
  if (problem.status === 429) {
    const seconds = retryAfterSeconds(error);
    return seconds ? { key: 'login.rateLimitedFor', params: { seconds } } : { key: 'login.rateLimited' };
  }
  return { key: problemMessageKey(problem) };
}
