import { ChangeDetectionStrategy, Component, computed, inject, input, output, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { TranslocoPipe } from '@jsverse/transloco';
import { MESSAGE_MAX_LENGTH, THREAD_SUBJECT_MAX_LENGTH, type ThreadDetailResponse } from '@kotizo/contracts';
import { applyProblemToForm, problemMessageKey, toProblem } from '../core/http/problem';
import { fieldMessage } from '../core/ui/field-message';
import { MessagesApi } from './messages-api';

/**
 * A new thread: subject, to whom, message. A member may name no one: the message then goes to
 * the whole office (admin, treasurer, secretary); the staff choose whom they write to.
 */
@Component({
  selector: 'kz-compose-thread',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, MatButtonModule, MatFormFieldModule, MatInputModule, MatSelectModule, TranslocoPipe],
  styles: `
    form {
      display: flex;
      flex-direction: column;
      gap: 4px;
      max-width: 640px;
    }
    .actions {
      display: flex;
      gap: 8px;
      justify-content: flex-end;
    }
    .error {
      color: var(--mat-sys-error);
    }
  `,
  template: `
    <form [formGroup]="form" (ngSubmit)="send()" data-testid="compose-form">
      <h2>{{ 'notifications.messages.newThread' | transloco }}</h2>
      <mat-form-field>
        <mat-label>{{ 'notifications.messages.recipients' | transloco }}</mat-label>
        <mat-select formControlName="recipientIds" multiple data-testid="compose-recipients">
          @for (person of recipients.value() ?? []; track person.id) {
            <mat-option [value]="person.id">
              {{ person.name }} · {{ 'notifications.messages.role.' + (person.role ?? 'none') | transloco }}
            </mat-option>
          }
        </mat-select>
        @if (memberWriting()) {
          <mat-hint>{{ 'notifications.messages.toOfficeHint' | transloco }}</mat-hint>
        }
        @if (message(form.controls.recipientIds); as m) {
          <mat-error>{{ m.text ?? (m.key | transloco: m.params) }}</mat-error>
        }
      </mat-form-field>
      <mat-form-field>
        <mat-label>{{ 'notifications.messages.subject' | transloco }}</mat-label>
        <input matInput formControlName="subject" [maxlength]="subjectMax" data-testid="compose-subject" />
        @if (message(form.controls.subject); as m) {
          <mat-error>{{ m.text ?? (m.key | transloco: m.params) }}</mat-error>
        }
      </mat-form-field>
      <mat-form-field>
        <mat-label>{{ 'notifications.messages.body' | transloco }}</mat-label>
        <textarea matInput formControlName="body" rows="5" data-testid="compose-body"></textarea>
        <mat-hint align="end">{{ form.controls.body.value.length }} / {{ bodyMax }}</mat-hint>
        @if (message(form.controls.body); as m) {
          <mat-error>{{ m.text ?? (m.key | transloco: m.params) }}</mat-error>
        }
      </mat-form-field>
      @if (failure(); as key) {
        <p class="error" role="alert" data-testid="compose-error">{{ key | transloco }}</p>
      }
      <div class="actions">
        <button mat-button type="button" (click)="cancelled.emit()">
          {{ 'notifications.messages.cancel' | transloco }}
        </button>
        <button mat-flat-button type="submit" [disabled]="sending()" data-testid="compose-send">
          {{ 'notifications.messages.send' | transloco }}
        </button>
      </div>
    </form>
  `,
})
export class ComposeThread {
  readonly slug = input.required<string>();
  /** A member writes to the office by default; the staff must name someone. */
  readonly memberWriting = input(false);
  readonly created = output<ThreadDetailResponse>();
  readonly cancelled = output<void>();

  private readonly api = inject(MessagesApi);
  protected readonly message = fieldMessage;
  protected readonly subjectMax = THREAD_SUBJECT_MAX_LENGTH;
  protected readonly bodyMax = MESSAGE_MAX_LENGTH;
  protected readonly sending = signal(false);
  protected readonly failure = signal<string | null>(null);
  protected readonly recipients = rxResource({
    params: () => this.slug(),
    stream: ({ params }) => this.api.recipients(params),
  });
  private readonly recipientsRequired = computed(() => !this.memberWriting());

  protected readonly form = new FormGroup({
    recipientIds: new FormControl<string[]>([], { nonNullable: true }),
    subject: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, Validators.maxLength(THREAD_SUBJECT_MAX_LENGTH)],
    }),
    body: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, Validators.maxLength(MESSAGE_MAX_LENGTH)],
    }),
  });

  protected send(): void {
    const recipients = this.form.controls.recipientIds;
    if (this.recipientsRequired() && recipients.value.length === 0) recipients.setErrors({ required: true });
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const { recipientIds, subject, body } = this.form.getRawValue();
    this.sending.set(true);
    this.failure.set(null);
    this.api.create(this.slug(), { subject, body, ...(recipientIds.length ? { recipientIds } : {}) }).subscribe({
      next: (thread) => {
        this.sending.set(false);
        this.form.reset();
        this.created.emit(thread);
      },
      error: (error: unknown) => {
        this.sending.set(false);
        const problem = toProblem(error);
        // `recipientIds.2: is not a user of this cooperative` belongs to the recipients field.
        const rest = applyProblemToForm(this.form, {
          ...problem,
          errors: problem.errors?.map((e) => ({ ...e, field: e.field.replace(/^recipientIds\.\d+$/, 'recipientIds') })),
        });
        if (rest.length > 0 || !problem.errors?.length) this.failure.set(problemMessageKey(problem));
      },
    });
  }
}
