import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { CooperativeDetails } from '../cooperative/cooperative-details';
import { AbilityService } from '../core/abilities/ability.service';
import { FileDownload } from '../core/export/download';
import { problemMessageKey, toProblem } from '../core/http/problem';
import { AssistantApi, type ReportLocale } from './assistant-api';
import { type MonthlyReport, monthLabel, recentMonths, shiftMonth } from './monthly-report';
import { MonthlyReportView } from './monthly-report-view';

/** `rapport-mensuel-femmes-bouake-2026-10.csv`, `monthly-report-…` in English. */
export function csvFileName(slug: string, month: string, locale: ReportLocale): string {
  return `${locale === 'fr' ? 'rapport-mensuel' : 'monthly-report'}-${slug}-${month}.csv`;
}

/**
 * The monthly report on demand: a month (the last complete one by default), the report with
 * its figures and narrative, and the same as a CSV file or a page to print.
 */
@Component({
  selector: 'kz-monthly-report-panel',
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
    MonthlyReportView,
  ],
  styles: `
    .pick {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px 12px;
    }
    .pick mat-form-field {
      flex: 1 1 200px;
      max-width: 280px;
    }
    .outputs {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
      margin-top: 12px;
    }
    button,
    a[mat-stroked-button] {
      min-height: 44px;
    }
    .title {
      font: var(--mat-sys-title-medium);
      margin: 16px 0 0;
    }
    @media (max-width: 599.98px) {
      .pick mat-form-field {
        max-width: none;
      }
      .pick button,
      .outputs > * {
        flex: 1 1 100%;
      }
    }
  `,
  template: `
    <form class="pick" [formGroup]="form" (ngSubmit)="generate()" novalidate>
      <mat-form-field subscriptSizing="dynamic">
        <mat-label>{{ 'agent.report.month' | transloco }}</mat-label>
        <select matNativeControl [formControl]="month" data-testid="monthly-report-month">
          @for (m of months(); track m) {
            <option [value]="m">{{ label(m) }}</option>
          }
        </select>
      </mat-form-field>
      <button mat-flat-button type="submit" [disabled]="busy()" data-testid="monthly-report-generate">
        <mat-icon svgIcon="list" />
        {{ 'agent.report.generate' | transloco }}
      </button>
    </form>
    @if (busy()) {
      <mat-progress-bar mode="indeterminate" />
    }
    @if (errorKey(); as key) {
      <p class="kz-error-box" role="alert" data-testid="monthly-report-error">{{ key | transloco }}</p>
    }
    @if (report(); as r) {
      <h3 class="title" data-testid="monthly-report-title">
        {{ 'agent.report.title' | transloco: { month: label(r.month), name: r.cooperative.name } }}
      </h3>
      <div class="outputs">
        @if (canExport()) {
          <button
            mat-stroked-button
            type="button"
            [disabled]="downloading()"
            (click)="downloadCsv(r)"
            data-testid="monthly-report-csv"
          >
            <mat-icon svgIcon="download" />
            {{ 'agent.report.csv' | transloco }}
          </button>
        }
        <a
          mat-stroked-button
          [routerLink]="['/c', slug(), 'assistant', 'report', r.month]"
          data-testid="monthly-report-print"
        >
          <mat-icon svgIcon="print" />
          {{ 'agent.report.printable' | transloco }}
        </a>
      </div>
      <kz-monthly-report-view [slug]="slug()" [report]="r" [lang]="lang()" data-testid="monthly-report" />
    }
  `,
})
export class MonthlyReportPanel {
  readonly slug = input.required<string>();
  readonly lang = input.required<string>();

  private readonly api = inject(AssistantApi);
  private readonly files = inject(FileDownload);
  private readonly abilities = inject(AbilityService);
  private readonly details = inject(CooperativeDetails);

  protected readonly canExport = computed(() => this.abilities.can('export', 'Report'));
  protected readonly months = computed(() => recentMonths(this.details.today()));
  /** The last complete month: what a monthly meeting looks back on. */
  protected readonly month = new FormControl(shiftMonth(this.details.today().slice(0, 7), -1), { nonNullable: true });
  protected readonly form = new FormGroup({ month: this.month });

  protected readonly busy = signal(false);
  protected readonly downloading = signal(false);
  protected readonly errorKey = signal<string | null>(null);
  protected readonly report = signal<MonthlyReport | null>(null);

  protected label(month: string): string {
    return monthLabel(month, this.lang());
  }

  protected generate(): void {
    if (this.busy()) return;
    this.busy.set(true);
    this.errorKey.set(null);
    this.api.monthlyReport(this.slug(), this.month.value, this.locale()).subscribe({
      next: (report) => {
        this.busy.set(false);
        this.report.set(report);
      },
      error: (error: unknown) => {
        this.busy.set(false);
        this.errorKey.set(problemMessageKey(toProblem(error)));
      },
    });
  }

  protected downloadCsv(report: MonthlyReport): void {
    const locale = report.locale;
    this.downloading.set(true);
    this.api.monthlyReportCsv(this.slug(), report.month, locale).subscribe({
      next: (csv) => {
        this.downloading.set(false);
        // The API's byte order mark does not survive decoding as text: put it back for Excel.
        const content = csv.startsWith('\uFEFF') ? csv : `\uFEFF${csv}`;
        this.files.save(csvFileName(this.slug(), report.month, locale), content, 'text/csv;charset=utf-8');
      },
      error: (error: unknown) => {
        this.downloading.set(false);
        this.errorKey.set(problemMessageKey(toProblem(error)));
      },
    });
  }

  private locale(): ReportLocale {
    return this.lang() === 'en' ? 'en' : 'fr';
  }
}
