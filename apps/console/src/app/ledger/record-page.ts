import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormControl, NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatCardModule } from '@angular/material/card';
import { MatChipsModule } from '@angular/material/chips';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import { Router, RouterLink } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import type { MemberResponse, RecordTransactionRequest, TransactionResponse } from '@kotizo/contracts';
import { formatMoney } from '@kotizo/domain';
import { CooperativeDetails } from '../cooperative/cooperative-details';
import { SubmissionKey } from '../core/http/idempotency';
import { applyProblemToForm, problemMessageKey, toProblem } from '../core/http/problem';
import { Language } from '../core/i18n/language';
import { amountOf, amountValidator } from '../core/money/amount-validator';
import { currencySymbol } from '../core/money/parse-amount';
import { KzDayPipe } from '../core/ui/day.pipe';
import { fieldMessage } from '../core/ui/field-message';
import { MemberPicker } from '../members/member-picker';
import { MembersApi } from '../members/members-api';
import { LedgerApi } from './ledger-api';
import { recordRequest } from './record-request';
import {
  CHANNEL_VALUES,
  type Channel,
  EXPENSE_CATEGORY_VALUES,
  type ExpenseCategory,
  RECORDABLE_KIND_VALUES,
  type RecordableKind,
  isRecordableKind,
  memberRule,
} from './transaction-kinds';

/**
 * Records one movement of money: the form, then a confirmation in plain words ("Record a
 * contribution of 5 000 F CFA for Awa Koné?"), then the call. A retry after a failure sends
 * the same Idempotency-Key, so a lost answer never records the movement twice.
 */
@Component({
  selector: 'kz-record-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatButtonToggleModule,
    MatCardModule,
    MatChipsModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    MatSelectModule,
    TranslocoPipe,
    KzDayPipe,
    MemberPicker,
  ],
  templateUrl: './record-page.html',
  styleUrl: './record-page.scss',
})
export class RecordPage {
  /** From the route (`/c/:slug/record/:kind?memberId=`), bound by the router. */
  readonly slug = input.required<string>();
  readonly kind = input<string>('');
  readonly memberId = input<string | undefined>();

  private readonly api = inject(LedgerApi);
  private readonly members = inject(MembersApi);
  private readonly details = inject(CooperativeDetails);
  private readonly router = inject(Router);
  private readonly snackBar = inject(MatSnackBar);
  private readonly transloco = inject(TranslocoService);
  private readonly submission = new SubmissionKey();
  protected readonly lang = inject(Language).current;
  protected readonly message = fieldMessage;

  protected readonly kinds = RECORDABLE_KIND_VALUES;
  protected readonly channels = CHANNEL_VALUES;
  protected readonly categories = EXPENSE_CATEGORY_VALUES;
  /** The kind in the URL, contributions when it is not one. */
  protected readonly current = computed<RecordableKind>(() => {
    const kind = this.kind();
    return isRecordableKind(kind) ? kind : 'contribution';
  });
  protected readonly memberRule = computed(() => memberRule(this.current()));
  protected readonly currency = this.details.currency;
  protected readonly symbol = computed(() => currencySymbol(this.currency(), this.lang()));
  protected readonly today = computed(() => {
    this.details.timeZone();
    return this.details.today();
  });

  protected readonly step = signal<'form' | 'confirm'>('form');
  protected readonly busy = signal(false);
  protected readonly errorKey = signal<string | null>(null);
  protected readonly pending = signal<RecordTransactionRequest | null>(null);

  protected readonly form = inject(NonNullableFormBuilder).group({
    member: new FormControl<MemberResponse | null>(null),
    amount: ['', [Validators.required, amountValidator(() => this.currency())]],
    category: ['' as ExpenseCategory | ''],
    direction: ['in' as 'in' | 'out'],
    channel: ['cash' as Channel, Validators.required],
    occurredOn: ['', Validators.required],
    externalRef: ['', Validators.maxLength(80)],
    memo: ['', Validators.maxLength(500)],
  });
  private readonly amountText = toSignal(this.form.controls.amount.valueChanges, { initialValue: '' });
  protected readonly amountPreview = computed(() => {
    const minor = amountOf(this.amountText(), this.currency());
    return minor > 0 ? formatMoney(minor, this.currency(), this.lang()) : null;
  });
  protected readonly question = computed(() => this.questionFor(this.pending()));

