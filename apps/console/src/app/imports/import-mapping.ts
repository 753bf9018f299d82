import type { DATE_FORMATS, IMPORT_FIELDS, IMPORTABLE_KINDS, ImportMapping } from '@kotizo/contracts';
import type { Channel, ExpenseCategory } from '../ledger/transaction-kinds';

// Types only from the contracts (their values would pull zod into the bundle); the records
// below must name every value of each contract type, so the lists cannot drift from the API.
export type ImportField = (typeof IMPORT_FIELDS)[number];
export type ImportableKind = (typeof IMPORTABLE_KINDS)[number];
export type DateFormat = (typeof DATE_FORMATS)[number];

const fields: Record<ImportField, true> = {
  date: true,
  amount: true,
  kind: true,
  memberNumber: true,
  phone: true,
  channel: true,
  reference: true,
  memo: true,
  category: true,
};
const kinds: Record<ImportableKind, true> = { contribution: true, penalty: true, income: true, expense: true };
const dateFormats: Record<DateFormat, true> = {
  'YYYY-MM-DD': true,
  'DD/MM/YYYY': true,
  'DD-MM-YYYY': true,
  'DD.MM.YYYY': true,
};

export const IMPORT_FIELD_VALUES = Object.keys(fields) as ImportField[];
export const IMPORTABLE_KIND_VALUES = Object.keys(kinds) as ImportableKind[];
export const DATE_FORMAT_VALUES = Object.keys(dateFormats) as DateFormat[];
/** The columns every file must have; the others may be left unmapped. */
export const REQUIRED_FIELDS: readonly ImportField[] = ['date', 'amount'];

/** What the mapping form holds: `''` for a column left unmapped or a default not given. */
export interface MappingFormValue {
  columns: Record<ImportField, string>;
  defaults: { kind: ImportableKind | ''; channel: Channel | ''; category: ExpenseCategory | '' };
  dateFormat: DateFormat;
}

export function emptyMappingForm(): MappingFormValue {
  const columns = Object.fromEntries(IMPORT_FIELD_VALUES.map((f) => [f, ''])) as Record<ImportField, string>;
  return { columns, defaults: { kind: '', channel: '', category: '' }, dateFormat: 'YYYY-MM-DD' };
}

/** A mapping (the API's suggestion) as the form shows it. */
export function toMappingForm(mapping: ImportMapping): MappingFormValue {
  const form = emptyMappingForm();
  for (const field of IMPORT_FIELD_VALUES) form.columns[field] = mapping.columns[field] ?? '';
  form.defaults = {
    kind: mapping.defaults?.kind ?? '',
    channel: mapping.defaults?.channel ?? '',
    category: (mapping.defaults?.category ?? '') as ExpenseCategory | '',
  };
  form.dateFormat = mapping.dateFormat ?? 'YYYY-MM-DD';
  return form;
}

/** The mapping the API takes: unmapped columns and defaults not given are left out. */
export function toImportMapping(value: MappingFormValue): ImportMapping {
  const columns: Record<string, string> = {};
  for (const field of IMPORT_FIELD_VALUES) if (value.columns[field]) columns[field] = value.columns[field];
  const defaults = Object.fromEntries(Object.entries(value.defaults).filter(([, v]) => v !== ''));
  return {
    columns: columns as ImportMapping['columns'],
    ...(Object.keys(defaults).length ? { defaults } : {}),
    dateFormat: value.dateFormat,
  };
}

/** What the form still lacks, as the API's refinements say it (kind and channel: a column or a default). */
export function missingMapping(value: MappingFormValue): ('kind' | 'channel')[] {
  const missing: ('kind' | 'channel')[] = [];
  if (!value.columns.kind && !value.defaults.kind) missing.push('kind');
  if (!value.columns.channel && !value.defaults.channel) missing.push('channel');
  return missing;
}
