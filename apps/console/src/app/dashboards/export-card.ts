import { ChangeDetectionStrategy, Component, computed, inject, input, linkedSignal, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { TranslocoPipe } from '@jsverse/transloco';
import { CSV_DELIMITERS, type CsvDelimiter } from '@kotizo/contracts';
import { AbilityService } from '../core/abilities/ability.service';
import { FileDownload } from '../core/export/download';
import { problemMessageKey, toProblem } from '../core/http/problem';
import { KzDayPipe } from '../core/ui/day.pipe';
import { DashboardsApi, EXPORT_FILES, type ExportFile, defaultDelimiter, exportUrl } from './dashboards-api';
import { provideDashboardTexts } from './dashboards-scope';

/** The query of one export: the period for the journal only, the delimiter for all. */
export function exportParams(
  file: ExportFile,
  delimiter: CsvDelimiter,
  period: { from: string; to: string } | null,
): Record<string, string> {
  return file === 'movements' && period ? { from: period.from, to: period.to, delimiter } : { delimiter };
}

/**
 * "Exporter": the journal of the period, members, loans, dues and cases as CSV files, for users
 * who may export reports (nothing at all for the others).
 */
@Component({
  selector: 'kz-export-card',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, MatCardModule, MatIconModule, MatProgressBarModule, TranslocoPipe, KzDayPipe],
  providers: [provideDashboardTexts()],
  styles: `
    .files {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
    }
    .files button {
      min-height: 44px;
    }
    .delimiter {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px;
      margin: 0 0 12px;
      border: 0;
      padding: 0;
    }
    legend {
      font: var(--mat-sys-label-large);
      padding: 0;
      margin-bottom: 4px;
    }
    label {
      display: inline-flex;
      align-items: center;
      gap: 4px;
      min-height: 44px;
      margin-right: 12px;
    }
    @media (max-width: 599.98px) {
      .files button {
        flex: 1 1 100%;
      }
    }
  `,
  template: `
    @if (canExport()) {
      <mat-card appearance="outlined" data-testid="export-card">
        <mat-card-header>
          <mat-card-title>{{ 'dashboards.export.title' | transloco }}</mat-card-title>
          @if (period(); as p) {
            <mat-card-subtitle>{{
              'dashboards.export.hint' | transloco: { from: (p.from | kzDay: lang()), to: (p.to | kzDay: lang()) }
            }}</mat-card-subtitle>
          }
        </mat-card-header>
        <mat-card-content>
          <fieldset class="delimiter">
            <legend>{{ 'dashboards.export.delimiter' | transloco }}</legend>
            @for (d of delimiters; track d) {
              <label>
                <input
                  type="radio"
                  name="export-delimiter"
                  [value]="d"
                  [checked]="delimiter() === d"
                  (change)="delimiter.set(d)"
                  [attr.data-testid]="'export-delimiter-' + (d === ';' ? 'semicolon' : 'comma')"
                />
                {{ 'dashboards.export.delimiters.' + (d === ';' ? 'semicolon' : 'comma') | transloco }}
              </label>
            }
          </fieldset>
          <div class="files">
            @for (file of files; track file) {
              <button
                mat-stroked-button
                type="button"
                [disabled]="busy() !== null"
                (click)="download(file)"
                [attr.data-testid]="'export-' + file"
              >
                <mat-icon svgIcon="download" />
                {{ 'dashboards.export.files.' + file | transloco }}
              </button>
            }
          </div>
          @if (busy()) {
            <mat-progress-bar mode="indeterminate" />
          }
          @if (errorKey(); as key) {
            <p class="kz-error-box" role="alert" data-testid="export-error">{{ key | transloco }}</p>
          }
        </mat-card-content>
      </mat-card>
    }
  `,
})
export class ExportCard {
  readonly slug = input.required<string>();
  readonly lang = input.required<string>();
  /** The period of the journal export; null for the API's default (the last 12 months). */
  readonly period = input<{ from: string; to: string } | null>(null);

  private readonly api = inject(DashboardsApi);
  private readonly files$ = inject(FileDownload);
  private readonly abilities = inject(AbilityService);

  protected readonly files = EXPORT_FILES;
  protected readonly delimiters = CSV_DELIMITERS;
  protected readonly canExport = computed(() => this.abilities.can('export', 'Report'));
  protected readonly delimiter = linkedSignal<CsvDelimiter>(() => defaultDelimiter(this.lang()));
  protected readonly busy = signal<ExportFile | null>(null);
  protected readonly errorKey = signal<string | null>(null);

  protected download(file: ExportFile): void {
    if (this.busy()) return;
    this.busy.set(file);
    this.errorKey.set(null);
    const period = this.period();
    const params = exportParams(file, this.delimiter(), period);
    const fallback = `${file}-${this.slug()}${file === 'movements' && period ? `-${period.from}-${period.to}` : ''}.csv`;
    this.api.csv(exportUrl(this.slug(), file), params, fallback).subscribe({
      next: ({ filename, content }) => {
        this.busy.set(null);
        this.files$.save(filename, content, 'text/csv;charset=utf-8');
      },
      error: (error: unknown) => {
        this.busy.set(null);
        this.errorKey.set(problemMessageKey(toProblem(error)));
      },
    });
  }
}