  constructor() {
    // Each kind asks for its own fields; the page is reused when the kind changes.
    effect(() => {
      const kind = this.current();
      untracked(() => this.configure(kind));
    });
    effect(() => {
      const today = this.today();
      untracked(() => {
        if (!this.form.controls.occurredOn.value) this.form.controls.occurredOn.setValue(today);
        this.form.controls.amount.updateValueAndValidity();
      });
    });
    // ?memberId= (from a member's page) chooses the member.
    effect(() => {
      const id = this.memberId();
      const slug = this.slug();
      if (!id) return;
      untracked(() => {
        if (this.form.controls.member.value?.id === id) return;
        this.members
          .get(slug, id)
          .subscribe({ next: (m) => this.form.controls.member.setValue(m), error: () => undefined });
      });
    });
  }

  protected review(): void {
    this.errorKey.set(null);
    const request = recordRequest(this.current(), this.form.getRawValue(), this.currency(), this.today());
    if (this.form.invalid || !request) {
      this.form.markAllAsTouched();
      return;
    }
    if (request.occurredOn && request.occurredOn > this.today()) {
      this.form.controls.occurredOn.setErrors({ future: true });
      this.form.controls.occurredOn.markAsTouched();
      return;
    }
    this.pending.set(request);
    this.step.set('confirm');
  }

  protected backToForm(): void {
    this.errorKey.set(null);
    this.step.set('form');
  }

  protected confirm(): void {
    const request = this.pending();
    if (!request || this.busy()) return;
    this.busy.set(true);
    this.errorKey.set(null);
    this.api.record(this.slug(), request, this.submission).subscribe({
      next: (entry) => this.recorded(entry),
      error: (error: unknown) => {
        this.busy.set(false);
        const problem = toProblem(error);
        this.errorKey.set(problemMessageKey(problem));
        // Fields to correct: back to the form, with the API's words under each field.
        if (problem.errors?.length) {
          applyProblemToForm(this.form, { ...problem, errors: problem.errors.map(toFormField) });
          this.step.set('form');
        }
      },
    });
  }

  private recorded(entry: TransactionResponse): void {
    this.busy.set(false);
    const done = this.questionFor(this.pending(), entry.seq);
    this.snackBar
      .open(done, this.transloco.translate('record.see'), { duration: 6000 })
      .onAction()
      .subscribe(() => void this.router.navigate(['/c', this.slug(), 'journal', entry.id]));
    // Ready for the next movement: same channel and date, a new member and amount.
    this.form.patchValue({ member: null, amount: '', externalRef: '', memo: '' });
    this.form.markAsUntouched();
    this.pending.set(null);
    this.step.set('form');
  }

  private configure(kind: RecordableKind): void {
    const { member, category, memo } = this.form.controls;
    member.setValidators(memberRule(kind) === 'required' ? Validators.required : null);
    category.setValidators(kind === 'expense' ? Validators.required : null);
    memo.setValidators(
      kind === 'adjustment'
        ? [Validators.required, Validators.minLength(3), Validators.maxLength(500)]
        : Validators.maxLength(500),
    );
    if (memberRule(kind) === 'none') member.setValue(null);
    for (const control of [member, category, memo]) control.updateValueAndValidity();
    this.form.markAsUntouched();
    this.step.set('form');
    this.errorKey.set(null);
  }

  /** "Record a 5 000 F CFA contribution for Awa Koné?" (or, with `seq`, that it was recorded). */
  private questionFor(request: RecordTransactionRequest | null, seq?: number): string {
    if (!request) return '';
    const t = (key: string) => this.transloco.translate(key);
    const params: Record<string, string> = {
      amount: formatMoney(request.amount, this.currency(), this.lang()),
      name: this.form.controls.member.value?.fullName ?? '',
      seq: String(seq ?? ''),
    };
    let kind: string = request.kind;
    if (request.kind === 'expense') params['category'] = t(`ledger.category.${request.category}`);
    if (request.kind === 'adjustment') {
      params['direction'] = t(request.direction === 'in' ? 'record.directionIn' : 'record.directionOut');
      if (params['name']) kind = 'adjustmentFor';
    }
    return this.transloco.translate(`record.${seq === undefined ? 'question' : 'done'}.${kind}`, params);
  }
}

/** The API names the member `memberId`; the form's control is `member`. */
function toFormField(error: { field: string; message: string }) {
  return error.field === 'memberId' ? { ...error, field: 'member' } : error;
}
