import { z } from 'zod';
import type { Severity } from '@kotizo/rules-engine';
import { isoDateField } from './members.js';

/*
 * Dashboards, CSV exports and the federation overview. Every amount is an
 * integer in the currency's minor unit (XOF: 1 = 1 FCFA; EUR: 150 = 1,50 EUR),
 * with `currency` and `currencyDigits` beside it for formatting.
 */

export const DASHBOARD_GRANULARITIES = ['week', 'month'] as const;
export type DashboardGranularity = (typeof DASHBOARD_GRANULARITIES)[number];

/** `;` suits French spreadsheets (and writes decimals with a comma); `,` writes them with a point. */
export const CSV_DELIMITERS = [';', ','] as const;
export type CsvDelimiter = (typeof CSV_DELIMITERS)[number];

/** The longest period a dashboard or an export covers. */
export const MAX_PERIOD_DAYS = 3_660;

const period = {
  /** First day of the period, in the cooperative's calendar. Default: the first day of the month 11 months before `to`. */
  from: isoDateField.optional(),
  /** Last day of the period, included. Default: today in the cooperative's zone. */
  to: isoDateField.optional(),
};
const fromNotAfterTo = {
  check: (v: { from?: string; to?: string }) => !v.from || !v.to || v.from <= v.to,
  issue: { message: 'must be on or before to', path: ['from'] },
};
const delimiter = z.enum(CSV_DELIMITERS, { message: 'must be ; or ,' }).optional();

export const dashboardQuery = z
  .strictObject({
    ...period,
    /** Buckets of the series: ISO weeks (Monday to Sunday) or calendar months. Default: month. */
    granularity: z.enum(DASHBOARD_GRANULARITIES, { message: 'must be week or month' }).optional(),
  })
  .refine(fromNotAfterTo.check, fromNotAfterTo.issue);
export type DashboardQuery = z.output<typeof dashboardQuery>;

/** Exports of things that have no period (members, loans, dues, cases). */
export const exportQuery = z.strictObject({ delimiter });
export type ExportQuery = z.output<typeof exportQuery>;

export const movementsExportQuery = z
  .strictObject({ ...period, delimiter })
  .refine(fromNotAfterTo.check, fromNotAfterTo.issue);
export type MovementsExportQuery = z.output<typeof movementsExportQuery>;

/**
 * A member's statement. Default `from`: the member's first day in the books
 * (whole history); default `to`: today. What came before `from` is the
 * opening balance, so any period gives the same closing balance.
 */
export const memberStatementQuery = z
  .strictObject({ from: isoDateField.optional(), to: isoDateField.optional(), delimiter })
  .refine(fromNotAfterTo.check, fromNotAfterTo.issue);
export type MemberStatementQuery = z.output<typeof memberStatementQuery>;

export interface DashboardPeriod {
  from: string;
  to: string;
  granularity: DashboardGranularity;
}

/** Net amounts of the period per kind: entries minus the reversals recorded in the period. */
export interface DashboardTotals {
  contributions: number;
  loansDisbursed: number;
  repayments: number;
  expenses: number;
  /** Penalties recorded as movements (fines); penalties paid inside loan repayments count in repayments. */
  penalties: number;
  income: number;
  /** Net effect on cash of adjustments (in minus out). */
  adjustments: number;
  /** Outstanding principal of the loans written off in the period (no money moves on a write-off). */
  writeOffs: number;
  loansWrittenOff: number;
  /** Movements recorded in the period, and reversals among them. */
  entries: number;
  reversals: number;
}

/** Current state of the loan book, as of `asOf` (today), whatever the period. */
export interface DashboardPortfolio {
  /** Outstanding principal of running loans (written-off loans are out of the portfolio). */
  outstanding: number;
  /** Outstanding principal of running loans more than 30 days past due. */
  atRisk30: number;
  /** atRisk30 / outstanding, in basis points (10,000 = 100 %), rounded half up. */
  par30BasisPoints: number;
  activeLoans: number;
  /** Running loans with an installment past its due date and not settled. */
  lateLoans: number;
}

export interface DashboardMembers {
  active: number;
  suspended: number;
  exited: number;
}

export interface DashboardBucket {
  /** First and last day of the bucket within the period (the first and last buckets are cut to the period). */
  start: string;
  end: string;
  contributions: number;
  loansDisbursed: number;
  repayments: number;
  expenses: number;
  penalties: number;
  income: number;
  /** Cash balance at the end of the bucket. */
  cash: number;
}

