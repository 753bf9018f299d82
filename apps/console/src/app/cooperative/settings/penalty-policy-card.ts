import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { type AbstractControl, NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import { MatSnackBar } from '@angular/material/snack-bar';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import type { PenaltyPolicyResponse, ProblemFieldError } from '@kotizo/contracts';
import { formatMoney, MAX_GRACE_DAYS, PENALTY_PERIODS, type PenaltyPeriod } from '@kotizo/domain';
import { map } from 'rxjs';
import { AbilityService } from '../../core/abilities/ability.service';
import { applyProblemToForm, problemMessageKey, toProblem } from '../../core/http/problem';
import { Language } from '../../core/i18n/language';
import { amountValidator } from '../../core/money/amount-validator';
import { currencySymbol } from '../../core/money/parse-amount';
import { KzDayPipe } from '../../core/ui/day.pipe';
import { type FieldMessage, fieldMessage } from '../../core/ui/field-message';
import { formatPercent } from '../../loans/rate';
import {
  type CapKind,
  formFieldOf,
  type PenaltyPolicyFormValue,
  penaltyRateValidator,
  toPolicyForm,
  toPolicyRequest,
} from './penalty-policy-form';
import { penaltyPolicyUrl, SettingsApi } from './settings-api';

/** One piece of the policy's sentence: a translation key, its parameters and what follows it. */
interface SummaryPart {
  key: string;
  params: Record<string, string | number>;
  after: string;
}

const part = (key: string, params: Record<string, string | number>, after: string): SummaryPart => ({
  key,
  params,
  after,
});

function wholeDays(control: AbstractControl) {
  const value: unknown = control.value;
  return value === null || value === '' || Number.isInteger(value) ? null : { integer: true };
}

/**
 * The automatic penalty on late installments: shown to whoever reads the
 * settings, edited by whoever may update them (an admin). The form keeps
 * amounts and rates as typed; only the fields of the kinds chosen are checked
 * and sent. A sentence under the form says what the policy does, and the day
 * its terms took effect (periods late that started earlier are not charged).
 */
@Component({
  selector: 'kz-penalty-policy-card',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatCardModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    MatSelectModule,
    MatSlideToggleModule,
    TranslocoPipe,
    KzDayPipe,
  ],
  templateUrl: './penalty-policy-card.html',
  styleUrl: './penalty-policy-card.scss',
})
export class PenaltyPolicyCard {
  readonly slug = input.required<string>();

  private readonly api = inject(SettingsApi);
  private readonly abilities = inject(AbilityService);
  private readonly snackBar = inject(MatSnackBar);
  private readonly transloco = inject(TranslocoService);
  protected readonly lang = inject(Language).current;

  protected readonly periods = PENALTY_PERIODS;
  protected readonly capKinds: readonly CapKind[] = ['none', 'amount', 'rate'];
  protected readonly maxGraceDays = MAX_GRACE_DAYS;
  protected readonly canEdit = computed(() => this.abilities.can('update', 'Settings'));
  protected readonly busy = signal(false);
  protected readonly errorKey = signal<string | null>(null);
  protected readonly otherErrors = signal<ProblemFieldError[]>([]);

  protected readonly loaded = httpResource<PenaltyPolicyResponse>(() => penaltyPolicyUrl(this.slug()));
  /** What the last save answered, until the next load. */
  private readonly saved = signal<PenaltyPolicyResponse | null>(null);
  protected readonly policy = computed(() => this.saved() ?? (this.loaded.hasValue() ? this.loaded.value() : null));
  protected readonly loadErrorKey = computed(() => problemMessageKey(toProblem(this.loaded.error())));
  private readonly currency = computed(() => this.policy()?.currency ?? 'XOF');
  protected readonly symbol = computed(() => currencySymbol(this.currency(), this.lang()));

  private readonly fb = inject(NonNullableFormBuilder);
  protected readonly form = this.fb.group({
    enabled: [false],
    charge: this.fb.group({
      kind: ['rate' as 'fixed' | 'rate'],
      amount: ['', [Validators.required, amountValidator(() => this.currency())]],
      rate: ['', [Validators.required, penaltyRateValidator]],
    }),
    period: ['month' as PenaltyPeriod],
    graceDays: [0, [Validators.required, Validators.min(0), Validators.max(MAX_GRACE_DAYS), wholeDays]],
    cap: this.fb.group({
      kind: ['none' as CapKind],
      amount: ['', [Validators.required, amountValidator(() => this.currency())]],
      rate: ['', [Validators.required, penaltyRateValidator]],
    }),
  });
  protected readonly value = toSignal(this.form.valueChanges.pipe(map(() => this.form.getRawValue())), {
    initialValue: this.form.getRawValue(),
  });

