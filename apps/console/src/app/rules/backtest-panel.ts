import { ChangeDetectionStrategy, Component, computed, inject, input, linkedSignal, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import type { BacktestResponse } from '@kotizo/contracts';
import { problemMessageKey, toProblem } from '../core/http/problem';
import { KzDayPipe } from '../core/ui/day.pipe';
import { StatusChip } from '../core/ui/status-chip';
import { defaultBacktestPeriod, pick } from './rule-edits';
import { RulesApi } from './rules-api';

/** A rule's hits with the draft against the active version; `difference` is draft minus active. */
export interface BacktestRow {
  ruleId: string;
  name: string;
  severity: string;
  activeHits: number;
  draftHits: number;
  difference: number;
}

export function backtestRows(result: BacktestResponse, lang: string): BacktestRow[] {
  return result.rules.map((rule) => ({
    ruleId: rule.ruleId,
    name: pick(rule.name, lang),
    severity: rule.severity,
    activeHits: rule.activeHits,
    draftHits: rule.draftHits,
    difference: rule.draftHits - rule.activeHits,
  }));
}

/** `+3`, `−2` (a true minus sign), `0`. */
export function signed(n: number): string {
  return n > 0 ? `+${n}` : n < 0 ? `−${-n}` : '0';
}

/**
 * "Test on the history": runs the draft and the active version over a past period (the last
 * 90 days by default) and shows, rule by rule, how many findings each would have raised, the
 * differences highlighted, with a few examples. Nothing is created.
 */
@Component({
  selector: 'kz-backtest-panel',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressBarModule,
    TranslocoPipe,
    KzDayPipe,
    StatusChip,
  ],
  styles: `
    .period {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px 12px;
    }
    .period mat-form-field {
      flex: 1 1 150px;
      max-width: 220px;
    }
    .period button {
      min-height: 44px;
    }
    .wrap {
      overflow-x: auto;
      margin-top: 12px;
    }
    table {
      width: 100%;
      border-collapse: collapse;
      font-variant-numeric: tabular-nums;
    }
    th,
    td {
      padding: 8px;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
      text-align: end;
    }
    th {
      font: var(--mat-sys-label-medium);
      color: var(--mat-sys-on-surface-variant);
    }
    th:first-child,
    td:first-child {
      text-align: start;
      overflow-wrap: break-word;
      hyphens: auto;
    }
    tr.differs td {
      background: var(--mat-sys-tertiary-container);
      color: var(--mat-sys-on-tertiary-container);
    }
    td.diff {
      font-weight: 600;
      white-space: nowrap;
    }
    tr td.diff.more {
      color: var(--mat-sys-error);
    }
    tr td.diff.fewer {
      color: #0b5a2c;
    }
    .samples {
      list-style: none;
      margin: 8px 0 0;
      padding: 0;
    }
    .samples li {
      padding: 6px 0;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
      overflow-wrap: anywhere;
    }
    h3 {
      font: var(--mat-sys-title-small);
      margin: 16px 0 0;
    }
    @media (max-width: 599.98px) {
      .period mat-form-field {
        max-width: none;
      }
      .period button {
        flex: 1 1 100%;
      }
    }
  `,
  template: `
    @if (!hasDraft()) {
      <p class="muted" data-testid="backtest-no-draft">{{ 'rules.backtest.noDraft' | transloco }}</p>
    } @else {
      <form class="period" [formGroup]="period" (ngSubmit)="run()" novalidate>
        <mat-form-field subscriptSizing="dynamic">
          <mat-label>{{ 'rules.backtest.from' | transloco }}</mat-label>
          <input matInput type="date" formControlName="from" data-testid="backtest-from" />
        </mat-form-field>
        <mat-form-field subscriptSizing="dynamic">
          <mat-label>{{ 'rules.backtest.to' | transloco }}</mat-label>
          <input matInput type="date" formControlName="to" data-testid="backtest-to" />
        </mat-form-field>
        <button mat-flat-button type="submit" [disabled]="busy()" data-testid="backtest-run">
          <mat-icon svgIcon="history" />
          {{ 'rules.backtest.run' | transloco }}
        </button>
      </form>
      @if (periodError()) {
        <p class="kz-error-box" role="alert">{{ 'rules.backtest.badPeriod' | transloco }}</p>
      }
      @if (busy()) {
        <mat-progress-bar mode="indeterminate" />
      }
      @if (errorKey(); as key) {
        <p class="kz-error-box" role="alert" data-testid="backtest-error">{{ key | transloco }}</p>
      }
      @if (result(); as r) {
        <p data-testid="backtest-summary">
          {{
            'rules.backtest.summary'
              | transloco
                : {
                    from: (r.from | kzDay: lang()),
                    to: (r.to | kzDay: lang()),
                    movements: r.movementsChecked,
                    loans: r.loansChecked,
                    dues: r.duesChecked,
                    version: r.activeVersion,
                  }
          }}
        </p>
        <div class="wrap">
          <table data-testid="backtest-table">
            <thead>
              <tr>
                <th scope="col">{{ 'rules.backtest.rule' | transloco }}</th>
                <th scope="col">{{ 'rules.backtest.active' | transloco }}</th>
                <th scope="col">{{ 'rules.backtest.draft' | transloco }}</th>
                <th scope="col">{{ 'rules.backtest.difference' | transloco }}</th>
              </tr>
            </thead>
            <tbody>
              @for (row of rows(); track row.ruleId) {
                <tr [class.differs]="row.difference !== 0" [attr.data-testid]="'backtest-row-' + row.ruleId">
                  <td>
                    {{ row.name }}
                    <kz-status-chip keys="severity" [status]="row.severity" />
                  </td>
                  <td data-testid="backtest-active">{{ row.activeHits }}</td>
                  <td data-testid="backtest-draft">{{ row.draftHits }}</td>
                  <td
                    class="diff"
                    [class.more]="row.difference > 0"
                    [class.fewer]="row.difference < 0"
                    data-testid="backtest-diff"
                  >
                    {{ signed(row.difference) }}
                  </td>
                </tr>
              } @empty {
                <tr>
                  <td colspan="4">{{ 'rules.backtest.noRules' | transloco }}</td>
                </tr>
              }
            </tbody>
          </table>
        </div>
        <h3>{{ 'rules.backtest.samples' | transloco }}</h3>
        <ul class="samples" data-testid="backtest-samples">
          @for (s of r.samples; track $index) {
            <li>
              <strong>{{ ruleNames().get(s.ruleId) ?? s.ruleId }}</strong>
              @if (s.subject.label) {
                · {{ s.subject.label }}
              }
              @if (s.occurredOn) {
                · {{ s.occurredOn | kzDay: lang() }}
              }
              <div>{{ pick(s.message, lang()) }}</div>
              @if (s.transactionId) {
                <a [routerLink]="['/c', slug(), 'journal', s.transactionId]">{{
                  'rules.backtest.seeMovement' | transloco
                }}</a>
              }
            </li>
          } @empty {
            <li class="muted">{{ 'rules.backtest.noSamples' | transloco }}</li>
          }
        </ul>
      }
    }
  `,
})
export class BacktestPanel {
  readonly slug = input.required<string>();
  readonly hasDraft = input.required<boolean>();
  /** When the draft last changed: an older result no longer describes it. */
  readonly draftStamp = input<string | null>(null);
  readonly lang = input.required<string>();