export interface DashboardExpenseCategory {
  category: string;
  amount: number;
  /** Expenses recorded in the period in this category (reversals not counted). */
  entries: number;
}

export interface DashboardSeverity {
  severity: Severity;
  /** Cases open or under investigation whose severity is this one. */
  openCases: number;
  /** Findings of this severity in those open cases. */
  findings: number;
}

export interface DashboardResponse {
  currency: string;
  /** Digits after the decimal point in the currency (XOF 0, EUR 2). */
  currencyDigits: number;
  /** Today in the cooperative's calendar: the date of the portfolio, members and cases figures. */
  asOf: string;
  period: DashboardPeriod;
  totals: DashboardTotals;
  /** Cash balance at the end of the day before the period, and at the end of its last day. */
  cash: { opening: number; closing: number };
  portfolio: DashboardPortfolio;
  members: DashboardMembers;
  /** Every bucket of the period, empty ones included, oldest first. */
  series: DashboardBucket[];
  /** Largest first. */
  expensesByCategory: DashboardExpenseCategory[];
  /** Low to critical, every severity present. */
  findingsBySeverity: DashboardSeverity[];
}

// ---------------------------------------------------------------- federation

export const FEDERATION_SORTS = ['risk', 'name'] as const;
export type FederationSort = (typeof FEDERATION_SORTS)[number];

const pageNumber = (fallback: number, max: number) =>
  z
    .string()
    .regex(/^\d+$/, 'must be a whole number')
    .transform(Number)
    .pipe(z.number().int().min(0).max(max))
    .optional()
    .transform((v) => v ?? fallback);

const overviewFilters = {
  q: z.string().trim().max(100).optional(),
  status: z.enum(['active', 'suspended']).optional(),
  /** risk: highest PAR30 first, then most open critical cases, then most late dues. */
  sort: z.enum(FEDERATION_SORTS, { message: 'must be risk or name' }).optional(),
};

export const federationOverviewQuery = z.strictObject({
  ...overviewFilters,
  limit: pageNumber(100, 1_000).pipe(z.number().min(1, 'must be at least 1')),
  offset: pageNumber(0, 1_000_000),
});
export type FederationOverviewQuery = z.output<typeof federationOverviewQuery>;

export const federationExportQuery = z.strictObject({ ...overviewFilters, delimiter });
export type FederationExportQuery = z.output<typeof federationExportQuery>;

/** Money since the cooperative's first movement, kept with every movement (never stale). */
export interface CooperativeTotals {
  contributions: number;
  loansDisbursed: number;
  repayments: number;
  expenses: number;
  penalties: number;
  income: number;
  adjustments: number;
  cash: number;
  movements: number;
  lastMovementOn: string | null;
}

/**
 * Figures that move with the calendar or come from members and cases, as of
 * `asOf`, refreshed by the worker every 15 minutes when something changed and
 * every day; `refreshedAt` says when.
 */
export interface CooperativeStanding {
  asOf: string;
  refreshedAt: string;
  members: DashboardMembers;
  portfolio: DashboardPortfolio;
  openCases: Record<Severity, number>;
  /** Unpaid due periods past their grace days, the members concerned and the amount still owed on them. */
  lateDues: { periods: number; members: number; amount: number };
}

export interface FederationCooperativeRow {
  cooperativeId: string;
  slug: string;
  name: string;
  status: string;
  currency: string;
  currencyDigits: number;
  /** 1 = the most at risk among the cooperatives listed (whatever the sort). */
  riskRank: number;
  totals: CooperativeTotals;
  /** Null until the worker has refreshed it once. */
  standing: CooperativeStanding | null;
}

/** Sums of the cooperatives listed that keep their books in one currency (amounts never mix currencies). */
export interface FederationCurrencyTotals {
  currency: string;
  cooperatives: number;
  totals: Omit<CooperativeTotals, 'lastMovementOn'>;
  members: DashboardMembers;
  portfolio: DashboardPortfolio;
  openCases: Record<Severity, number>;
  lateDues: { periods: number; members: number; amount: number };
}

export interface FederationOverviewResponse {
  items: FederationCooperativeRow[];
  total: number;
  limit: number;
  offset: number;
  sort: FederationSort;
  byCurrency: FederationCurrencyTotals[];
}
