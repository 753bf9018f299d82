import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  computed,
  effect,
  inject,
  input,
  signal,
  untracked,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { TranslocoPipe } from '@jsverse/transloco';
import type { AskRequest, AssistantThreadResponse, AssistantTurnResponse, ExplainRequest } from '@kotizo/contracts';
import { CooperativeDetails } from '../cooperative/cooperative-details';
import { AbilityService } from '../core/abilities/ability.service';
import { problemMessageKey, toProblem } from '../core/http/problem';
import { CountChips } from '../core/ui/count-chips';
import { AssistantApi } from './assistant-api';
import { AssistantStream, AssistantStreamError } from './assistant-stream';
import { CitedText } from './cited-text';
import { ExplainPanel } from './explain-panel';
import { monthLabel, recentMonths, shiftMonth } from './monthly-report';

/** What a turn asked, as a translation key and its parameters. */
export function turnQuestion(request: AskRequest['request'], lang: string): { key: string; params: object } {
  if (request.kind === 'monthly-report') {
    return { key: 'agent.threads.asked.monthly-report', params: { month: monthLabel(request.month, lang) } };
  }
  const { subject } = request;
  const what =
    subject.kind === 'movement'
      ? subject.transactionId.slice(0, 8)
      : subject.kind === 'member-balance'
        ? subject.memberId.slice(0, 8)
        : subject.asOf;
  return { key: `agent.threads.asked.${subject.kind}`, params: { what } };
}

/**
 * Conversations with the assistant: the caller's threads (newest first), the chosen one's turns
 * (oldest first) and a composer that asks for an explanation or a month's report. The answer
 * streams in as the model writes it, then gives way to the checked turn with its footnotes.
 * Everything the assistant wrote is shown by interpolation only.
 */
