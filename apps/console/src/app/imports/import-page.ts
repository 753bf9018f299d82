import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import type {
  ImportCommitResponse,
  ImportMapping,
  ImportPreviewResponse,
  ImportUploadResponse,
} from '@kotizo/contracts';
import type { Observable } from 'rxjs';
import { CooperativeDetails } from '../cooperative/cooperative-details';
import { problemMessageKey, toProblem } from '../core/http/problem';
import { ConfirmDialog, type ConfirmDialogData, type ConfirmDialogResult } from '../core/ui/confirm-dialog';
import { ImportMappingForm } from './import-mapping-form';
import { ImportPreviewPanel } from './import-preview-panel';
import { ImportsApi } from './imports-api';

/** Refusals of the imports API that say more than their status does. */
const REFUSALS: Record<string, string> = {
  import_content_gone: 'imports.refusals.contentGone',
  import_has_rejected_rows: 'imports.refusals.hasRejectedRows',
  invalid_csv: 'imports.refusals.invalidCsv',
  file_too_large: 'imports.refusals.tooLarge',
  upload_interrupted: 'imports.refusals.interrupted',
  mapping_columns_missing: 'imports.refusals.columnsMissing',
};

/**
 * `/c/:slug/imports`: a CSV file of movements, uploaded, mapped, previewed and then recorded
 * all at once. Each step opens when the one before it is done; a new file starts over.
 */
@Component({
  selector: 'kz-import-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    MatButtonModule,
    MatCardModule,
    MatIconModule,
    MatProgressBarModule,
    RouterLink,
    TranslocoPipe,
    ImportMappingForm,
    ImportPreviewPanel,
  ],
  templateUrl: './import-page.html',
  styleUrl: './import-page.scss',
})
export class ImportPage {
  /** From the route, bound by the router. */
  readonly slug = input.required<string>();

  private readonly api = inject(ImportsApi);
  private readonly dialog = inject(MatDialog);
  protected readonly currency = inject(CooperativeDetails).currency;

  protected readonly busy = signal(false);
  protected readonly errorKey = signal<string | null>(null);
  /** The API's own words on a refusal (in our language), e.g. which line cannot be read. */
  protected readonly errorDetail = signal<string | null>(null);
  protected readonly upload = signal<ImportUploadResponse | null>(null);
  /** The mapping the preview on screen was made with: the one a commit sends. */
  private readonly mapping = signal<ImportMapping | null>(null);
  protected readonly preview = signal<ImportPreviewResponse | null>(null);
  protected readonly result = signal<ImportCommitResponse | null>(null);
  /** A tab shows as nothing: it gets a word. */
  protected readonly tabDelimited = computed(() => this.upload()?.delimiter === '\t');

  protected choose(event: Event): void {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    input.value = ''; // the same file may be chosen again
    if (!file || this.busy()) return;
    this.upload.set(null);
    this.reset();
    this.run(this.api.upload(this.slug(), file), (upload) => this.upload.set(upload));
  }

  protected previewWith(mapping: ImportMapping): void {
    const upload = this.upload();
    if (!upload || this.busy()) return;
    this.reset();
    this.run(this.api.preview(this.slug(), upload.id, mapping), (preview) => {
      this.mapping.set(mapping);
      this.preview.set(preview);
    });
  }

  protected confirmCommit(): void {
    const upload = this.upload();
    const preview = this.preview();
    const mapping = this.mapping();
    if (!upload || !preview?.committable || !mapping || this.busy()) return;
    const data: ConfirmDialogData = {
      titleKey: 'imports.confirm.title',
      messageKey: 'imports.confirm.message',
      confirmKey: 'imports.confirm.confirm',
      params: { count: String(preview.valid), duplicates: String(preview.duplicates) },
    };
    this.dialog
      .open<ConfirmDialog, ConfirmDialogData, ConfirmDialogResult>(ConfirmDialog, { data })
      .afterClosed()
      .subscribe((confirmed) => {
        if (confirmed) this.run(this.api.commit(this.slug(), upload.id, mapping), (r) => this.result.set(r));
      });
  }

  protected startOver(): void {
    this.upload.set(null);
    this.reset();
  }

  private reset(): void {
    this.errorKey.set(null);
    this.errorDetail.set(null);
    this.mapping.set(null);
    this.preview.set(null);
    this.result.set(null);
  }

  private run<T>(call: Observable<T>, done: (value: T) => void): void {
    this.busy.set(true);
    this.errorKey.set(null);
    this.errorDetail.set(null);
    call.subscribe({
      next: (value) => {
        this.busy.set(false);
        done(value);
      },
      error: (error: unknown) => {
        this.busy.set(false);
        const problem = toProblem(error);
        this.errorKey.set(REFUSALS[problem.code] ?? problemMessageKey(problem));
        this.errorDetail.set(problem.detail ?? null);
      },
    });
  }
}
