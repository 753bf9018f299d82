import { ChangeDetectionStrategy, Component, computed, inject, input, output, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { TranslocoPipe } from '@jsverse/transloco';
import { MESSAGE_MAX_LENGTH, type ThreadDetailResponse } from '@kotizo/contracts';
import { Session } from '../core/auth/session';
import { fieldErrors, problemMessageKey, toProblem } from '../core/http/problem';
import { Language } from '../core/i18n/language';
import { KzDatePipe } from '../core/ui/date.pipe';
import { fieldMessage } from '../core/ui/field-message';
import { MessagesApi } from './messages-api';

/** A thread's messages, oldest first, mine on the right, and the answer box. */
@Component({
  selector: 'kz-thread-view',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    TranslocoPipe,
    KzDatePipe,
  ],
  styles: `
    .who {
      margin: 0 0 12px;
      color: var(--mat-sys-on-surface-variant);
    }
    .messages {
      list-style: none;
      padding: 0;
      margin: 0 0 16px;
      display: flex;
      flex-direction: column;
      gap: 8px;
    }
    .message {
      max-width: 85%;
      padding: 8px 12px;
      border-radius: 12px;
      background: var(--mat-sys-surface-container-high);
      white-space: pre-wrap;
      overflow-wrap: anywhere;
    }
    .message.mine {
      align-self: flex-end;
      background: var(--mat-sys-primary-container);
    }
    .meta {
      display: block;
      font-size: 0.75rem;
      color: var(--mat-sys-on-surface-variant);
      margin-bottom: 2px;
    }
    form {
      display: flex;
      gap: 8px;
      align-items: flex-start;
    }
    form mat-form-field {
      flex: 1;
    }
    .error {
      color: var(--mat-sys-error);
    }
  `,
  template: `
    @let t = thread();
    <h2>{{ t.subject }}</h2>
    <p class="who">{{ 'notifications.messages.between' | transloco: { names: names() } }}</p>
    <ol class="messages" data-testid="thread-messages">
      @for (m of t.messages; track m.id) {
        <li class="message" [class.mine]="m.authorId === myId()" data-testid="thread-message">
          <span class="meta">{{ m.authorName }} · {{ m.createdAt | kzDate: lang() : true }}</span>
          {{ m.body }}
        </li>
      }
    </ol>
    @if (canReply()) {
      <form [formGroup]="form" (ngSubmit)="reply()" data-testid="reply-form">
        <mat-form-field subscriptSizing="dynamic">
          <mat-label>{{ 'notifications.messages.reply' | transloco }}</mat-label>
          <textarea matInput [formControl]="body" rows="2" data-testid="reply-body"></textarea>
          @if (message(body); as m) {
            <mat-error>{{ m.text ?? (m.key | transloco: m.params) }}</mat-error>
          }
        </mat-form-field>
        <button mat-flat-button type="submit" [disabled]="sending()" data-testid="reply-send">
          <mat-icon svgIcon="send" />
          {{ 'notifications.messages.send' | transloco }}
        </button>
      </form>
      @if (failure(); as key) {
        <p class="error" role="alert">{{ key | transloco }}</p>
      }
    }
  `,
})
export class ThreadView {
  readonly slug = input.required<string>();
  readonly thread = input.required<ThreadDetailResponse>();
  readonly canReply = input(true);
  readonly replied = output<void>();

  private readonly api = inject(MessagesApi);
  private readonly session = inject(Session);
  protected readonly myId = computed(() => this.session.me()?.id ?? '');
  protected readonly lang = inject(Language).current;
  protected readonly message = fieldMessage;
  protected readonly sending = signal(false);
  protected readonly failure = signal<string | null>(null);
  protected readonly names = computed(() =>
    this.thread()
      .participants.map((p) => p.name)
      .join(', '),
  );
  protected readonly body = new FormControl('', {
    nonNullable: true,
    validators: [Validators.required, Validators.maxLength(MESSAGE_MAX_LENGTH)],
  });
  /** A form group, so Angular handles the submit (a bare form would reload the page). */
  protected readonly form = new FormGroup({ body: this.body });

  protected reply(): void {
    if (this.body.invalid || this.body.value.trim() === '') {
      this.body.setErrors({ required: true });
      this.body.markAsTouched();
      return;
    }
    this.sending.set(true);
    this.failure.set(null);
    this.api.reply(this.slug(), this.thread().id, this.body.value).subscribe({
      next: () => {
        this.sending.set(false);
        this.body.reset();
        this.replied.emit();
      },
      error: (error: unknown) => {
        this.sending.set(false);
        const problem = toProblem(error);
        const server = fieldErrors(problem)['body'];
        if (server) {
          this.body.setErrors({ server });
          this.body.markAsTouched();
        } else this.failure.set(problemMessageKey(problem));
      },
    });
  }
}