  /** What the policy on screen does, in words (null while a value in use does not read). */
  protected readonly summary = computed<SummaryPart[] | null>(() => {
    const value = this.value();
    if (!value.enabled) return [part('settings.penalty.summary.off', {}, '.')];
    const request = toPolicyRequest(value, this.currency());
    if (!request) return null;
    const lang = this.lang();
    const money = (minor: number) => formatMoney(minor, this.currency(), lang);
    const percent = (basisPoints: number) => formatPercent(basisPoints, lang);
    const { charge, cap } = request;
    return [
      charge.kind === 'fixed'
        ? part('settings.penalty.summary.fixed', { amount: money(charge.amount) }, ' ')
        : part('settings.penalty.summary.rate', { rate: percent(charge.basisPoints) }, ' '),
      part(`settings.penalty.summary.per.${request.period}`, {}, ', '),
      request.graceDays === 0
        ? part('settings.penalty.summary.noGrace', {}, ', ')
        : part('settings.penalty.summary.grace', { days: request.graceDays }, ', '),
      cap === null
        ? part('settings.penalty.summary.noCap', {}, '.')
        : cap.kind === 'amount'
          ? part('settings.penalty.summary.capAmount', { amount: money(cap.amount) }, '.')
          : part('settings.penalty.summary.capRate', { rate: percent(cap.basisPoints) }, '.'),
    ];
  });

  constructor() {
    // The policy loaded (or saved) fills the form, written the way the interface language writes numbers.
    effect(() => {
      const policy = this.policy();
      if (policy) untracked(() => this.form.setValue(toPolicyForm(policy, this.lang())));
    });
    // Only the fields of the kinds chosen are in use (and checked); nothing is editable without the right.
    effect(() => {
      const value = this.value();
      const editable = this.canEdit();
      untracked(() => this.syncControls(value, editable));
    });
  }

  protected message(control: AbstractControl): FieldMessage | null {
    const rate: unknown = control.errors?.['penaltyRate'];
    if (typeof rate === 'string') return { key: `settings.penalty.rate_${rate}` };
    if (control.errors?.['integer']) return { key: 'settings.penalty.wholeDays' };
    return fieldMessage(control);
  }

  protected submit(): void {
    if (!this.canEdit() || this.busy()) return;
    const body = this.form.valid ? toPolicyRequest(this.form.getRawValue(), this.currency()) : null;
    if (!body) {
      this.form.markAllAsTouched();
      return;
    }
    this.busy.set(true);
    this.errorKey.set(null);
    this.otherErrors.set([]);
    this.api.savePenaltyPolicy(this.slug(), body).subscribe({
      next: (policy) => {
        this.busy.set(false);
        this.saved.set(policy);
        this.snackBar.open(this.transloco.translate('settings.penalty.saved'), undefined, { duration: 4000 });
      },
      error: (error: unknown) => {
        this.busy.set(false);
        const problem = toProblem(error);
        this.errorKey.set(problemMessageKey(problem));
        const errors = problem.errors?.map((e) => ({ ...e, field: formFieldOf(e.field) }));
        this.otherErrors.set(applyProblemToForm(this.form, { ...problem, errors }));
      },
    });
  }

  private syncControls(value: PenaltyPolicyFormValue, editable: boolean): void {
    const { charge, cap } = this.form.controls;
    // Only on a change: enabling a control checks it again, which would drop an error the API put there.
    const use = (control: AbstractControl, inUse: boolean) => {
      if (inUse && editable && control.disabled) control.enable({ emitEvent: false });
      else if (!(inUse && editable) && control.enabled) control.disable({ emitEvent: false });
    };
    use(this.form.controls.enabled, true);
    use(charge.controls.kind, true);
    use(charge.controls.amount, value.charge.kind === 'fixed');
    use(charge.controls.rate, value.charge.kind === 'rate');
    use(this.form.controls.period, true);
    use(this.form.controls.graceDays, true);
    use(cap.controls.kind, true);
    use(cap.controls.amount, value.cap.kind === 'amount');
    use(cap.controls.rate, value.cap.kind === 'rate');
  }
}