@Component({
  selector: 'kz-conversations-panel',
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
    ExplainPanel,
  ],
  styles: `
    .create {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 4px 12px;
    }
    .create mat-form-field {
      flex: 1 1 220px;
    }
    button {
      min-height: 44px;
    }
    .threads {
      list-style: none;
      margin: 8px 0 16px;
      padding: 0;
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
    }
    .threads button[aria-pressed='true'] {
      background: var(--mat-sys-secondary-container);
    }
    .turns {
      list-style: none;
      margin: 0;
      padding: 0;
    }
    .turn,
    .streaming {
      padding: 12px 0;
      border-top: 1px solid var(--mat-sys-outline-variant);
    }
    .question {
      font: var(--mat-sys-title-small);
      margin: 0 0 4px;
      overflow-wrap: anywhere;
    }
    .streaming p {
      white-space: pre-line;
      overflow-wrap: anywhere;
    }
    .author {
      font-size: 0.875em;
      color: var(--mat-sys-on-surface-variant);
      margin: 4px 0 0;
    }
    .composer {
      margin-top: 16px;
    }
    .month {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px 12px;
    }
    @media (max-width: 599.98px) {
      .create button,
      .month button,
      .month mat-form-field {
        flex: 1 1 100%;
      }
    }
  `,
  template: `
    <form class="create" [formGroup]="titleForm" (ngSubmit)="create()" novalidate>
      <mat-form-field subscriptSizing="dynamic">
        <mat-label>{{ 'agent.threads.newTitle' | transloco }}</mat-label>
        <input matInput [formControl]="title" maxlength="120" autocomplete="off" data-testid="assistant-thread-title" />
      </mat-form-field>
      <button mat-stroked-button type="submit" [disabled]="creating()" data-testid="assistant-new-thread">
        <mat-icon svgIcon="add" />
        {{ 'agent.threads.new' | transloco }}
      </button>
    </form>
    @if (errorKey(); as key) {
      <p class="kz-error-box" role="alert" data-testid="assistant-threads-error">{{ key | transloco }}</p>
    }
    <ul class="threads" data-testid="assistant-threads" [attr.aria-label]="'agent.threads.list' | transloco">
      @for (t of threads(); track t.id) {
        <li>
          <button
            mat-stroked-button
            type="button"
            [attr.aria-pressed]="t.id === selectedId()"
            (click)="select(t.id)"
            data-testid="assistant-thread"
          >
            {{ t.title }}
          </button>
        </li>
      } @empty {
        @if (!loading()) {
          <li class="muted" data-testid="assistant-threads-empty">{{ 'agent.threads.empty' | transloco }}</li>
        }
      }
    </ul>
    @if (loading()) {
      <mat-progress-bar mode="indeterminate" />
    }
    @if (selected(); as thread) {
      <section [attr.aria-label]="thread.title">
        <ol class="turns" aria-live="polite">
          @for (turn of turns(); track $index) {
            <li class="turn" data-testid="assistant-turn">
              @let q = question(turn);
              <p class="question">{{ q.key | transloco: q.params }}</p>
              @if (turn.request.kind === 'explain' && turn.request.question) {
                <p class="question" data-testid="assistant-turn-question">{{ turn.request.question }}</p>
              }
              @if (!turn.found) {
                <p class="muted">{{ 'agent.explain.notFound' | transloco }}</p>
              }
              <kz-cited-text
                [slug]="slug()"
                [text]="turn.answer.text"
                [citations]="turn.answer.citations"
                testId="assistant-turn-answer"
              />
              <p class="author">
                {{
                  (turn.answer.author.mode === 'offline' ? 'agent.author.offline' : 'agent.author.model')
                    | transloco: { model: turn.answer.author.model }
                }}
              </p>
            </li>
          }
        </ol>
        @if (streaming(); as s) {
          <div class="streaming" aria-live="polite">
            <p data-testid="assistant-streaming">{{ s }}</p>
          </div>
        }
        @if (asking()) {
          <mat-progress-bar mode="indeterminate" />
        }
        @if (askError(); as e) {
          <p class="kz-error-box" role="alert" data-testid="assistant-ask-error">
            {{ e.key | transloco }}
            @if (e.detail) {
              <span>{{ e.detail }}</span>
            }
          </p>
        }
        <div class="composer">
          @if (askKinds().length > 1) {
            <kz-count-chips
              [chips]="askKinds()"
              [(value)]="askKind"
              label="agent.threads.askKind"
              testId="assistant-ask-kind"
            />
          }
          @switch (askKind()) {
            @case ('explain') {
              <kz-explain-panel
                [slug]="slug()"
                [lang]="lang()"
                [emitOnly]="true"
                [pending]="asking()"
                submitLabel="agent.threads.ask"
                submitTestId="assistant-ask"
                (asked)="askExplain($event)"
              />
            }
            @case ('monthly-report') {
              <form class="month" [formGroup]="monthForm" (ngSubmit)="askMonth()" novalidate>
                <mat-form-field subscriptSizing="dynamic">
                  <mat-label>{{ 'agent.report.month' | transloco }}</mat-label>
                  <select matNativeControl [formControl]="month" data-testid="assistant-ask-month">
                    @for (m of months(); track m) {
                      <option [value]="m">{{ label(m) }}</option>
                    }
                  </select>
                </mat-form-field>
                <button mat-flat-button type="submit" [disabled]="asking()" data-testid="assistant-ask">
                  <mat-icon svgIcon="send" />
                  {{ 'agent.threads.ask' | transloco }}
                </button>
              </form>
            }
          }
        </div>
      </section>
    }
  `,
})
export class ConversationsPanel {
  readonly slug = input.required<string>();
  readonly lang = input.required<string>();

  private readonly api = inject(AssistantApi);
  private readonly stream = inject(AssistantStream);
  private readonly abilities = inject(AbilityService);
  private readonly details = inject(CooperativeDetails);
  private readonly destroyRef = inject(DestroyRef);

  protected readonly title = new FormControl('', { nonNullable: true, validators: Validators.maxLength(120) });
  protected readonly month = new FormControl(shiftMonth(this.details.today().slice(0, 7), -1), { nonNullable: true });
  protected readonly titleForm = new FormGroup({ title: this.title });
  protected readonly monthForm = new FormGroup({ month: this.month });
  protected readonly months = computed(() => recentMonths(this.details.today()));

  protected readonly threads = signal<AssistantThreadResponse[]>([]);
  protected readonly loading = signal(false);
  protected readonly creating = signal(false);
  protected readonly errorKey = signal<string | null>(null);
  protected readonly selectedId = signal<string | null>(null);
  protected readonly selected = computed(() => this.threads().find((t) => t.id === this.selectedId()) ?? null);
  protected readonly turns = signal<AssistantTurnResponse[]>([]);

