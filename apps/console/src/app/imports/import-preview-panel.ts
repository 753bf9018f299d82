import { ChangeDetectionStrategy, Component, computed, inject, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { TranslocoPipe } from '@jsverse/transloco';
import type { ImportPreviewResponse } from '@kotizo/contracts';
import { Language } from '../core/i18n/language';
import { Viewport } from '../core/layout/viewport';
import { KzMoneyPipe } from '../core/money/money.pipe';
import { IMPORT_FIELD_VALUES } from './import-mapping';

/** One reason a row was refused: rows with several reasons give several lines. */
interface Refusal {
  line: number;
  /** The field's label when it is one of the mapping's fields, else as the API names it. */
  fieldKey: string | null;
  field: string;
  message: string;
}

const fieldKey = (field: string) =>
  (IMPORT_FIELD_VALUES as readonly string[]).includes(field) ? `imports.field.${field}` : null;

/**
 * Step 3: what the import would record, what it skips and what it refuses. Importing is offered
 * only when no row is refused (the API records every row or none).
 */
@Component({
  selector: 'kz-import-preview-panel',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, TranslocoPipe, KzMoneyPipe],
  templateUrl: './import-preview-panel.html',
  styleUrl: './import-preview-panel.scss',
})
export class ImportPreviewPanel {
  readonly preview = input.required<ImportPreviewResponse>();
  readonly currency = input.required<string>();
  readonly busy = input(false);
  readonly commit = output<void>();

  protected readonly lang = inject(Language).current;
  protected readonly handset = inject(Viewport).handset;

  /** Every row not valid nor a duplicate; the API lists only the first 1,000 of them. */
  protected readonly rejectedCount = computed(() => {
    const p = this.preview();
    return Math.max(p.rows - p.valid - p.duplicates, p.rejected.length);
  });
  protected readonly truncated = computed(() => this.rejectedCount() > this.preview().rejected.length);
  protected readonly totals = computed(() =>
    Object.entries(this.preview().totals).map(([kind, total]) => ({ kind, ...total })),
  );
  protected readonly refusals = computed<Refusal[]>(() =>
    this.preview().rejected.flatMap((row) =>
      row.errors.map((e) => ({ line: row.line, fieldKey: fieldKey(e.field), field: e.field, message: e.message })),
    ),
  );
}
