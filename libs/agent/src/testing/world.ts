import { readFileSync } from 'node:fs';
import path from 'node:path';
import type {
  CaseDetailResponse,
  FindingResponse,
  LoanResponse,
  MemberDuesResponse,
  TransactionResponse,
} from '@kotizo/contracts';
import { compileRuleSet, type Facts, type Hit, type RuleDefinition, type RulePack } from '@kotizo/rules-engine';
import type { CooperativeRef, MemberProfile } from '../ports/investigation-ports.js';

/**
 * Two cooperatives' books for the tests: A (the one under investigation)
 * and B (the other tenant, whose rows must never show up in A's runs).
 * Ids are real UUIDs whose first letter tells the tenant.
 */
export type TenantKey = 'A' | 'B';

export const id = (tenant: TenantKey, kind: number, n: number): string =>
  `${tenant.toLowerCase()}${kind.toString(16).padStart(7, '0')}-0000-4000-8000-${n.toString().padStart(12, '0')}`;

const KIND = { member: 1, tx: 2, loan: 3, case: 4, finding: 5, user: 6 } as const;
export const memberId = (t: TenantKey, n: number) => id(t, KIND.member, n);
export const txId = (t: TenantKey, n: number) => id(t, KIND.tx, n);
export const loanId = (t: TenantKey, n: number) => id(t, KIND.loan, n);
export const caseId = (t: TenantKey, n: number) => id(t, KIND.case, n);
export const findingId = (t: TenantKey, n: number) => id(t, KIND.finding, n);
export const userId = (t: TenantKey, n: number) => id(t, KIND.user, n);

export interface Books {
  cooperative: CooperativeRef;
  members: MemberProfile[];
  transactions: TransactionResponse[];
  loans: LoanResponse[];
  dues: MemberDuesResponse[];
  cases: CaseDetailResponse[];
  rules: RuleDefinition[];
}

const ROOT = path.resolve(__dirname, '../../../..');
export const DEFAULT_PACK: RulePack = JSON.parse(
  readFileSync(path.join(ROOT, 'rules/default.json'), 'utf8'),
) as RulePack;

function member(
  t: TenantKey,
  n: number,
  number: number,
  fullName: string,
  extra: Partial<MemberProfile> = {},
): MemberProfile {
  return {
    id: memberId(t, n),
    number,
    fullName,
    phone: `+22507000000${n}`,
    nationalId: null,
    joinedOn: '2024-03-01',
    status: 'active',
    statusReason: null,
    createdAt: '2024-03-01T09:00:00.000Z',
    savings: 60_000,
    penalties: 0,
    ...extra,
  };
}

let seq = 100;
function tx(
  t: TenantKey,
  n: number,
  kind: string,
  amount: number,
  occurredOn: string,
  extra: Partial<TransactionResponse> = {},
): TransactionResponse {
  const direction: 1 | -1 = ['loan_disbursement', 'expense'].includes(kind) ? -1 : 1;
  return {
    id: txId(t, n),
    seq: (seq += 1),
    kind,
    direction,
    amount,
    currency: 'XOF',
    memberId: null,
    memberName: null,
    loanId: null,
    category: null,
    channel: 'cash',
    externalRef: null,
    memo: null,
    occurredOn,
    recordedBy: userId(t, 1),
    recordedAt: `${occurredOn}T10:00:00.000Z`,
    reversesId: null,
    reversedById: null,
    reason: null,
    hash: `hash-${t}-${n}`,
    ...extra,
  };
}

