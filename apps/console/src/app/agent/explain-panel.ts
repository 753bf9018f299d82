import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  output,
  signal,
  untracked,
} from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, type ValidatorFn, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { TranslocoPipe } from '@jsverse/transloco';
import { hasUnconditionalAccess } from '@kotizo/authorization';
import type { ExplainRequest, ExplanationResponse, MemberResponse } from '@kotizo/contracts';
import { CooperativeDetails } from '../cooperative/cooperative-details';
import { AbilityService } from '../core/abilities/ability.service';
import { problemMessageKey, toProblem } from '../core/http/problem';
import { CountChips } from '../core/ui/count-chips';
import { fieldMessage } from '../core/ui/field-message';
import { MemberPicker } from '../members/member-picker';
import { AssistantApi } from './assistant-api';
import { CitedText } from './cited-text';

export type ExplainKind = ExplainRequest['subject']['kind'];

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

/** A movement's id out of what was pasted: the id itself, or the journal link that ends with it. */
export function movementIdFrom(text: string): string | null {
  return UUID.exec(text)?.[0].toLowerCase() ?? null;
}

const movementId: ValidatorFn = (control) =>
  !control.value || movementIdFrom(String(control.value)) ? null : { pattern: true };

/**
 * "Why?": pick what to explain (a movement from the journal, a member's balance, the cash on a
 * date), optionally ask something, and read the answer with each footnote linked to the record
 * it rests on. A member account asks about its own records only (the API answers nothing else).
 * With `emitOnly`, it only picks: the request goes out on `asked` (a conversation sends it).
 */
@Component({
  selector: 'kz-explain-panel',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressBarModule,
    TranslocoPipe,
    CitedText,
    CountChips,
    MemberPicker,
  ],
  styles: `
    form {
      display: grid;
      gap: 4px;
    }
    .submit {
      justify-self: start;
      min-height: 44px;
    }
    .answer {
      margin-top: 16px;
      padding-top: 12px;
      border-top: 1px solid var(--mat-sys-outline-variant);
    }
    .author {
      font-size: 0.875em;
      color: var(--mat-sys-on-surface-variant);
      margin: 8px 0 0;
    }
    @media (max-width: 599.98px) {
      .submit {
        justify-self: stretch;
      }
    }
  `,
  template: `
    <kz-count-chips
      [chips]="kindChips()"
      [(value)]="kind"
      label="agent.explain.kindLabel"
      testId="assistant-explain-kind"
    />
    <form [formGroup]="form" (ngSubmit)="ask()" novalidate>
      @switch (kind()) {
        @case ('movement') {
          <mat-form-field class="full-width">
            <mat-label>{{ 'agent.explain.movement' | transloco }}</mat-label>
            <input matInput [formControl]="movement" autocomplete="off" data-testid="assistant-explain-movement" />
            <mat-hint>{{ 'agent.explain.movementHint' | transloco }}</mat-hint>
            @if (message(movement); as m) {
              <mat-error>{{ m.text ?? (m.key | transloco: m.params) }}</mat-error>
            }
          </mat-form-field>
        }
        @case ('member-balance') {
          @if (ownOnly()) {
            <p data-testid="assistant-explain-own">{{ 'agent.explain.ownBalance' | transloco }}</p>
          } @else {
            <kz-member-picker
              [slug]="slug()"
              [control]="member"
              label="agent.explain.member"
              testId="assistant-explain-member"
            />
          }
        }
        @case ('cash') {
          <mat-form-field>
            <mat-label>{{ 'agent.explain.asOf' | transloco }}</mat-label>
            <input matInput type="date" [formControl]="asOf" [max]="today()" data-testid="assistant-explain-date" />
            @if (message(asOf); as m) {
              <mat-error>{{ m.text ?? (m.key | transloco: m.params) }}</mat-error>
            }
          </mat-form-field>
        }
      }
      <mat-form-field class="full-width">
        <mat-label>{{ 'agent.explain.question' | transloco }}</mat-label>
        <textarea
          matInput
          [formControl]="question"
          rows="2"
          maxlength="1000"
          data-testid="assistant-explain-question"
        ></textarea>
        @if (message(question); as m) {
          <mat-error>{{ m.text ?? (m.key | transloco: m.params) }}</mat-error>
        }
      </mat-form-field>
      <button
        mat-flat-button
        type="submit"
        class="submit"
        [disabled]="busy() || pending()"
        [attr.data-testid]="submitTestId()"
      >
        <mat-icon svgIcon="send" />
        {{ submitLabel() | transloco }}
      </button>
    </form>
    @if (busy()) {
      <mat-progress-bar mode="indeterminate" />
    }
    @if (errorKey(); as key) {
      <p class="kz-error-box" role="alert" data-testid="assistant-explain-error">{{ key | transloco }}</p>
    }
    @if (answer(); as a) {
      <section class="answer" aria-live="polite" [attr.aria-label]="'agent.explain.answer' | transloco">
        @if (!a.found) {
          <p class="muted" data-testid="assistant-explain-not-found">{{ 'agent.explain.notFound' | transloco }}</p>
        }
        <kz-cited-text
          [slug]="slug()"
          [text]="a.answer.text"
          [citations]="a.answer.citations"
          testId="assistant-explain-answer"
        />
        <p class="author" data-testid="assistant-explain-author">
          {{
            (a.answer.author.mode === 'offline' ? 'agent.author.offline' : 'agent.author.model')
              | transloco: { model: a.answer.author.model }
          }}
        </p>
      </section>
    }
  `,
})
export class ExplainPanel {
  readonly slug = input.required<string>();
  readonly lang = input.required<string>();
  /** A movement to explain, from the journal (`?transactionId=`). */
  readonly transactionId = input<string | null>(null);
  /** Pick only: emit the request on `asked` instead of asking the API here. */
  readonly emitOnly = input(false);
  /** Set by whoever sends an emitted request, while it is on its way. */
  readonly pending = input(false);
  readonly submitLabel = input('agent.explain.submit');
  readonly submitTestId = input('assistant-explain-submit');
  readonly asked = output<ExplainRequest>();

