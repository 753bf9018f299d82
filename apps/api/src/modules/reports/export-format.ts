import type { CsvDelimiter } from '@kotizo/contracts';
import { localDate, minorUnitDigits } from '@kotizo/domain';
import type { TenantContext } from '../../platform/tenancy/tenant-context.js';
import { amountCell, decimalMarkFor } from './csv-cells.js';

/** How one export writes its cells: the delimiter, the money format and today's date, all the cooperative's. */
export interface ExportFormat {
  delimiter: CsvDelimiter;
  mark: ',' | '.';
  money: (minor: number) => string;
  today: string;
}

/** The delimiter asked for, or the one the cooperative's spreadsheets expect (`;` in French, else `,`). */
export function exportFormat(tenant: TenantContext, asked: CsvDelimiter | undefined): ExportFormat {
  const delimiter = asked ?? (tenant.locale.startsWith('fr') ? ';' : ',');
  const mark = decimalMarkFor(delimiter);
  const digits = minorUnitDigits(tenant.currency);
  return {
    delimiter,
    mark,
    money: (minor) => amountCell(minor, digits, mark),
    today: localDate(new Date(), tenant.timeZone),
  };
}

/** Rows for the export sizes we read per transaction: large enough to amortise a round trip, small in memory. */
export const EXPORT_BATCH = 2_000;
