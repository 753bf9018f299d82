import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  computed,
  effect,
  inject,
  input,
  output,
  signal,
  untracked,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { TranslocoPipe } from '@jsverse/transloco';
import type { AuditRunResponse } from '@kotizo/contracts';
import { type Observable, Subscription, of, switchMap } from 'rxjs';
import { problemMessageKey, toProblem } from '../core/http/problem';
import { CasesApi, isAuditFinished } from './cases-api';

/**
 * "Run an audit now" and the run's progress (subjects checked out of all), asked every 2 s
 * until it is done or failed. A run already going when the page opens is followed too.
 */
@Component({
  selector: 'kz-audit-run',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, MatIconModule, MatProgressBarModule, TranslocoPipe],
  styles: `
    :host {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px 16px;
    }
    .state {
      flex: 1 1 220px;
      min-width: 0;
    }
    .state p {
      margin: 4px 0 0;
    }
    .failed {
      color: var(--mat-sys-error);
    }
    button {
      min-height: 44px;
    }
  `,
  template: `
    <button mat-flat-button type="button" [disabled]="running()" (click)="start()" data-testid="run-audit">
      <mat-icon svgIcon="play" />
      {{ 'audit.run' | transloco }}
    </button>
    @if (run(); as r) {
      <div class="state" role="status" data-testid="audit-run" [attr.data-status]="r.status">
        @switch (r.status) {
          @case ('done') {
            <p>{{ 'audit.done' | transloco: { count: r.findingsCreated } }}</p>
          }
          @case ('failed') {
            <p class="failed">{{ 'audit.failed' | transloco: { error: r.error ?? '' } }}</p>
          }
          @default {
            <mat-progress-bar
              [mode]="r.progress.total > 0 ? 'determinate' : 'indeterminate'"
              [value]="percent()"
              [attr.aria-label]="'audit.progressLabel' | transloco"
            />
            <p data-testid="audit-progress">
              {{
                (r.status === 'queued' ? 'audit.queued' : 'audit.progress')
                  | transloco: { done: r.progress.done, total: r.progress.total }
              }}
            </p>
          }
        }
      </div>
    }
    @if (errorKey(); as key) {
      <p class="state failed" role="alert" data-testid="audit-error">{{ key | transloco }}</p>
    }
  `,
})
export class AuditRun {
  readonly slug = input.required<string>();
  /** A run ended (done or failed): the page reloads its cases. */
  readonly finished = output<AuditRunResponse>();

  private readonly api = inject(CasesApi);
  protected readonly run = signal<AuditRunResponse | null>(null);
  protected readonly errorKey = signal<string | null>(null);
  protected readonly running = computed(() => {
    const run = this.run();
    return !!run && !isAuditFinished(run);
  });
  protected readonly percent = computed(() => {
    const progress = this.run()?.progress;
    return progress && progress.total > 0 ? Math.round((100 * progress.done) / progress.total) : 0;
  });
  private subscription = new Subscription();

  constructor() {
    inject(DestroyRef).onDestroy(() => this.subscription.unsubscribe());
    // Follows a run someone already started (the latest one, if it is still going).
    effect(() => {
      const slug = this.slug();
      untracked(() =>
        this.watch(
          this.api.audits(slug).pipe(
            switchMap((runs) => {
              const latest = runs[0];
              return latest && !isAuditFinished(latest) ? this.api.follow(slug, latest) : of(null);
            }),
          ),
          true,
        ),
      );
    });
  }

  protected start(): void {
    this.errorKey.set(null);
    this.watch(this.api.runAudit(this.slug()), false);
  }

  private watch(runs: Observable<AuditRunResponse | null>, quiet: boolean): void {
    this.subscription.unsubscribe();
    this.subscription = runs.subscribe({
      next: (run) => {
        if (!run) return;
        this.run.set(run);
        if (isAuditFinished(run)) this.finished.emit(run);
      },
      // Not knowing about earlier runs is no reason to show an error.
      error: (error: unknown) => {
        if (!quiet) this.errorKey.set(problemMessageKey(toProblem(error)));
      },
    });
  }
}
