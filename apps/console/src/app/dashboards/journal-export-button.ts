import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { TranslocoPipe } from '@jsverse/transloco';
import { AbilityService } from '../core/abilities/ability.service';
import { FileDownload } from '../core/export/download';
import { problemMessageKey, toProblem } from '../core/http/problem';
import { DashboardsApi, defaultDelimiter, exportUrl } from './dashboards-api';
import { provideDashboardTexts } from './dashboards-scope';

/**
 * The journal's "Exporter" button: the movements of the dates filtered (the API's default, the
 * last 12 months, without), as CSV with the interface language's delimiter. Other filters (kind,
 * member) do not apply to the file. Nothing for users who may not export reports.
 */
@Component({
  selector: 'kz-journal-export-button',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, MatIconModule, TranslocoPipe],
  providers: [provideDashboardTexts()],
  styles: `
    button {
      min-height: 44px;
    }
  `,
  template: `
    @if (canExport()) {
      <button
        mat-stroked-button
        type="button"
        [disabled]="busy()"
        (click)="download()"
        [attr.title]="'dashboards.export.journalHint' | transloco"
        data-testid="journal-export"
      >
        <mat-icon svgIcon="download" />
        {{ 'dashboards.export.title' | transloco }}
      </button>
      @if (errorKey(); as key) {
        <p class="kz-error-box" role="alert" data-testid="journal-export-error">{{ key | transloco }}</p>
      }
    }
  `,
})
export class JournalExportButton {
  readonly slug = input.required<string>();
  readonly lang = input.required<string>();
  /** The journal's date filters, `YYYY-MM-DD` or empty. */
  readonly from = input('');
  readonly to = input('');

  private readonly api = inject(DashboardsApi);
  private readonly files = inject(FileDownload);
  private readonly abilities = inject(AbilityService);

  protected readonly canExport = computed(() => this.abilities.can('export', 'Report'));
  protected readonly busy = signal(false);
  protected readonly errorKey = signal<string | null>(null);

  protected download(): void {
    if (this.busy()) return;
    this.busy.set(true);
    this.errorKey.set(null);
    const params: Record<string, string> = { delimiter: defaultDelimiter(this.lang()) };
    if (this.from()) params['from'] = this.from();
    if (this.to()) params['to'] = this.to();
    this.api.csv(exportUrl(this.slug(), 'movements'), params, `movements-${this.slug()}.csv`).subscribe({
      next: ({ filename, content }) => {
        this.busy.set(false);
        this.files.save(filename, content, 'text/csv;charset=utf-8');
      },
      error: (error: unknown) => {
        this.busy.set(false);
        this.errorKey.set(problemMessageKey(toProblem(error)));
      },
    });
  }
}
