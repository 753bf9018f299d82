import type { InvestigationReportView, InvestigationResponse } from '@kotizo/contracts';
import type { MonthlyReport } from '../agent/monthly-report';

export function aReport(overrides: Partial<InvestigationReportView> = {}): InvestigationReportView {
  return {
    locale: 'fr',
    summary: 'Deux retraits identiques le même jour pour Awa Koné.',
    riskLevel: 'high',
    claims: [
      {
        text: 'Le retrait de 150 000 F CFA a été saisi deux fois.',
        citations: [
          { id: 't-1', kind: 'transaction' },
          { id: 'f-1', kind: 'finding' },
        ],
      },
      { text: 'La membre n’a pas d’autre retrait ce mois-ci.', citations: [{ id: 'm-1', kind: 'member' }] },
    ],
    recommendedActions: ['Vérifier la pièce du second retrait avec la trésorière.'],
    removedClaims: 0,
    figures: [
      {
        key: 'flagged.total',
        value: 300_000,
        unit: 'amount',
        label: { fr: 'Total des mouvements signalés', en: 'Total of the flagged movements' },
        sources: ['t-1', 't-2'],
      },
      {
        key: 'flagged.timesMean',
        value: 3.5,
        unit: 'ratio',
        label: { fr: 'Mouvement signalé / montant moyen', en: 'Flagged movement / mean amount' },
        sources: ['t-1'],
      },
    ],
    author: { mode: 'offline', model: 'offline-analyst' },
    round: 1,
    ...overrides,
  };
}

export function anInvestigation(overrides: Partial<InvestigationResponse> = {}): InvestigationResponse {
  return {
    id: 'inv-1',
    caseId: 'case-1',
    status: 'awaiting_review',
    locale: 'fr',
    requestedBy: 'u-1',
    mode: 'offline',
    model: 'offline-analyst',
    steps: [
      {
        node: 'collect',
        at: '2026-11-25T10:00:00.000Z',
        durationMs: 420,
        detail: '4 reads',
        toolCalls: [
          { name: 'get_case', args: { caseId: 'case-1' }, status: 'ok' },
          { name: 'get_member', args: { memberId: 'm-1' }, status: 'ok' },
        ],
      },
      { node: 'agent', at: '2026-11-25T10:00:01.000Z', durationMs: 1300, detail: 'draft', toolCalls: [] },
      {
        node: 'check',
        at: '2026-11-25T10:00:02.000Z',
        durationMs: 12,
        detail: '2 claims kept, 0 removed, 0 warnings',
        toolCalls: [],
      },
    ],
    report: aReport(),
    decision: null,
    followUps: [],
    usage: { inputTokens: 0, outputTokens: 0 },
    durationMs: 1732,
    error: null,
    createdAt: '2026-11-25T10:00:00.000Z',
    updatedAt: '2026-11-25T10:00:02.000Z',
    ...overrides,
  };
}

const totals = (cashIn: number, cashOut: number) => ({
  byKind: [
    { kind: 'contribution', count: 12, amount: cashIn },
    { kind: 'expense', count: 2, amount: cashOut },
    { kind: 'penalty', count: 0, amount: 0 },
  ],
  cashIn,
  cashOut,
  net: cashIn - cashOut,
  movements: 14,
});

export function aMonthlyReport(overrides: Partial<MonthlyReport> = {}): MonthlyReport {
  return {
    month: '2026-10',
    previousMonth: '2026-09',
    from: '2026-10-01',
    to: '2026-10-31',
    locale: 'fr',
    cooperative: { id: 'c-1', name: 'Femmes de Bouaké', currency: 'XOF' },
    totals: totals(600_000, 50_000),
    previousTotals: totals(500_000, 50_000),
    changes: [
      { key: 'cashIn', current: 600_000, previous: 500_000, delta: 100_000, changeBasisPoints: 2000 },
      { key: 'cashOut', current: 50_000, previous: 50_000, delta: 0, changeBasisPoints: 0 },
      { key: 'net', current: 550_000, previous: 450_000, delta: 100_000, changeBasisPoints: 2222 },
      { key: 'contribution', current: 600_000, previous: 500_000, delta: 100_000, changeBasisPoints: 2000 },
      { key: 'expense', current: 50_000, previous: 50_000, delta: 0, changeBasisPoints: 0 },
      { key: 'penalty', current: 0, previous: 0, delta: 0, changeBasisPoints: null },
    ],
    closingBalances: {
      currency: 'XOF',
      cash: 1_250_000,
      contributions: 2_000_000,
      expenses: 300_000,
      income: 20_000,
      penalties: 5_000,
    },
    latePayers: [{ memberId: 'm-2', number: 7, fullName: 'Fatou Diallo', amountLate: 10_000, latePeriods: 2 }],
    latePayersTotal: 10_000,
    openCases: {
      total: 1,
      bySeverity: { low: 0, medium: 0, high: 1, critical: 0 },
      top: [
        {
          id: 'case-1',
          number: 12,
          subject: { type: 'member', id: 'm-1', label: 'Awa Koné' },
          severity: 'high',
          status: 'open',
          assigneeId: null,
          assigneeName: null,
          ruleIds: ['large-withdrawal'],
          findingCount: 1,
          openedAt: '2026-10-20T09:00:00.000Z',
          updatedAt: '2026-10-20T09:00:00.000Z',
          closedAt: null,
        },
      ],
    },
    notableFindings: [
      {
        id: 'f-1',
        caseId: 'case-1',
        ruleId: 'large-withdrawal',
        ruleVersion: 3,
        ruleName: { fr: 'Retrait inhabituel', en: 'Unusual withdrawal' },
        severity: 'high',
        scope: 'movement',
        subject: { type: 'member', id: 'm-1', label: 'Awa Koné' },
        period: '2026-10-20',
        message: { fr: 'Retrait de 150 000 F CFA', en: 'Withdrawal of 150,000 CFA francs' },
        held: [],
        transactionIds: ['t-1'],
        occurrences: 2,
        firstSeenAt: '2026-10-20T09:00:00.000Z',
        lastSeenAt: '2026-10-21T09:00:00.000Z',
      },
    ],
    narrative: {
      text: 'Les entrées progressent de 20 % [1].\nFatou Diallo a deux échéances de retard [2].',
      citations: [
        { n: 1, id: 'f-1', kind: 'finding' },
        { n: 2, id: 'm-2', kind: 'member' },
      ],
      author: { mode: 'offline', model: 'offline-analyst' },
    },
    generatedAt: '2026-11-02T08:00:00.000Z',
    ...overrides,
  };
}
