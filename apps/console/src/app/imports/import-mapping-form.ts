import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  output,
  signal,
  untracked,
} from '@angular/core';
import {
  type AbstractControl,
  type FormControl,
  NonNullableFormBuilder,
  ReactiveFormsModule,
  type ValidationErrors,
  Validators,
} from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { TranslocoPipe } from '@jsverse/transloco';
import type { ImportMapping, ImportUploadResponse } from '@kotizo/contracts';
import {
  CHANNEL_VALUES,
  type Channel,
  EXPENSE_CATEGORY_VALUES,
  type ExpenseCategory,
} from '../ledger/transaction-kinds';
import {
  DATE_FORMAT_VALUES,
  type DateFormat,
  IMPORT_FIELD_VALUES,
  IMPORTABLE_KIND_VALUES,
  type ImportField,
  type ImportableKind,
  type MappingFormValue,
  REQUIRED_FIELDS,
  emptyMappingForm,
  missingMapping,
  toImportMapping,
  toMappingForm,
} from './import-mapping';

/** Kind and channel come from a column or are given once for every row (the API's refinements). */
function kindAndChannel(group: AbstractControl): ValidationErrors | null {
  const missing = missingMapping(group.getRawValue() as MappingFormValue);
  return missing.length ? { missing } : null;
}

/**
 * Step 2: which column of the file feeds which field. A file in our template comes with the
 * API's mapping already applied; any other file needs its columns chosen before a preview.
 */
@Component({
  selector: 'kz-import-mapping-form',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, MatButtonModule, MatFormFieldModule, MatInputModule, TranslocoPipe],
  templateUrl: './import-mapping-form.html',
  styleUrl: './import-mapping-form.scss',
})
export class ImportMappingForm {
  readonly upload = input.required<ImportUploadResponse>();
  readonly busy = input(false);
  /** The mapping to preview the file with. */
  readonly submitted = output<ImportMapping>();

  protected readonly fields = IMPORT_FIELD_VALUES;
  protected readonly kinds = IMPORTABLE_KIND_VALUES;
  protected readonly channels = CHANNEL_VALUES;
  protected readonly categories = EXPENSE_CATEGORY_VALUES;
  protected readonly dateFormats = DATE_FORMAT_VALUES;
  protected readonly required = (field: ImportField) => REQUIRED_FIELDS.includes(field);
  protected readonly suggested = computed(() => this.upload().suggestedMapping !== null);
  protected readonly headers = computed(() => this.upload().headers);
  protected readonly missing = signal<('kind' | 'channel')[]>([]);

  private readonly fb = inject(NonNullableFormBuilder);
  protected readonly form = this.fb.group(
    {
      columns: this.fb.group(
        Object.fromEntries(
          IMPORT_FIELD_VALUES.map((f) => [f, this.fb.control('', this.required(f) ? Validators.required : [])]),
        ) as Record<ImportField, FormControl<string>>,
      ),
      defaults: this.fb.group({
        kind: this.fb.control<ImportableKind | ''>(''),
        channel: this.fb.control<Channel | ''>(''),
        category: this.fb.control<ExpenseCategory | ''>(''),
      }),
      dateFormat: this.fb.control<DateFormat>('YYYY-MM-DD'),
    },
    { validators: kindAndChannel },
  );

  constructor() {
    // Each new file starts from the API's suggestion, or from nothing mapped.
    effect(() => {
      const suggestion = this.upload().suggestedMapping;
      untracked(() => {
        this.form.setValue(suggestion ? toMappingForm(suggestion) : emptyMappingForm());
        this.missing.set([]);
      });
    });
  }

  protected submit(): void {
    if (this.busy()) return;
    const value = this.form.getRawValue();
    this.missing.set(missingMapping(value));
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.submitted.emit(toImportMapping(value));
  }
}
