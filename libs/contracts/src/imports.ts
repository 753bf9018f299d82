import { z } from 'zod';
import { CHANNELS } from './ledger.js';

export const IMPORT_FIELDS = [
  'date',
  'amount',
  'kind',
  'memberNumber',
  'phone',
  'channel',
  'reference',
  'memo',
  'category',
] as const;
export const IMPORTABLE_KINDS = ['contribution', 'penalty', 'income', 'expense'] as const;
export const DATE_FORMATS = ['YYYY-MM-DD', 'DD/MM/YYYY', 'DD-MM-YYYY', 'DD.MM.YYYY'] as const;

const column = z.string().min(1).max(100);

/**
 * How the columns of a file become ledger entries: each field is read from a
 * column, or (kind and channel) given once for the whole file. A member is
 * found by member number or by phone.
 */
export const importMapping = z
  .strictObject({
    columns: z.strictObject({
      date: column,
      amount: column,
      kind: column.optional(),
      memberNumber: column.optional(),
      phone: column.optional(),
      channel: column.optional(),
      reference: column.optional(),
      memo: column.optional(),
      category: column.optional(),
    }),
    defaults: z
      .strictObject({
        kind: z.enum(IMPORTABLE_KINDS).optional(),
        channel: z.enum(CHANNELS).optional(),
        category: z.string().max(40).optional(),
      })
      .default({}),
    dateFormat: z.enum(DATE_FORMATS).default('YYYY-MM-DD'),
  })
  .refine((m) => m.columns.kind !== undefined || m.defaults.kind !== undefined, {
    message: 'map a kind column or give a kind for every row',
    path: ['defaults', 'kind'],
  })
  .refine((m) => m.columns.channel !== undefined || m.defaults.channel !== undefined, {
    message: 'map a channel column or give a channel for every row',
    path: ['defaults', 'channel'],
  });
export type ImportMapping = z.input<typeof importMapping>;
export type ImportMappingParsed = z.output<typeof importMapping>;

export const importMappingRequest = z.strictObject({ mapping: importMapping });
export type ImportMappingRequest = z.input<typeof importMappingRequest>;

export interface ImportUploadResponse {
  id: string;
  fileName: string | null;
  encoding: 'utf-8' | 'windows-1252';
  delimiter: string;
  headers: string[];
  sample: string[][];
  rows: number;
  /** The same file (byte for byte) was already committed: importing it adds nothing. */
  alreadyImported: boolean;
  suggestedMapping: ImportMapping | null;
}

export interface RejectedRow {
  line: number;
  /** Why, field by field: a stable code and its params (as a problem's field errors), worded in the request's language. */
  errors: {
    field: string;
    /** Stable machine code (`in_future`, `no_member_number`…), for clients that word it themselves. */
    code?: string;
    /** The values the message speaks of, e.g. `{ number: '99' }` for `no_member_number`. */
    params?: Record<string, string | number | boolean>;
    message: string;
  }[];
}

export interface ImportPreviewResponse {
  id: string;
  rows: number;
  valid: number;
  duplicates: number;
  rejected: RejectedRow[];
  totals: Record<string, { count: number; amount: number }>;
  committable: boolean;
}

export interface ImportCommitResponse {
  id: string;
  imported: number;
  skippedDuplicates: number;
}

/** Our template's columns, in order; a file with this header maps itself. */
export const TEMPLATE_HEADERS = ['date', 'member_number', 'kind', 'amount', 'channel', 'reference', 'memo'] as const;