  private readonly api = inject(RulesApi);
  protected readonly period = inject(NonNullableFormBuilder).group({
    from: [defaultBacktestPeriod().from, Validators.required],
    to: [defaultBacktestPeriod().to, Validators.required],
  });
  protected readonly busy = signal(false);
  protected readonly errorKey = signal<string | null>(null);
  protected readonly periodError = signal(false);
  protected readonly result = linkedSignal<string | null, BacktestResponse | null>({
    source: this.draftStamp,
    computation: () => null,
  });
  protected readonly rows = computed(() => {
    const result = this.result();
    return result ? backtestRows(result, this.lang()) : [];
  });
  protected readonly ruleNames = computed(() => new Map(this.rows().map((row) => [row.ruleId, row.name])));
  protected readonly signed = signed;
  protected readonly pick = pick;

  protected run(): void {
    if (this.busy()) return;
    const { from, to } = this.period.getRawValue();
    if (!from || !to || from > to) {
      this.periodError.set(true);
      return;
    }
    this.periodError.set(false);
    this.busy.set(true);
    this.errorKey.set(null);
    this.api.backtest(this.slug(), from, to).subscribe({
      next: (result) => {
        this.busy.set(false);
        this.result.set(result);
      },
      error: (error: unknown) => {
        this.busy.set(false);
        this.errorKey.set(problemMessageKey(toProblem(error)));
      },
    });
  }
}
