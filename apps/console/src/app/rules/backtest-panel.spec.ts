import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { BacktestResponse } from '@kotizo/contracts';
import { SLUG, byTestId, frenchTransloco, pageProviders, request, settle, text, type } from '../testing/page-testing';
import { BacktestPanel, signed } from './backtest-panel';
import { defaultBacktestPeriod } from './rule-edits';

const result: BacktestResponse = {
  from: '2026-09-01',
  to: '2026-11-25',
  activeVersion: 4,
  movementsChecked: 812,
  loansChecked: 40,
  duesChecked: 1200,
  rules: [
    {
      ruleId: 'large-withdrawal',
      name: { fr: 'Retrait inhabituel', en: 'Unusual withdrawal' },
      severity: 'high',
      scope: 'movement',
      draftHits: 9,
      activeHits: 4,
    },
    {
      ruleId: 'late-contribution',
      name: { fr: 'Cotisation en retard', en: 'Late contribution' },
      severity: 'medium',
      scope: 'due',
      draftHits: 2,
      activeHits: 2,
    },
    {
      ruleId: 'night-entry',
      name: { fr: 'Saisie de nuit', en: 'Night entry' },
      severity: 'low',
      scope: 'movement',
      draftHits: 0,
      activeHits: 3,
    },
  ],
  samples: [
    {
      ruleId: 'large-withdrawal',
      subject: { type: 'member', id: 'm-1', label: 'Awa Koné' },
      transactionId: 't-7',
      occurredOn: '2026-10-03',
      message: { fr: 'Retrait de 150 000 F CFA', en: 'Withdrawal of 150,000' },
    },
  ],
};

describe('BacktestPanel', () => {
  let backend: HttpTestingController;

  async function open(hasDraft = true) {
    TestBed.configureTestingModule({ imports: [BacktestPanel, frenchTransloco()], providers: pageProviders() });
    backend = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(BacktestPanel);
    fixture.componentRef.setInput('slug', SLUG);
    fixture.componentRef.setInput('hasDraft', hasDraft);
    fixture.componentRef.setInput('draftStamp', '2026-11-24T10:00:00.000Z');
    fixture.componentRef.setInput('lang', 'fr');
    await settle(fixture);
    return { fixture, root: fixture.nativeElement as HTMLElement };
  }

  afterEach(() => backend.match(() => true));

  it('tests the last 90 days by default and highlights the rules whose hits change', async () => {
    const { fixture, root } = await open();
    expect(byTestId<HTMLInputElement>(root, 'backtest-from').value).toBe(defaultBacktestPeriod().from);
    expect(byTestId<HTMLInputElement>(root, 'backtest-to').value).toBe(defaultBacktestPeriod().to);
    type(byTestId<HTMLInputElement>(root, 'backtest-from'), '2026-09-01');
    byTestId(root, 'backtest-run').click();
    await settle(fixture);

    const run = request(backend, 'POST', '/rules/draft/backtest');
    expect(run.request.body).toEqual({ from: '2026-09-01', to: defaultBacktestPeriod().to });
    run.flush(result);
    await settle(fixture);

    const row = (id: string) => byTestId(root, `backtest-row-${id}`);
    const cell = (id: string, name: string) => text(byTestId(row(id), name));
    expect([cell('large-withdrawal', 'backtest-active'), cell('large-withdrawal', 'backtest-draft')]).toEqual([
      '4',
      '9',
    ]);
    expect(cell('large-withdrawal', 'backtest-diff')).toBe('+5');
    expect(row('large-withdrawal').classList).toContain('differs');
    expect(byTestId(row('large-withdrawal'), 'backtest-diff').classList).toContain('more');
    expect(cell('night-entry', 'backtest-diff')).toBe('−3');
    expect(byTestId(row('night-entry'), 'backtest-diff').classList).toContain('fewer');
    expect(cell('late-contribution', 'backtest-diff')).toBe('0');
    expect(row('late-contribution').classList).not.toContain('differs');

    expect(text(byTestId(root, 'backtest-summary'))).toContain('812 mouvement(s)');
    const samples = byTestId(root, 'backtest-samples');
    expect(text(samples)).toContain('Retrait inhabituel · Awa Koné');
    expect(samples.querySelector('a')?.getAttribute('href')).toBe('/c/femmes-bouake/journal/t-7');
  });

  it('refuses a period that ends before it starts', async () => {
    const { fixture, root } = await open();
    type(byTestId<HTMLInputElement>(root, 'backtest-from'), '2026-12-01');
    type(byTestId<HTMLInputElement>(root, 'backtest-to'), '2026-11-01');
    byTestId(root, 'backtest-run').click();
    await settle(fixture);
    backend.expectNone((r) => r.url.endsWith('/backtest'));
    expect(root.textContent).toContain('La date de début doit précéder la date de fin.');
  });

  it('has nothing to test without a draft', async () => {
    const { root } = await open(false);
    expect(root.querySelector('[data-testid="backtest-run"]')).toBeNull();
    expect(root.querySelector('[data-testid="backtest-no-draft"]')).not.toBeNull();
  });

  it('writes differences with their sign', () => {
    expect([signed(5), signed(-3), signed(0)]).toEqual(['+5', '−3', '0']);
  });
});
