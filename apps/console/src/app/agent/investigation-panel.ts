import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  computed,
  effect,
  inject,
  input,
  linkedSignal,
  output,
  signal,
  untracked,
} from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { TranslocoPipe } from '@jsverse/transloco';
import type { InvestigationDecisionRequest, InvestigationResponse, Problem } from '@kotizo/contracts';
import { type Observable, Subscription } from 'rxjs';
import { CooperativeDetails } from '../cooperative/cooperative-details';
import { AbilityService } from '../core/abilities/ability.service';
import { problemMessageKey, toProblem } from '../core/http/problem';
import { Language } from '../core/i18n/language';
import { KzDatePipe } from '../core/ui/date.pipe';
import { LoadStatus } from '../core/ui/load-status';
import { provideAgentTexts } from './agent-scope';
import { AiMode } from './ai-mode';
import { InvestigationDecision } from './investigation-decision';
import { InvestigationReport } from './investigation-report';
import { InvestigationSteps } from './investigation-steps';
import { InvestigationsApi, isMoving } from './investigations-api';

/** The API's refusals that have words of their own here; others get the general message. */
const PROBLEM_KEYS: Record<string, string> = {
  investigation_in_progress: 'agent.errors.inProgress',
  not_awaiting_review: 'agent.errors.notAwaiting',
  not_degraded: 'agent.errors.notDegraded',
};

export function investigationErrorKey(problem: Problem): string {
  return PROBLEM_KEYS[problem.code ?? ''] ?? problemMessageKey(problem);
}

/**
 * The investigation agent on a case page: start a run, watch its steps as they come (asked
 * every 1.5 s while it is queued or running), read the report it pauses on, then confirm,
 * dismiss or ask a follow-up question; a run stopped by a provider fault shows why and can be
 * resumed. Earlier runs of the case can be read again.
 */
@Component({
  selector: 'kz-investigation-panel',
  changeDetection: ChangeDetectionStrategy.OnPush,
  providers: [provideAgentTexts()],
  imports: [
    MatButtonModule,
    MatCardModule,
    MatIconModule,
    MatProgressBarModule,
    TranslocoPipe,
    AiMode,
    InvestigationDecision,
    InvestigationReport,
    InvestigationSteps,
    KzDatePipe,
    LoadStatus,
  ],
  templateUrl: './investigation-panel.html',
  styleUrl: './investigation-panel.scss',
})
export class InvestigationPanel {
  readonly slug = input.required<string>();
  readonly caseId = input.required<string>();
  /** A run ended on the auditor's decision, which closes or changes the case: reload it. */
  readonly caseChanged = output<InvestigationResponse>();

  private readonly api = inject(InvestigationsApi);
  private readonly abilities = inject(AbilityService);
  protected readonly lang = inject(Language).current;
  protected readonly currency = inject(CooperativeDetails).currency;

  protected readonly canRead = computed(() => this.abilities.can('read', 'Investigation'));
  protected readonly canStart = computed(() => this.abilities.can('create', 'Investigation'));
  protected readonly canDecide = computed(() => this.abilities.can('update', 'Investigation'));

  protected readonly history = rxResource({
    params: () => (this.canRead() ? { slug: this.slug(), caseId: this.caseId() } : undefined),
    stream: ({ params }) => this.api.forCase(params.slug, params.caseId),
  });
  /** The case's runs, newest first, kept up to date with the states followed since. */
  private readonly runs = linkedSignal(() => (this.history.hasValue() ? this.history.value() : []));
  private readonly selectedId = linkedSignal<string, string | null>({ source: this.caseId, computation: () => null });
  protected readonly current = computed(() => {
    const runs = this.runs();
    return runs.find((run) => run.id === this.selectedId()) ?? runs[0] ?? null;
  });
  protected readonly earlier = computed(() => this.runs().filter((run) => run.id !== this.current()?.id));
  protected readonly moving = computed(() => {
    const run = this.current();
    return !!run && isMoving(run);
  });
  /** One run of a case at a time: the API refuses another while one is under way or waits. */
  protected readonly underWay = computed(() =>
    this.runs().some((run) => isMoving(run) || run.status === 'awaiting_review'),
  );

  protected readonly busy = signal(false);
  protected readonly errorKey = signal<string | null>(null);
  private following = new Subscription();

  constructor() {
    inject(DestroyRef).onDestroy(() => this.following.unsubscribe());
    // A run already under way when the page opens (or the list is reloaded) is followed.
    effect(() => {
      const latest = this.history.hasValue() ? this.history.value()[0] : undefined;
      untracked(() => {
        this.following.unsubscribe();
        if (latest && isMoving(latest)) this.follow(latest);
      });
    });
  }

  protected start(): void {
    const locale = this.lang() === 'en' ? 'en' : 'fr';
    this.write(this.api.start(this.slug(), this.caseId(), locale), (run) => this.selectedId.set(run.id));
  }

  protected decide(body: InvestigationDecisionRequest): void {
    const run = this.current();
    if (run) this.write(this.api.decide(this.slug(), run.id, body));
  }

  protected retry(run: InvestigationResponse): void {
    this.write(this.api.retry(this.slug(), run.id));
  }

  protected show(run: InvestigationResponse): void {
    this.selectedId.set(run.id);
    this.errorKey.set(null);
  }

  protected errorText(run: InvestigationResponse): string | null {
    if (!run.error) return null;
    return this.lang() === 'en' ? run.error.message.en : run.error.message.fr;
  }

  private write(call: Observable<InvestigationResponse>, then?: (run: InvestigationResponse) => void): void {
    if (this.busy()) return;
    this.busy.set(true);
    this.errorKey.set(null);
    call.subscribe({
      next: (run) => {
        this.busy.set(false);
        this.upsert(run);
        then?.(run);
        this.follow(run);
      },
      error: (error: unknown) => {
        this.busy.set(false);
        const problem = toProblem(error);
        this.errorKey.set(investigationErrorKey(problem));
        // Someone else started or decided meanwhile: show the run as it is now.
        if (problem.status === 409) this.history.reload();
      },
    });
  }

  private follow(run: InvestigationResponse): void {
    this.following.unsubscribe();
    this.following = this.api.follow(this.slug(), run).subscribe({
      next: (next) => {
        const before = this.runs().find((r) => r.id === next.id)?.status;
        this.upsert(next);
        const decided = next.status === 'confirmed' || next.status === 'dismissed';
        if (decided && before !== next.status) this.caseChanged.emit(next);
      },
      error: (error: unknown) => this.errorKey.set(problemMessageKey(toProblem(error))),
    });
  }

  private upsert(run: InvestigationResponse): void {
    this.runs.update((runs) =>
      runs.some((r) => r.id === run.id) ? runs.map((r) => (r.id === run.id ? run : r)) : [run, ...runs],
    );
  }
}
