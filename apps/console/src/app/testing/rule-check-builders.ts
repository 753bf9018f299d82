import type { FindingResponse, SnoozeResponse, VerdictResponse } from '@kotizo/contracts';

export const MEMBER_ID = '0193a2c4-5b6d-7e8f-9a0b-1c2d3e4f5a6b';

export function aSnooze(overrides: Partial<SnoozeResponse> = {}): SnoozeResponse {
  return {
    id: 's-1',
    ruleId: 'late-contribution',
    memberId: MEMBER_ID,
    memberName: 'Awa Koné',
    until: '2026-12-31',
    reason: 'Malade, paiera en janvier',
    createdBy: 'u-1',
    createdAt: '2026-11-25T10:00:00.000Z',
    liftedAt: null,
    ...overrides,
  };
}

export function aVerdict(overrides: Partial<VerdictResponse> = {}): VerdictResponse {
  return {
    transactionId: 't-1',
    ruleVersion: 4,
    evaluatedAt: '2026-11-25T10:00:00.120Z',
    hits: [
      {
        ruleId: 'large-withdrawal',
        severity: 'high',
        name: { fr: 'Retrait inhabituel', en: 'Unusual withdrawal' },
        message: { fr: 'Retrait de 150 000 F CFA, 3 fois la moyenne', en: 'Withdrawal of 150,000, 3 times the mean' },
        caseId: 'case-1',
      },
      {
        ruleId: 'night-entry',
        severity: 'low',
        name: { fr: 'Saisie de nuit', en: 'Night entry' },
        message: { fr: 'Saisi à 23 h 40', en: 'Entered at 11:40 pm' },
        caseId: null,
      },
    ],
    ...overrides,
  };
}

/** A late contribution of the member `MEMBER_ID`, unless `subject` says otherwise. */
export function aFinding(overrides: Partial<FindingResponse> = {}): FindingResponse {
  return {
    id: 'f-1',
    caseId: 'case-1',
    ruleId: 'late-contribution',
    ruleVersion: 3,
    ruleName: { fr: 'Cotisation en retard', en: 'Late contribution' },
    severity: 'medium',
    scope: 'due',
    subject: { type: 'member', id: MEMBER_ID, label: 'Awa Koné' },
    period: '2026-10',
    message: { fr: 'Cotisation d’octobre impayée', en: 'October contribution unpaid' },
    held: [],
    transactionIds: [],
    occurrences: 1,
    firstSeenAt: '2026-11-01T00:00:00.000Z',
    lastSeenAt: '2026-11-01T00:00:00.000Z',
    ...overrides,
  };
}
