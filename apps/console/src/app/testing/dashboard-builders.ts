import type { DashboardResponse, FederationCooperativeRow, FederationOverviewResponse } from '@kotizo/contracts';

/** Three months of a cooperative keeping its books in XOF, with a late loan and open cases. */
export function aDashboard(overrides: Partial<DashboardResponse> = {}): DashboardResponse {
  const bucket = (
    start: string,
    end: string,
    contributions: number,
    loansDisbursed: number,
    repayments: number,
    cash: number,
  ) => ({
    start,
    end,
    contributions,
    loansDisbursed,
    repayments,
    expenses: 0,
    penalties: 0,
    income: 0,
    cash,
  });
  return {
    currency: 'XOF',
    currencyDigits: 0,
    asOf: '2026-11-25',
    period: { from: '2026-09-01', to: '2026-11-25', granularity: 'month' },
    totals: {
      contributions: 450_000,
      loansDisbursed: 200_000,
      repayments: 75_000,
      expenses: 32_500,
      penalties: 2_000,
      income: 10_000,
      adjustments: 0,
      writeOffs: 0,
      loansWrittenOff: 0,
      entries: 40,
      reversals: 1,
    },
    cash: { opening: 1_000_000, closing: 1_304_500 },
    portfolio: { outstanding: 500_000, atRisk30: 62_500, par30BasisPoints: 1_250, activeLoans: 4, lateLoans: 1 },
    members: { active: 28, suspended: 2, exited: 1 },
    series: [
      bucket('2026-09-01', '2026-09-30', 150_000, 200_000, 0, 1_100_000),
      bucket('2026-10-01', '2026-10-31', 120_000, 0, 50_000, 1_250_000),
      bucket('2026-11-01', '2026-11-25', 180_000, 0, 25_000, 1_304_500),
    ],
    expensesByCategory: [
      { category: 'transport', amount: 20_000, entries: 3 },
      { category: 'supplies', amount: 12_500, entries: 2 },
    ],
    findingsBySeverity: [
      { severity: 'low', openCases: 0, findings: 0 },
      { severity: 'medium', openCases: 2, findings: 3 },
      { severity: 'high', openCases: 1, findings: 1 },
      { severity: 'critical', openCases: 1, findings: 2 },
    ],
    ...overrides,
  };
}

export function aFederationRow(overrides: Partial<FederationCooperativeRow> = {}): FederationCooperativeRow {
  return {
    cooperativeId: 'c-1',
    slug: 'femmes-bouake',
    name: 'Femmes de Bouaké',
    status: 'active',
    currency: 'XOF',
    currencyDigits: 0,
    riskRank: 1,
    totals: {
      contributions: 900_000,
      loansDisbursed: 300_000,
      repayments: 100_000,
      expenses: 50_000,
      penalties: 0,
      income: 0,
      adjustments: 0,
      cash: 650_000,
      movements: 120,
      lastMovementOn: '2026-11-24',
    },
    standing: {
      asOf: '2026-11-25',
      refreshedAt: '2026-11-25T10:00:00.000Z',
      members: { active: 30, suspended: 1, exited: 0 },
      portfolio: { outstanding: 200_000, atRisk30: 50_000, par30BasisPoints: 2_500, activeLoans: 3, lateLoans: 1 },
      openCases: { low: 0, medium: 1, high: 0, critical: 2 },
      lateDues: { periods: 4, members: 2, amount: 20_000 },
    },
    ...overrides,
  };
}

export function anOverview(overrides: Partial<FederationOverviewResponse> = {}): FederationOverviewResponse {
  const first = aFederationRow();
  const second = aFederationRow({
    cooperativeId: 'c-2',
    slug: 'espoir-daloa',
    name: 'Espoir de Daloa',
    riskRank: 2,
    standing: null,
  });
  return {
    items: [first, second],
    total: 2,
    limit: 25,
    offset: 0,
    sort: 'risk',
    byCurrency: [
      {
        currency: 'XOF',
        cooperatives: 2,
        totals: { ...first.totals, cash: 1_000_000 },
        members: { active: 30, suspended: 1, exited: 0 },
        portfolio: { outstanding: 200_000, atRisk30: 50_000, par30BasisPoints: 2_500, activeLoans: 3, lateLoans: 1 },
        openCases: { low: 0, medium: 1, high: 0, critical: 2 },
        lateDues: { periods: 4, members: 2, amount: 20_000 },
      },
    ],
    ...overrides,
  };
}