/** The same books for either tenant; B differs in names, ids and a few amounts. */
export function buildBooks(
  t: TenantKey,
  overrides: { memo?: string; names?: Partial<Record<'awa' | 'fatou' | 'mariam', string>> } = {},
): Books {
  seq = t === 'A' ? 100 : 500;
  const names = { awa: 'Awa Koné', fatou: 'Fatou Diallo', mariam: 'Mariam Traoré', ...overrides.names };
  if (t === 'B') Object.assign(names, { awa: 'Bintou Sow', fatou: 'Kadi Ba', mariam: 'Salimata Cissé' });
  const awa = member(t, 1, 3, names.awa);
  const fatou = member(t, 2, 7, names.fatou, {
    status: 'suspended',
    statusReason: 'absences répétées',
    savings: 40_000,
    penalties: 2_500,
  });
  const mariam = member(t, 3, 12, names.mariam, { savings: 90_000 });
  const ofAwa = { memberId: awa.id, memberName: awa.fullName };
  const ofFatou = { memberId: fatou.id, memberName: fatou.fullName };
  const loan1 = loanId(t, 1);
  const transactions = [
    ...['2026-05-05', '2026-06-05', '2026-07-05', '2026-08-05', '2026-09-05', '2026-10-05'].map((d, i) =>
      tx(t, i + 1, 'contribution', t === 'A' ? 5_000 : 7_000, d, ofAwa),
    ),
    tx(t, 7, 'contribution', 50_000, '2026-11-20', {
      ...ofAwa,
      channel: 'mobile_money',
      externalRef: 'MM-7781',
      memo: overrides.memo ?? 'dépôt tontine',
    }),
    tx(t, 8, 'contribution', 50_000, '2026-11-20', { ...ofAwa, channel: 'mobile_money', externalRef: 'MM-7781' }),
    tx(t, 9, 'loan_disbursement', 200_000, '2026-08-01', { ...ofFatou, loanId: loan1 }),
    tx(t, 10, 'repayment', 20_000, '2026-09-01', { ...ofFatou, loanId: loan1 }),
    tx(t, 11, 'expense', 95_000, '2026-11-18', { category: 'transport', memo: 'location de bâché pour la foire' }),
    tx(t, 12, 'contribution', 5_000, '2026-11-10', ofFatou),
    tx(t, 13, 'adjustment', 30_000, '2026-11-12', { ...ofAwa, direction: -1, memo: 'retrait épargne' }),
    tx(t, 14, 'expense', 150_000, '2026-11-15', { category: 'rent' }),
    tx(t, 15, 'penalty', 12_000, '2026-11-02', { ...ofAwa, reversedById: txId(t, 16) }),
    tx(t, 16, 'reversal', 12_000, '2026-11-03', {
      ...ofAwa,
      direction: -1,
      reversesId: txId(t, 15),
      reason: 'erreur de saisie',
    }),
    tx(t, 17, 'contribution', 7_500, '2026-11-05', ofAwa),
    tx(t, 18, 'expense', 20_000, '2026-11-06'),
  ];
  const loans: LoanResponse[] = [
    {
      id: loan1,
      number: 4,
      memberId: fatou.id,
      memberName: fatou.fullName,
      principal: 200_000,
      currency: 'XOF',
      annualRateBasisPoints: 1200,
      method: 'flat',
      installments: 6,
      frequency: 'monthly',
      purpose: 'commerce de pagnes',
      guarantorIds: [mariam.id],
      status: 'disbursed',
      requestedBy: userId(t, 1),
      requestedAt: '2026-07-20T09:00:00.000Z',
      decidedBy: userId(t, 2),
      decisionNote: null,
      disbursedOn: '2026-08-01',
      writeOffReason: null,
      totalInterest: 12_000,
      position: {
        asOf: '2026-11-24',
        outstandingPrincipal: 180_000,
        outstandingTotal: 192_000,
        arrears: 60_000,
        daysPastDue: 45,
        penaltiesDue: 0,
        paid: 20_000,
      },
      schedule: ['2026-09-01', '2026-10-01', '2026-11-01', '2026-12-01', '2027-01-01', '2027-02-01'].map(
        (dueDate, i) => ({
          number: i + 1,
          dueDate,
          principal: 33_333,
          interest: 2_000,
          penalty: 0,
          total: 35_333,
          status: i === 0 ? 'partial' : i <= 2 ? 'late' : 'upcoming',
          paid: i === 0 ? 20_000 : 0,
          remaining: i === 0 ? 15_333 : 35_333,
        }),
      ),
    },
  ];
  const dues: MemberDuesResponse[] = [
    {
      memberId: awa.id,
      currency: 'XOF',
      asOf: '2026-11-24',
      overrideAmount: null,
      periods: [],
      amountDue: 0,
      amountLate: 0,
      unallocated: 0,
    },
    {
      memberId: fatou.id,
      currency: 'XOF',
      asOf: '2026-11-24',
      overrideAmount: null,
      periods: [
        { periodStart: '2026-09-01', dueDate: '2026-09-05', amount: 5_000, status: 'late', paid: 0, settledOn: null },
        { periodStart: '2026-10-01', dueDate: '2026-10-05', amount: 5_000, status: 'late', paid: 0, settledOn: null },
        {
          periodStart: '2026-11-01',
          dueDate: '2026-11-05',
          amount: 5_000,
          status: 'paid',
          paid: 5_000,
          settledOn: '2026-11-10',
        },
      ],
      amountDue: 10_000,
      amountLate: 10_000,
      unallocated: 0,
    },
  ];
  return {
    cooperative: {
      id: t === 'A' ? 'coop-a' : 'coop-b',
      slug: t === 'A' ? 'femmes-yopougon' : 'groupement-b',
      name: t === 'A' ? 'Tontine des femmes de Yopougon' : 'Groupement B',
      currency: 'XOF',
      timeZone: 'Africa/Abidjan',
    },
    members: [awa, fatou, mariam],
    transactions,
    loans,
    dues,
    cases: DEFAULT_PACK.rules.filter((r) => r.enabled).map((rule, i) => caseForRule(t, rule, i + 1, { awa, fatou })),
    rules: DEFAULT_PACK.rules,
  };
}

