import { harness, plain, twoTenants } from '../testing/harness.js';
import { caseOf, DEFAULT_RULE_IDS, findingId, loanId, memberId, txId } from '../testing/world.js';
import { RULE_ACTIONS } from './offline-phrases.js';

/** The risk each default rule's case gets in these books (the case's severity, one up when the evidence makes it worse). */
const RISK: Record<string, string> = {
  'negative-cash': 'critical',
  'repayment-above-outstanding': 'critical',
  'loan-above-savings-multiple': 'critical',
  'self-approved-loan': 'critical',
  'suspended-or-exited-member': 'critical',
  'savings-withdrawn-by-adjustment': 'high',
  'same-external-reference': 'critical',
  'duplicate-within-24h': 'high',
  'unusual-amount': 'medium',
  'round-amount-structuring': 'high',
  'large-expense': 'medium',
  'expense-just-below-limit': 'low',
  'amount-inconsistent-with-type': 'medium',
  'backdated-entry': 'medium',
  'loan-to-new-member': 'high',
  'frequent-reversals': 'medium',
  'amount-inconsistent-with-plan': 'low',
  'expense-without-category': 'low',
  'outside-usual-hours': 'low',
  'late-contribution': 'medium',
  'overdue-installment': 'high',
  'loan-par30': 'critical',
  'arrears-exceed-savings': 'critical',
  'cash-does-not-reconcile': 'critical',
  'par30-above-threshold': 'high',
  'many-late-dues': 'low',
};

async function offlineReport(ruleId: string, locale: 'fr' | 'en') {
  const h = harness();
  const status = await h.runner.start({
    threadId: `${ruleId}-${locale}`,
    caseId: caseOf(h.books.A, ruleId).id,
    locale,
  });
  if (!status.report) throw new Error(`no report for ${ruleId}`);
  return { status, report: status.report, h };
}

