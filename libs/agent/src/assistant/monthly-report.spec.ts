import { createAgentModels } from '../models/agent-models.js';
import { parseModelConfig } from '../models/model-config.js';
import { FakeOpenAIServer } from '../testing/fake-openai-server.js';
import { FakePorts, tickingClock } from '../testing/fake-ports.js';
import { MemoryBudget, plain, twoTenants } from '../testing/harness.js';
import { caseOf, memberId } from '../testing/world.js';
import { monthBounds, monthlyReport } from './monthly-report.js';
import { monthlyReportRows } from './monthly-report-text.js';

const books = twoTenants();
const name = (ruleId: string) => caseOf(books.A, ruleId).findings[0]?.ruleName.fr;
const report = (opts: Partial<Parameters<typeof monthlyReport>[0]> = {}) =>
  monthlyReport({ ports: new FakePorts(books, 'A'), month: '2026-11', locale: 'fr', clock: tickingClock(), ...opts });

describe('monthly report', () => {
  it('knows the bounds of a month and the month before', () => {
    expect(monthBounds('2026-03')).toEqual({ from: '2026-03-01', to: '2026-03-31', previousMonth: '2026-02' });
    expect(monthBounds('2024-02')).toEqual({ from: '2024-02-01', to: '2024-02-29', previousMonth: '2024-01' });
    expect(monthBounds('2026-01').previousMonth).toBe('2025-12');
    expect(() => monthBounds('2026-13')).toThrow(/Invalid month/);
  });

  it('computes totals, changes, closing cash, late payers, open cases and notable findings in code', async () => {
    const r = await report();
    expect(r).toMatchObject({ month: '2026-11', previousMonth: '2026-10', from: '2026-11-01', to: '2026-11-30' });
    expect(r.totals).toMatchObject({ cashIn: 124_500, cashOut: 307_000, net: -182_500, movements: 10 });
    expect(r.totals.byKind.filter((k) => k.count > 0)).toEqual([
      { kind: 'contribution', count: 4, amount: 112_500 },
      { kind: 'penalty', count: 1, amount: 12_000 },
      { kind: 'expense', count: 3, amount: 265_000 },
      { kind: 'adjustment', count: 1, amount: 30_000 },
      { kind: 'reversal', count: 1, amount: 12_000 },
    ]);
    expect(r.previousTotals).toMatchObject({ cashIn: 5_000, cashOut: 0, movements: 1 });
    expect(r.changes.slice(0, 3)).toEqual([
      { key: 'cashIn', current: 124_500, previous: 5_000, delta: 119_500, changeBasisPoints: 239_000 },
      { key: 'cashOut', current: 307_000, previous: 0, delta: 307_000, changeBasisPoints: null },
      { key: 'net', current: -182_500, previous: 5_000, delta: -187_500, changeBasisPoints: -375_000 },
    ]);
    expect(r.closingBalances.cash).toBe(-332_500);
    expect(r.latePayers).toEqual([
      { memberId: memberId('A', 2), number: 7, fullName: 'Fatou Diallo', amountLate: 10_000, latePeriods: 2 },
    ]);
    expect(r.latePayersTotal).toBe(10_000);
    expect(r.openCases.total).toBe(26);
    expect(r.openCases.bySeverity).toEqual({ critical: 2, high: 9, medium: 9, low: 6 });
    expect(r.openCases.top.map((c) => c.severity)).toEqual(['critical', 'critical', 'high', 'high', 'high']);
    expect(r.notableFindings).toHaveLength(10);
    expect(r.notableFindings.slice(0, 2).map((f) => f.ruleId)).toEqual(['negative-cash', 'cash-does-not-reconcile']);
    expect(r.narrative.author).toEqual({ mode: 'offline', model: 'offline-analyst' });
    expect(r.generatedAt).toBe('2026-11-24T10:00:00.000Z');
  });

  it('writes the offline narrative from templates, citing the records, in French', async () => {
    const r = await report();
    expect(plain(r.narrative.text).split('\n')).toEqual([
      'Novembre 2026, « Tontine des femmes de Yopougon » : 10 mouvements. Entrées 124 500 F CFA, sorties 307 000 F CFA, solde du mois -182 500 F CFA.',
      'Par rapport à octobre 2026 : entrées +2 390 %, sorties sans base de comparaison.',
      'Par type : cotisation 112 500 F CFA (4), pénalité 12 000 F CFA (1), dépense 265 000 F CFA (3), ajustement 30 000 F CFA (1), annulation 12 000 F CFA (1).',
      'Caisse au 30 novembre 2026 : -332 500 F CFA.',
      '1 membre en retard de cotisation pour 10 000 F CFA : « Fatou Diallo » (10 000 F CFA). [1]',
      '26 dossiers ouverts (gravité : critique 2, élevée 9, moyenne 9, faible 6) ; à traiter d’abord : n° 1, n° 24, n° 2, n° 3, n° 4. [2][3][4][5][6]',
      `Constats notables du mois : ${name('negative-cash')} (critique) ; ${name('cash-does-not-reconcile')} (critique) ; ${name('repayment-above-outstanding')} (élevée). [7][8][9]`,
    ]);
    expect(r.narrative.citations.slice(0, 3)).toEqual([
      { n: 1, id: memberId('A', 2), kind: 'member' },
      { n: 2, id: caseOf(books.A, 'negative-cash').id, kind: 'case' },
      { n: 3, id: caseOf(books.A, 'cash-does-not-reconcile').id, kind: 'case' },
    ]);
  });

  it('gives rows for the CSV export', async () => {
    const rows = monthlyReportRows(await report({ locale: 'en' }), 'en');
    expect(rows.slice(0, 3)).toEqual([
      { section: 'Totals 2026-11', item: 'Money in', value: 124_500 },
      { section: 'Totals 2026-10', item: 'Money in', value: 5_000 },
      { section: 'Change (basis points)', item: 'Money in', value: 239_000 },
    ]);
    expect(rows).toContainEqual({ section: 'Late dues', item: '7 Fatou Diallo', value: 10_000 });
    expect(rows.at(-1)).toMatchObject({ section: 'Narrative', item: 'offline-analyst' });
  });

  describe('with a model', () => {
    let server: FakeOpenAIServer;
    beforeEach(async () => {
      server = await new FakeOpenAIServer().start();
    });
    afterEach(async () => {
      await server.close();
    });
    const writer = () =>
      createAgentModels(
        parseModelConfig({ provider: 'openai', baseUrl: server.baseUrl, apiKey: 'k', model: 'gpt-test' }),
      ).writer;

    it('streams the model’s narrative token by token, turns its citations into footnotes, records its tokens', async () => {
      server.enqueue({
        text: `En novembre, les entrées atteignent 124 500 F CFA pour 307 000 F CFA de sorties. Fatou Diallo doit 10 000 F CFA [[${memberId('A', 2)}]].`,
        usage: { prompt_tokens: 800, completion_tokens: 60 },
      });
      const tokens: string[] = [];
      const budget = new MemoryBudget(100_000);
      const r = await report({ writer: writer(), budget, onToken: (t) => tokens.push(t) });
      expect(tokens.length).toBeGreaterThan(10);
      expect(tokens.join('')).toContain('Fatou Diallo doit');
      expect(r.narrative).toMatchObject({
        text: 'En novembre, les entrées atteignent 124 500 F CFA pour 307 000 F CFA de sorties. Fatou Diallo doit 10 000 F CFA [1].',
        citations: [{ n: 1, id: memberId('A', 2), kind: 'member' }],
        author: { mode: 'openai', model: 'gpt-test' },
        fallbackReason: null,
        usage: { inputTokens: 800, outputTokens: 60 },
      });
      expect(budget.records).toEqual([
        expect.objectContaining({
          cooperativeId: 'coop-a',
          purpose: 'monthly-report:2026-11',
          inputTokens: 800,
          outputTokens: 60,
        }),
      ]);
      const request = server.completions[0]?.body;
      expect(request?.stream).toBe(true);
      expect(String(request?.messages?.[1]?.content)).toContain('"latePayersTotal":10000');
    });

    it.each([
      [
        'cites a record it was not given',
        `Tout va bien [[a0000001-0000-4000-8000-000000000999]].`,
        'cites unknown records',
      ],
      ['brings its own figure', 'Les entrées font 130 000 F CFA.', 'numbers found in no record: 130000'],
    ])('falls back to the offline narrative when the model %s', async (_name, text, reason) => {
      server.enqueue({ text });
      const r = await report({ writer: writer() });
      expect(r.narrative.author).toEqual({ mode: 'offline', model: 'offline-analyst' });
      expect(r.narrative.fallbackReason).toContain(reason);
      expect(plain(r.narrative.text)).toMatch(/^Novembre 2026, « Tontine des femmes de Yopougon » : 10 mouvements\./);
    });

    it('stops at the budget before calling the model', async () => {
      await expect(report({ writer: writer(), budget: new MemoryBudget(10, 10) })).rejects.toMatchObject({
        code: 'AGENT_TOKEN_BUDGET_EXCEEDED',
      });
      expect(server.completions).toHaveLength(0);
    });
  });
});
