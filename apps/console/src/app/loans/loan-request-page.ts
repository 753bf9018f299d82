import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import {
  type AbstractControl,
  FormControl,
  NonNullableFormBuilder,
  ReactiveFormsModule,
  type ValidationErrors,
  Validators,
} from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatChipsModule } from '@angular/material/chips';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import { Router, RouterLink } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import type { MemberResponse, ProblemFieldError, RequestLoanRequest } from '@kotizo/contracts';
import { FREQUENCIES, type Frequency, INTEREST_METHODS, type InterestMethod, MAX_INSTALLMENTS } from '@kotizo/domain';
import { map } from 'rxjs';
import { CooperativeDetails } from '../cooperative/cooperative-details';
import { SubmissionKey } from '../core/http/idempotency';
import { applyProblemToForm, problemMessageKey, toProblem } from '../core/http/problem';
import { Language } from '../core/i18n/language';
import { amountOf, amountValidator } from '../core/money/amount-validator';
import { KzMoneyPipe } from '../core/money/money.pipe';
import { currencySymbol } from '../core/money/parse-amount';
import { fieldMessage } from '../core/ui/field-message';
import { MemberPicker } from '../members/member-picker';
import { MembersApi } from '../members/members-api';
import { previewSchedule } from './loan-preview';
import { LoansApi } from './loans-api';
import { percentToBasisPoints } from './rate';
import { ScheduleTable } from './schedule-table';

function rateValidator(control: AbstractControl): ValidationErrors | null {
  const value: unknown = control.value;
  if (typeof value !== 'string' || value.trim() === '') return null;
  const parsed = percentToBasisPoints(value);
  return parsed.ok ? null : { rate: parsed.problem };
}

/** A loan request, with its schedule shown (as if paid out today) before it is sent. */
@Component({
  selector: 'kz-loan-request-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatCardModule,
    MatChipsModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressBarModule,
    MatSelectModule,
    TranslocoPipe,
    KzMoneyPipe,
    MemberPicker,
    ScheduleTable,
  ],
  templateUrl: './loan-request-page.html',
  styleUrl: './loan-request-page.scss',
})
export class LoanRequestPage {
  /** From the route (`/c/:slug/loans/new?memberId=`), bound by the router. */
  readonly slug = input.required<string>();
  readonly memberId = input<string | undefined>();

  private readonly api = inject(LoansApi);
  private readonly members = inject(MembersApi);
  private readonly details = inject(CooperativeDetails);
  private readonly router = inject(Router);
  private readonly snackBar = inject(MatSnackBar);
  private readonly transloco = inject(TranslocoService);
  private readonly submission = new SubmissionKey();
  protected readonly lang = inject(Language).current;
  protected readonly message = fieldMessage;

  protected readonly methods = INTEREST_METHODS;
  protected readonly frequencies = FREQUENCIES;
  protected readonly maxInstallments = MAX_INSTALLMENTS;
  protected readonly maxGuarantors = 5;
  protected readonly currency = this.details.currency;
  protected readonly symbol = computed(() => currencySymbol(this.currency(), this.lang()));
  protected readonly busy = signal(false);
  protected readonly errorKey = signal<string | null>(null);
  protected readonly otherErrors = signal<ProblemFieldError[]>([]);
  protected readonly guarantors = signal<MemberResponse[]>([]);

  protected readonly form = inject(NonNullableFormBuilder).group({
    member: new FormControl<MemberResponse | null>(null, Validators.required),
    principal: ['', [Validators.required, amountValidator(() => this.currency())]],
    rate: ['', [Validators.required, rateValidator]],
    method: ['flat' as InterestMethod, Validators.required],
    installments: [6, [Validators.required, Validators.min(1), Validators.max(MAX_INSTALLMENTS)]],
    frequency: ['monthly' as Frequency, Validators.required],
    purpose: ['', [Validators.required, Validators.minLength(3), Validators.maxLength(300)]],
    /** Holds the API's errors about guarantors; the chips above are the value. */
    guarantorIds: [''],
  });
  private readonly value = toSignal(this.form.valueChanges.pipe(map(() => this.form.getRawValue())), {
    initialValue: this.form.getRawValue(),
  });
  protected readonly excluded = computed(() => [
    ...this.guarantors().map((g) => g.id),
    ...(this.value().member ? [this.value().member?.id ?? ''] : []),
  ]);
  protected readonly preview = computed(() => {
    const v = this.value();
    const rate = percentToBasisPoints(v.rate);
    const principal = amountOf(v.principal, this.currency());
    if (!rate.ok || principal === 0 || !Number.isInteger(v.installments)) return null;
    const terms = {
      principal,
      annualRateBasisPoints: rate.basisPoints,
      method: v.method,
      installments: v.installments,
      frequency: v.frequency,
    };
    return previewSchedule(terms, this.details.today());
  });

  constructor() {
    effect(() => {
      const id = this.memberId();
      const slug = this.slug();
      if (id) {
        untracked(() =>
          this.members
            .get(slug, id)
            .subscribe({ next: (m) => this.form.controls.member.setValue(m), error: () => undefined }),
        );
      }
    });
    effect(() => {
      this.currency();
      untracked(() => this.form.controls.principal.updateValueAndValidity());
    });
    // The borrower cannot guarantee their own loan.
    effect(() => {
      const borrower = this.value().member?.id;
      untracked(() => this.guarantors.update((list) => list.filter((g) => g.id !== borrower)));
    });
  }

  protected addGuarantor(member: MemberResponse): void {
    this.guarantors.update((list) => (list.some((g) => g.id === member.id) ? list : [...list, member]));
    this.form.controls.guarantorIds.setErrors(null);
  }

  protected removeGuarantor(id: string): void {
    this.guarantors.update((list) => list.filter((g) => g.id !== id));
  }

  protected submit(): void {
    const request = this.request();
    if (this.form.invalid || !request || this.busy()) {
      this.form.markAllAsTouched();
      return;
    }
    this.busy.set(true);
    this.errorKey.set(null);
    this.otherErrors.set([]);
    this.api.request(this.slug(), request, this.submission).subscribe({
      next: (loan) => {
        this.snackBar.open(this.transloco.translate('loans.form.done', { number: loan.number }), undefined, {
          duration: 6000,
        });
        void this.router.navigate(['/c', this.slug(), 'loans', loan.id]);
      },
      error: (error: unknown) => {
        this.busy.set(false);
        const problem = toProblem(error);
        const errors = (problem.errors ?? []).map((e) => ({
          ...e,
          field: e.field === 'memberId' ? 'member' : e.field.startsWith('guarantorIds') ? 'guarantorIds' : e.field,
        }));
        this.otherErrors.set(
          applyProblemToForm(this.form, { ...problem, errors }).filter((e) => e.field !== 'annualRateBasisPoints'),
        );
        if (errors.some((e) => e.field === 'annualRateBasisPoints'))
          this.form.controls.rate.setErrors({ rate: 'invalid' });
        this.errorKey.set(problemMessageKey(problem));
      },
    });
  }

  private request(): RequestLoanRequest | null {
    const v = this.form.getRawValue();
    const rate = percentToBasisPoints(v.rate);
    const principal = amountOf(v.principal, this.currency());
    if (!v.member || !rate.ok || principal === 0) return null;
    return {
      memberId: v.member.id,
      principal,
      annualRateBasisPoints: rate.basisPoints,
      method: v.method,
      installments: v.installments,
      frequency: v.frequency,
      purpose: v.purpose.trim(),
      guarantorIds: this.guarantors().map((g) => g.id),
    };
  }
}
