import type { FederationCooperativeRow, FederationExportQuery } from '@kotizo/contracts';
import { localDate } from '@kotizo/domain';
import { amountCell, decimalMarkFor, percentCell, signedAmountCell } from '../reports/csv-cells.js';
import type { CsvCell, CsvFile } from '../reports/csv-export.js';
import type { OverviewService } from './overview.service.js';

const COLUMNS = [
  'risk_rank',
  'slug',
  'name',
  'status',
  'currency',
  'par30_percent',
  'open_critical_cases',
  'late_dues',
  'members_late',
  'late_dues_amount',
  'outstanding',
  'at_risk_30',
  'active_loans',
  'late_loans',
  'cash',
  'contributions',
  'loans_disbursed',
  'repayments',
  'expenses',
  'penalties',
  'income',
  'movements',
  'last_movement_on',
  'members_active',
  'members_suspended',
  'members_exited',
  'open_high_cases',
  'open_medium_cases',
  'open_low_cases',
  'standing_as_of',
] as const;

/**
 * The federation overview as CSV, one row per cooperative in the order
 * asked (risk by default). Each row's amounts are in its own currency.
 * Standing columns stay empty for a cooperative not yet refreshed.
 */
export function overviewFile(overview: OverviewService, query: FederationExportQuery): CsvFile {
  const delimiter = query.delimiter ?? ';';
  const mark = decimalMarkFor(delimiter);
  return {
    filename: `federation-overview-${localDate(new Date(), 'UTC')}`,
    delimiter,
    columns: COLUMNS,
    rows: rows(overview.all({ q: query.q, status: query.status, sort: query.sort }), mark),
  };
}

async function* rows(source: AsyncIterable<FederationCooperativeRow>, mark: ',' | '.'): AsyncGenerator<CsvCell[]> {
  for await (const c of source) {
    const money = (minor: number | undefined) =>
      minor === undefined ? null : amountCell(minor, c.currencyDigits, mark);
    const s = c.standing;
    const t = c.totals;
    yield [
      c.riskRank,
      c.slug,
      c.name,
      c.status,
      c.currency,
      s ? percentCell(s.portfolio.par30BasisPoints, mark) : null,
      s?.openCases.critical ?? null,
      s?.lateDues.periods ?? null,
      s?.lateDues.members ?? null,
      money(s?.lateDues.amount),
      money(s?.portfolio.outstanding),
      money(s?.portfolio.atRisk30),
      s?.portfolio.activeLoans ?? null,
      s?.portfolio.lateLoans ?? null,
      // Cash can be negative (more spent than held): a signed number cell, still a number in the spreadsheet.
      signedAmountCell(t.cash, c.currencyDigits, mark),
      money(t.contributions),
      money(t.loansDisbursed),
      money(t.repayments),
      money(t.expenses),
      money(t.penalties),
      money(t.income),
      t.movements,
      t.lastMovementOn,
      s?.members.active ?? null,
      s?.members.suspended ?? null,
      s?.members.exited ?? null,
      s?.openCases.high ?? null,
      s?.openCases.medium ?? null,
      s?.openCases.low ?? null,
      s?.asOf ?? null,
    ];
  }
}