  protected readonly askKinds = computed(() => [
    ...(this.abilities.can('read', 'Transaction') ? [{ value: 'explain', labelKey: 'agent.explain.title' }] : []),
    ...(this.abilities.can('read', 'Report') ? [{ value: 'monthly-report', labelKey: 'agent.report.heading' }] : []),
  ]);
  protected readonly askKind = signal<string>('explain');
  protected readonly asking = signal(false);
  /** What the model has written so far; null when nothing streams. */
  protected readonly streaming = signal<string | null>(null);
  protected readonly askError = signal<{ key: string; detail: string | null } | null>(null);

  constructor() {
    effect(() => {
      const slug = this.slug();
      untracked(() => this.load(slug));
    });
    effect(() => {
      const kinds = this.askKinds();
      untracked(() => {
        if (!kinds.some((k) => k.value === this.askKind())) this.askKind.set(kinds[0]?.value ?? '');
      });
    });
  }

  protected label(month: string): string {
    return monthLabel(month, this.lang());
  }

  protected question(turn: AssistantTurnResponse) {
    return turnQuestion(turn.request, this.lang());
  }

  protected create(): void {
    if (this.creating() || this.title.invalid) return;
    const title = this.title.value.trim();
    this.creating.set(true);
    this.errorKey.set(null);
    this.api.createThread(this.slug(), title || undefined).subscribe({
      next: (thread) => {
        this.creating.set(false);
        this.title.reset();
        this.threads.update((list) => [thread, ...list.filter((t) => t.id !== thread.id)]);
        this.selectedId.set(thread.id);
        this.turns.set([]);
        this.resetAsk();
      },
      error: (error: unknown) => {
        this.creating.set(false);
        this.errorKey.set(problemMessageKey(toProblem(error)));
      },
    });
  }

  protected select(threadId: string): void {
    if (this.asking()) return;
    this.selectedId.set(threadId);
    this.turns.set([]);
    this.resetAsk();
    this.loading.set(true);
    this.api.thread(this.slug(), threadId).subscribe({
      next: (turns) => {
        this.loading.set(false);
        if (this.selectedId() === threadId) this.turns.set(turns);
      },
      error: (error: unknown) => {
        this.loading.set(false);
        this.errorKey.set(problemMessageKey(toProblem(error)));
      },
    });
  }

  protected askExplain(body: ExplainRequest): void {
    this.send({
      kind: 'explain',
      subject: body.subject,
      ...(body.question ? { question: body.question } : {}),
    });
  }

  protected askMonth(): void {
    this.send({ kind: 'monthly-report', month: this.month.value });
  }

  private send(request: AskRequest['request']): void {
    const threadId = this.selectedId();
    if (!threadId || this.asking()) return;
    this.asking.set(true);
    this.askError.set(null);
    this.streaming.set(null);
    const locale = this.lang() === 'en' ? 'en' : 'fr';
    // Leaving the page aborts the request.
    this.stream
      .ask(this.slug(), threadId, { request, locale })
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (line) => {
          if (line.type === 'token') this.streaming.update((text) => (text ?? '') + line.token);
          else if (line.type === 'turn') {
            this.streaming.set(null);
            if (this.selectedId() === threadId) this.turns.update((turns) => [...turns, line.turn]);
          }
        },
        error: (error: unknown) => {
          this.asking.set(false);
          this.streaming.set(null);
          const status = error instanceof AssistantStreamError ? error.status : -1;
          this.askError.set(
            status === 200
              ? { key: 'agent.threads.failed', detail: (error as AssistantStreamError).message }
              : { key: problemMessageKey({ type: 'about:blank', title: '', status, code: 'stream' }), detail: null },
          );
        },
        complete: () => {
          this.asking.set(false);
          this.streaming.set(null);
        },
      });
  }

  private load(slug: string): void {
    this.loading.set(true);
    this.errorKey.set(null);
    this.api.threads(slug).subscribe({
      next: (threads) => {
        this.loading.set(false);
        this.threads.set(threads);
      },
      error: (error: unknown) => {
        this.loading.set(false);
        this.errorKey.set(problemMessageKey(toProblem(error)));
      },
    });
  }

  private resetAsk(): void {
    this.streaming.set(null);
    this.askError.set(null);
  }
}