/** Where each default rule's finding lands in these books: its subject and its movements. */
const SCENARIO: Record<string, { subject: 'awa' | 'fatou' | 'loan' | 'coop'; tx: number[] }> = {
  'negative-cash': { subject: 'coop', tx: [11] },
  'repayment-above-outstanding': { subject: 'fatou', tx: [10] },
  'loan-above-savings-multiple': { subject: 'fatou', tx: [9] },
  'self-approved-loan': { subject: 'fatou', tx: [9] },
  'suspended-or-exited-member': { subject: 'fatou', tx: [12] },
  'savings-withdrawn-by-adjustment': { subject: 'awa', tx: [13] },
  'same-external-reference': { subject: 'awa', tx: [8] },
  'duplicate-within-24h': { subject: 'awa', tx: [7, 8] },
  'unusual-amount': { subject: 'awa', tx: [7] },
  'round-amount-structuring': { subject: 'awa', tx: [7, 8] },
  'large-expense': { subject: 'coop', tx: [14] },
  'expense-just-below-limit': { subject: 'coop', tx: [11] },
  'amount-inconsistent-with-type': { subject: 'awa', tx: [15] },
  'backdated-entry': { subject: 'awa', tx: [7] },
  'loan-to-new-member': { subject: 'fatou', tx: [9] },
  'frequent-reversals': { subject: 'awa', tx: [16] },
  'amount-inconsistent-with-plan': { subject: 'awa', tx: [17] },
  'expense-without-category': { subject: 'coop', tx: [18] },
  'outside-usual-hours': { subject: 'awa', tx: [7] },
  'late-contribution': { subject: 'fatou', tx: [] },
  'overdue-installment': { subject: 'loan', tx: [] },
  'loan-par30': { subject: 'loan', tx: [] },
  'arrears-exceed-savings': { subject: 'loan', tx: [] },
  'cash-does-not-reconcile': { subject: 'coop', tx: [] },
  'par30-above-threshold': { subject: 'coop', tx: [] },
  'many-late-dues': { subject: 'coop', tx: [] },
};

export const DEFAULT_RULE_IDS = Object.keys(SCENARIO);

const compiled = compileRuleSet(DEFAULT_PACK);

/** The real hit of a rule on the first fixture of the pack where it hits: its filled message and held conditions. */
export function packHit(ruleId: string): Hit {
  const fixture = DEFAULT_PACK.fixtures.find((f) => f.hits.includes(ruleId));
  if (!fixture) throw new Error(`no fixture hits ${ruleId}`);
  const facts = {
    movement: null,
    member: null,
    loan: null,
    stats: null,
    due: null,
    portfolio: null,
    cooperative: null,
    ...fixture.facts,
  } as Facts;
  const hit = compiled.evaluate(fixture.scope, facts, fixture.clock).find((h) => h.ruleId === ruleId);
  if (!hit) throw new Error(`${ruleId} does not hit its fixture`);
  return hit;
}

function caseForRule(
  t: TenantKey,
  rule: RuleDefinition,
  n: number,
  m: { awa: MemberProfile; fatou: MemberProfile },
): CaseDetailResponse {
  const scenario = SCENARIO[rule.id];
  if (!scenario) throw new Error(`no scenario for ${rule.id}`);
  const hit = packHit(rule.id);
  const subject =
    scenario.subject === 'awa' || scenario.subject === 'fatou'
      ? { type: 'member' as const, id: m[scenario.subject].id, label: m[scenario.subject].fullName }
      : scenario.subject === 'loan'
        ? { type: 'loan' as const, id: loanId(t, 1), label: `Prêt n° 4 — ${m.fatou.fullName}` }
        : { type: 'cooperative' as const, id: null, label: null };
  const finding: FindingResponse = {
    id: findingId(t, n),
    caseId: caseId(t, n),
    ruleId: rule.id,
    ruleVersion: 1,
    ruleName: rule.name,
    severity: rule.severity,
    scope: rule.scope,
    subject,
    period: rule.scope === 'movement' ? '2026-11-20' : '2026-11',
    message: hit.message,
    held: hit.held,
    transactionIds: scenario.tx.map((x) => txId(t, x)),
    occurrences: 1,
    firstSeenAt: '2026-11-20T10:05:00.000Z',
    lastSeenAt: '2026-11-20T10:05:00.000Z',
  };
  return {
    id: caseId(t, n),
    number: n,
    subject,
    severity: rule.severity,
    status: 'open',
    assigneeId: null,
    assigneeName: null,
    ruleIds: [rule.id],
    findingCount: 1,
    openedAt: '2026-11-20T10:05:00.000Z',
    updatedAt: '2026-11-20T10:05:00.000Z',
    closedAt: null,
    findings: [finding],
    timeline: [],
    outcomeNote: null,
  };
}

/** The case of tenant A opened by `ruleId`. */
export function caseOf(books: Books, ruleId: string): CaseDetailResponse {
  const c = books.cases.find((x) => x.ruleIds.includes(ruleId));
  if (!c) throw new Error(`no case for ${ruleId}`);
  return c;
}