describe('offline analyst: a report for each default rule', () => {
  it('covers every rule of the default pack', () => {
    expect([...DEFAULT_RULE_IDS].sort()).toEqual(Object.keys(RISK).sort());
    expect(Object.keys(RULE_ACTIONS).sort()).toEqual(Object.keys(RISK).sort());
  });

  describe.each(['fr', 'en'] as const)('in %s', (locale) => {
    it.each(DEFAULT_RULE_IDS)('%s', async (ruleId) => {
      const { status, report } = await offlineReport(ruleId, locale);
      expect(status.phase).toBe('awaiting_review');
      expect(report.author).toEqual({ mode: 'offline', model: 'offline-analyst' });
      expect(report.riskLevel).toBe(RISK[ruleId]);
      // every claim passed the check as written: nothing removed, nothing masked
      expect(report.removedClaims).toEqual([]);
      expect(report.warnings).toEqual([]);
      expect(report.claims.length).toBeGreaterThan(0);
      const seen = new Set(Object.values(report.evidenceIds).flat());
      for (const claim of report.claims) {
        expect(claim.citedIds.length).toBeGreaterThan(0);
        for (const id of claim.citedIds) expect(seen).toContain(id);
      }
      // the first claim is the finding, cited by its id
      expect(report.claims[0]?.citedIds[0]).toBe(caseOf(twoTenants().A, ruleId).findings[0]?.id);
      expect(report.recommendedActions[0]).toBe(RULE_ACTIONS[ruleId]?.[locale]);
      expect(status.run.usage).toEqual({ inputTokens: 0, outputTokens: 0 });
    });
  });

  it('writes the same report, word for word, every time', async () => {
    const a = await offlineReport('round-amount-structuring', 'fr');
    const b = await offlineReport('round-amount-structuring', 'fr');
    expect(b.report).toEqual(a.report);
    expect(b.status.run).toEqual(a.status.run);
  });

  it('writes the duplicate case in French, exactly', async () => {
    const { report } = await offlineReport('duplicate-within-24h', 'fr');
    // the finding's own message comes from the rules engine, as the pack words it
    const finding = caseOf(twoTenants().A, 'duplicate-within-24h').findings[0]!;
    expect(report.summary).toBe(
      `Dossier n° 8 (« Awa Koné ») : 1 constat, gravité moyenne. Doublon possible (moins de 24 h) : ${finding.message.fr}`,
    );
    expect(report.claims.slice(1).map((c) => [plain(c.text), c.citedIds])).toEqual([
      [
        'Mouvement n° 107 : cotisation de « Awa Koné » de 50 000 F CFA le 20 novembre 2026 par mobile money, réf. « MM-7781 », saisi le 20 novembre 2026. Mémo : « dépôt tontine ».',
        [txId('A', 7)],
      ],
      [
        'Mouvement n° 108 : cotisation de « Awa Koné » de 50 000 F CFA le 20 novembre 2026 par mobile money, réf. « MM-7781 », saisi le 20 novembre 2026.',
        [txId('A', 8)],
      ],
      ['Les 2 mouvements signalés totalisent 100 000 F CFA.', [txId('A', 7), txId('A', 8)]],
      [
        'Membre n° 3 « Awa Koné », actif, membre depuis le 1 mars 2024 : épargne 60 000 F CFA, pénalités 0 F CFA.',
        [memberId('A', 1)],
      ],
      [
        'Sur ses 7 autres mouvements « cotisation » lus, le montant moyen est de 5 357 F CFA ; le mouvement signalé en vaut 9,33 fois.',
        [memberId('A', 1), txId('A', 17), ...[6, 5, 4, 3, 2, 1].map((n) => txId('A', n))],
      ],
      ['Cotisations de « Awa Koné » : à jour au 24 novembre 2026.', [memberId('A', 1)]],
      [
        '1 mouvement semblable au mouvement n° 107, dont 1 du même membre : n° 108 (50 000 F CFA, 20 novembre 2026).',
        [txId('A', 7), txId('A', 8)],
      ],
      [
        '1 mouvement semblable au mouvement n° 108, dont 1 du même membre : n° 107 (50 000 F CFA, 20 novembre 2026).',
        [txId('A', 8), txId('A', 7)],
      ],
    ]);
    expect(report.claims[0]?.citedIds).toEqual([findingId('A', 8), txId('A', 7), txId('A', 8)]);
    expect(report.recommendedActions).toEqual([
      'Demander au trésorier si les deux mouvements ont vraiment été reçus ; annuler le doublon sinon.',
      'Confirmer le dossier si ces vérifications montrent une erreur ou un abus ; le classer sinon, en notant pourquoi.',
    ]);
    // the mean and the ratio come from the figures computed in code
    expect(report.figures.find((f) => f.key === 'history.sameKind.mean')?.value).toBe(5357);
    expect(report.figures.find((f) => f.key === 'flagged.timesMean')?.value).toBe(9.33);
  });

  it('writes the PAR30 case in English, exactly', async () => {
    const { report, status } = await offlineReport('loan-par30', 'en');
    const finding = caseOf(twoTenants().A, 'loan-par30').findings[0]!;
    expect(report.summary).toBe(
      `Case no. 22 (“Prêt n° 4 — Fatou Diallo”): 1 finding, high severity. Loan at risk (more than 30 days past due): ${finding.message.en}`,
    );
    expect(report.claims.slice(1).map((c) => [plain(c.text), c.citedIds])).toEqual([
      [
        'Member no. 7 “Fatou Diallo”, suspended, reason “absences répétées”, member since 1 March 2024: savings F CFA 40,000, penalties F CFA 2,500.',
        [memberId('A', 2)],
      ],
      [
        'Loan no. 4 to “Fatou Diallo”: F CFA 200,000 in 6 installments, disbursed. As of 24 November 2026: still owed F CFA 192,000, arrears F CFA 60,000, 45 days past due, repaid F CFA 20,000. The principal is 5 times the borrower’s savings.',
        [loanId('A', 1), memberId('A', 2)],
      ],
    ]);
    expect(report.riskLevel).toBe('critical');
    expect(status.run.toolCalls.map((c) => `${c.by}:${c.name}:${c.status}`)).toEqual([
      'code:get_case:ok',
      'code:get_rule:ok',
      'code:get_loan:ok',
      'analyst:get_member:ok',
    ]);
  });
});
