import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { Router, RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import type { CreateCooperativeResponse, ProblemFieldError } from '@kotizo/contracts';
import {
  DEFAULT_CURRENCY,
  DEFAULT_LOCALE,
  DEFAULT_TIME_ZONE,
  SUPPORTED_LOCALES,
  type SupportedLocale,
} from '@kotizo/domain';
import { applyProblemToForm, problemMessageKey, toProblem } from '../core/http/problem';
import { Language } from '../core/i18n/language';
import { fieldMessage } from '../core/ui/field-message';
import { TemporaryPasswordDialog, type TemporaryPasswordDialogData } from '../core/ui/temporary-password-dialog';
import {
  COUNTRY_CODES,
  CURRENCY_CODES,
  DEFAULT_COUNTRY,
  africanTimeZones,
  countryName,
  currencyValidator,
  slugValidator,
} from './cooperative-form-options';
import { FederationApi } from './federation-api';
import { suggestSlug } from './slug-suggestion';

@Component({
  selector: 'kz-cooperative-create-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatCardModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressBarModule,
    MatSelectModule,
    TranslocoPipe,
  ],
  templateUrl: './cooperative-create-page.html',
  styleUrl: './cooperative-create-page.scss',
})
export class CooperativeCreatePage {
  private readonly api = inject(FederationApi);
  private readonly dialog = inject(MatDialog);
  private readonly router = inject(Router);
  private readonly lang = inject(Language).current;

  protected readonly message = fieldMessage;
  protected readonly locales = SUPPORTED_LOCALES;
  protected readonly currencies = CURRENCY_CODES;
  protected readonly timeZones = africanTimeZones();
  protected readonly countries = computed(() =>
    COUNTRY_CODES.map((code) => ({ code, name: countryName(code, this.lang()) })),
  );
  protected readonly busy = signal(false);
  protected readonly errorKey = signal<string | null>(null);
  protected readonly otherErrors = signal<ProblemFieldError[]>([]);
  /** The slug follows the name until the user types in it (and again if they empty it). */
  private slugEdited = false;

  private readonly fb = inject(NonNullableFormBuilder);
  protected readonly form = this.fb.group({
    name: ['', [Validators.required, Validators.minLength(2), Validators.maxLength(120)]],
    slug: ['', [Validators.required, slugValidator]],
    country: [DEFAULT_COUNTRY, [Validators.required, Validators.pattern(/^[A-Z]{2}$/)]],
    currency: [DEFAULT_CURRENCY, [Validators.required, currencyValidator]],
    timeZone: [DEFAULT_TIME_ZONE, Validators.required],
    locale: [DEFAULT_LOCALE as SupportedLocale, Validators.required],
    admin: this.fb.group({
      name: ['', [Validators.required, Validators.maxLength(120)]],
      email: ['', [Validators.required, Validators.email]],
    }),
  });

  constructor() {
    this.form.controls.name.valueChanges.pipe(takeUntilDestroyed()).subscribe((name) => {
      if (!this.slugEdited) this.form.controls.slug.setValue(suggestSlug(name));
    });
  }

  protected countryLabel(code: string): string {
    return `${countryName(code, this.lang())} (${code})`;
  }

  protected onSlugInput(value: string): void {
    this.slugEdited = value !== '';
    if (!this.slugEdited) this.form.controls.slug.setValue(suggestSlug(this.form.controls.name.value));
  }

  protected submit(): void {
    if (this.form.invalid || this.busy()) {
      this.form.markAllAsTouched();
      return;
    }
    const value = this.form.getRawValue();
    this.busy.set(true);
    this.errorKey.set(null);
    this.otherErrors.set([]);
    this.api
      .create({
        ...value,
        name: value.name.trim(),
        admin: { name: value.admin.name.trim(), email: value.admin.email.trim() },
      })
      .subscribe({
        next: (created) => this.showAdminPassword(created),
        error: (error: unknown) => this.showErrors(error),
      });
  }

  private showAdminPassword(created: CreateCooperativeResponse): void {
    this.dialog
      .open<TemporaryPasswordDialog, TemporaryPasswordDialogData>(TemporaryPasswordDialog, {
        data: {
          subject: created.name,
          name: created.admin.name,
          email: created.admin.email,
          temporaryPassword: created.admin.temporaryPassword,
        },
        disableClose: true,
        maxWidth: '560px',
      })
      .afterClosed()
      .subscribe(() => {
        void this.router.navigate(['/federation', 'cooperatives']);
      });
  }

  private showErrors(error: unknown): void {
    this.busy.set(false);
    const problem = toProblem(error);
    const unmatched = applyProblemToForm(this.form, problem);
    if (problem.status === 409 && !problem.errors?.length) {
      this.form.controls.slug.setErrors({ slugTaken: true });
      this.form.controls.slug.markAsTouched();
    }
    this.otherErrors.set(unmatched);
    this.errorKey.set(problemMessageKey(problem));
  }
}