  private readonly api = inject(AssistantApi);
  private readonly abilities = inject(AbilityService);
  private readonly details = inject(CooperativeDetails);
  protected readonly message = fieldMessage;
  protected readonly today = computed(() => this.details.today());

  /** A member account sees its own movements and balance only; the cash is not theirs to ask about. */
  protected readonly ownOnly = computed(
    () =>
      this.abilities.ownMemberId() !== null && !hasUnconditionalAccess(this.abilities.ability(), 'read', 'Transaction'),
  );
  protected readonly kindChips = computed(() =>
    (this.ownOnly()
      ? (['movement', 'member-balance'] as const)
      : (['movement', 'member-balance', 'cash'] as const)
    ).map((value) => ({ value, labelKey: `agent.explain.kind.${value}` })),
  );
  protected readonly kind = signal<string>('movement');

  protected readonly movement = new FormControl('', {
    nonNullable: true,
    validators: [Validators.required, movementId],
  });
  protected readonly member = new FormControl<MemberResponse | null>(null, Validators.required);
  protected readonly asOf = new FormControl(this.details.today(), {
    nonNullable: true,
    validators: Validators.required,
  });
  protected readonly question = new FormControl('', { nonNullable: true, validators: Validators.maxLength(1000) });
  /** Only the fields of the chosen subject count (see `subject()`). */
  protected readonly form = new FormGroup({
    movement: this.movement,
    member: this.member,
    asOf: this.asOf,
    question: this.question,
  });

  protected readonly busy = signal(false);
  protected readonly errorKey = signal<string | null>(null);
  protected readonly answer = signal<ExplanationResponse | null>(null);

  constructor() {
    effect(() => {
      const id = this.transactionId();
      if (!id) return;
      untracked(() => {
        this.kind.set('movement');
        this.movement.setValue(id);
      });
    });
  }

  protected ask(): void {
    if (this.busy() || this.pending()) return;
    const subject = this.subject();
    if (!subject || this.question.invalid) {
      this.question.markAsTouched();
      return;
    }
    const question = this.question.value.trim();
    const body: ExplainRequest = {
      subject,
      locale: this.lang() === 'en' ? 'en' : 'fr',
      ...(question ? { question } : {}),
    };
    if (this.emitOnly()) {
      this.asked.emit(body);
      return;
    }
    this.busy.set(true);
    this.errorKey.set(null);
    this.api.explain(this.slug(), body).subscribe({
      next: (answer) => {
        this.busy.set(false);
        this.answer.set(answer);
      },
      error: (error: unknown) => {
        this.busy.set(false);
        this.errorKey.set(problemMessageKey(toProblem(error)));
      },
    });
  }

  /** What the form names, or null (and its field marked) when it names nothing yet. */
  private subject(): ExplainRequest['subject'] | null {
    switch (this.kind()) {
      case 'movement': {
        const id = movementIdFrom(this.movement.value);
        if (!id) this.movement.markAsTouched();
        return id ? { kind: 'movement', transactionId: id } : null;
      }
      case 'member-balance': {
        const memberId = this.ownOnly() ? this.abilities.ownMemberId() : (this.member.value?.id ?? null);
        if (!memberId) this.member.markAsTouched();
        return memberId ? { kind: 'member-balance', memberId } : null;
      }
      case 'cash':
        if (this.asOf.invalid) this.asOf.markAsTouched();
        return this.asOf.valid ? { kind: 'cash', asOf: this.asOf.value } : null;
      default:
        return null;
    }
  }
}
