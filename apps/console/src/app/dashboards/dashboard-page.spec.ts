import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router } from '@angular/router';
import { TranslocoTestingModule } from '@jsverse/transloco';
import { localDate } from '@kotizo/domain';
import dashboardsFr from '../../../public/i18n/dashboards/fr.json';
import fr from '../../../public/i18n/fr.json';
import { FileDownload } from '../core/export/download';
import { aDashboard } from '../testing/dashboard-builders';
import { API, SLUG, asRole, byTestId, pageProviders, request, settle, text } from '../testing/page-testing';
import { monthStart } from './dashboard-period';
import { DashboardPage } from './dashboard-page';

/** The scope is not preloaded: a page that forgot to provide it shows raw keys. */
const transloco = () =>
  TranslocoTestingModule.forRoot({
    langs: { fr, 'dashboards/fr': dashboardsFr },
    translocoConfig: { availableLangs: ['fr'], defaultLang: 'fr' },
    preloadLangs: false,
  });

const rows = (table: Element) =>
  [...table.querySelectorAll('tbody tr')].map((tr) => [...tr.children].map((cell) => text(cell).replace(/\s/g, ' ')));

describe('DashboardPage', () => {
  let backend: HttpTestingController;
  const save = jest.fn();
  const today = localDate(new Date(), 'Africa/Abidjan');

  async function open(role = 'treasurer', query: Record<string, string> = {}) {
    save.mockReset();
    TestBed.configureTestingModule({
      imports: [DashboardPage, transloco()],
      providers: [...pageProviders(asRole(role)), { provide: FileDownload, useValue: { save } }],
    });
    backend = TestBed.inject(HttpTestingController);
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    const fixture = TestBed.createComponent(DashboardPage);
    fixture.componentRef.setInput('slug', SLUG);
    for (const [name, value] of Object.entries(query)) fixture.componentRef.setInput(name, value);
    await settle(fixture);
    const root = fixture.nativeElement as HTMLElement;
    const answer = async (body = aDashboard()) => {
      request(backend, 'GET', '/dashboard').flush(body);
      await settle(fixture);
    };
    return { fixture, root, navigate, answer };
  }

  afterEach(() => backend.match(() => true));

  it('asks for the period in the URL, the last 12 months by month without one', async () => {
    await open('treasurer', { from: '2026-10-01', to: '2026-10-31', granularity: 'week' });
    const get = request(backend, 'GET', '/dashboard');
    expect(get.request.params.keys().map((k) => `${k}=${get.request.params.get(k)}`)).toEqual([
      'from=2026-10-01',
      'to=2026-10-31',
      'granularity=week',
    ]);

    TestBed.resetTestingModule();
    await open('treasurer');
    const fallback = request(backend, 'GET', '/dashboard');
    expect(fallback.request.params.get('from')).toBe(monthStart(today, -11));
    expect(fallback.request.params.get('to')).toBe(today);
    expect(fallback.request.params.get('granularity')).toBe('month');
  });

  it('turns a preset into the query of the API and of the URL', async () => {
    const { root, fixture, navigate } = await open();
    backend.match(() => true);
    byTestId(root, 'preset-quarter').click();
    await settle(fixture);
    const get = request(backend, 'GET', '/dashboard');
    const expected = { from: monthStart(today, -2), to: today, granularity: 'month' };
    expect(get.request.params.get('from')).toBe(expected.from);
    expect(get.request.params.get('to')).toBe(expected.to);
    expect(navigate).toHaveBeenLastCalledWith([], expect.objectContaining({ queryParams: expected, replaceUrl: true }));
    expect(byTestId(root, 'preset-quarter').getAttribute('aria-pressed')).toBe('true');
    expect(byTestId(root, 'preset-year').getAttribute('aria-pressed')).toBe('false');

    const granularity = byTestId<HTMLSelectElement>(root, 'period-granularity');
    granularity.value = 'week';
    granularity.dispatchEvent(new Event('change'));
    await settle(fixture);
    expect(request(backend, 'GET', '/dashboard').request.params.get('granularity')).toBe('week');
    expect(navigate).toHaveBeenLastCalledWith(
      [],
      expect.objectContaining({ queryParams: { ...expected, granularity: 'week' } }),
    );
  });

  it('shows the figures in the currency, and every chart’s data as a table', async () => {
    const { root, answer } = await open();
    await answer();
    const shown = root.textContent ?? '';
    expect(shown).not.toMatch(/\bdashboards\.[a-zA-Z]/);
    const kpi = (id: string) => [
      text(byTestId(root, id).querySelector('dt')),
      text(byTestId(root, id).querySelector('dd')).replace(/\s/g, ' '),
    ];
    expect(kpi('kpi-contributions')).toEqual(['Cotisations', '450 000 F CFA']);
    expect(kpi('kpi-cash')).toEqual(['Caisse en fin de période', '1 304 500 F CFA au début : 1 000 000 F CFA']);
    expect(text(byTestId(root, 'kpi-par30')).replace(/\s/g, ' ')).toContain('12,5 %');
    expect(text(byTestId(root, 'kpi-members'))).toContain('28 actifs');
    expect(text(byTestId(root, 'kpi-cases'))).toMatch(/^Dossiers ouverts 4/);

    const contributions = byTestId(root, 'data-contributions');
    expect(contributions.tagName).toBe('DETAILS');
    expect(contributions.querySelector('th[scope="col"]')).not.toBeNull();
    expect(rows(contributions)).toEqual([
      ['sept. 2026', '150 000 F CFA', '1 100 000 F CFA'],
      ['oct. 2026', '120 000 F CFA', '1 250 000 F CFA'],
      ['nov. 2026', '180 000 F CFA', '1 304 500 F CFA'],
    ]);
    expect(rows(byTestId(root, 'data-loans'))[0]).toEqual(['sept. 2026', '200 000 F CFA', '0 F CFA']);
    expect(rows(byTestId(root, 'data-expenses'))).toEqual([
      ['Transport', '20 000 F CFA', '3'],
      ['Fournitures', '12 500 F CFA', '2'],
    ]);
    expect(rows(byTestId(root, 'data-severity'))).toEqual([
      ['Faible', '0', '0'],
      ['Moyenne', '2', '3'],
      ['Élevée', '1', '1'],
      ['Critique', '1', '2'],
    ]);
  });

  it('formats a two-decimal currency with its cents', async () => {
    const { root, answer } = await open();
    await answer(aDashboard({ currency: 'EUR', currencyDigits: 2 }));
    expect(text(byTestId(root, 'kpi-expenses').querySelector('dd')).replace(/\s/g, ' ')).toBe('325,00 €');
  });

  it('exports the journal of the period with the French delimiter, BOM kept', async () => {
    const { root, fixture, answer } = await open('treasurer', { from: '2026-10-01', to: '2026-10-31' });
    await answer();
    byTestId(root, 'export-movements').click();
    await settle(fixture);
    const get = request(backend, 'GET', '/exports/movements');
    expect(get.request.params.get('from')).toBe('2026-10-01');
    expect(get.request.params.get('to')).toBe('2026-10-31');
    expect(get.request.params.get('delimiter')).toBe(';');
    get.flush('seq;date\r\n1;2026-10-02\r\n', {
      headers: { 'content-disposition': 'attachment; filename="movements-femmes-bouake.csv"' },
    });
    expect(save).toHaveBeenCalledWith(
      'movements-femmes-bouake.csv',
      '\uFEFFseq;date\r\n1;2026-10-02\r\n',
      'text/csv;charset=utf-8',
    );

    byTestId<HTMLInputElement>(root, 'export-delimiter-comma').click();
    await settle(fixture);
    byTestId(root, 'export-members').click();
    await settle(fixture);
    const members = request(backend, 'GET', '/exports/members');
    expect(members.request.params.keys()).toEqual(['delimiter']);
    expect(members.request.params.get('delimiter')).toBe(',');
  });

  it('offers no export to a role that may not export', async () => {
    const { root, answer } = await open('secretary');
    await answer();
    expect(root.querySelector('[data-testid="kpis"]')).not.toBeNull();
    expect(root.querySelector('[data-testid="export-card"]')).toBeNull();
    expect(root.querySelector('[data-testid="export-movements"]')).toBeNull();
    expect(backend.match((r) => r.url.startsWith(`${API}/exports`))).toEqual([]);
  });
});
