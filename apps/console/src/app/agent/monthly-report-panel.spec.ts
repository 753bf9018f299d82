import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { localDate } from '@kotizo/domain';
import { FileDownload } from '../core/export/download';
import { aMonthlyReport } from '../testing/agent-builders';
import { SLUG, byTestId, frenchTransloco, pageProviders, request, settle, text } from '../testing/page-testing';
import { AssistantApi } from './assistant-api';
import { recentMonths, shiftMonth } from './monthly-report';
import { MonthlyReportPanel } from './monthly-report-panel';
import { MonthlyReportPrintPage } from './monthly-report-print-page';

describe('MonthlyReportPanel', () => {
  let backend: HttpTestingController;
  const save = jest.fn();

  async function open() {
    save.mockReset();
    TestBed.configureTestingModule({
      imports: [MonthlyReportPanel, frenchTransloco()],
      providers: [...pageProviders(), { provide: FileDownload, useValue: { save } }],
    });
    backend = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(MonthlyReportPanel);
    fixture.componentRef.setInput('slug', SLUG);
    fixture.componentRef.setInput('lang', 'fr');
    await settle(fixture);
    const root = fixture.nativeElement as HTMLElement;
    const click = async (id: string) => {
      byTestId(root, id).click();
      await settle(fixture);
    };
    return { fixture, root, click };
  }

  async function generated() {
    const page = await open();
    await page.click('monthly-report-generate');
    request(backend, 'GET', '/assistant/monthly-report').flush(aMonthlyReport());
    await settle(page.fixture);
    return page;
  }

  afterEach(() => backend.match(() => true));

  it('asks for the month picked, last month by default, in the interface language', async () => {
    const { fixture, root, click } = await open();
    const select = byTestId<HTMLSelectElement>(root, 'monthly-report-month');
    const today = localDate(new Date(), 'Africa/Abidjan');
    expect([...select.options].map((o) => o.value)).toEqual(recentMonths(today));
    expect(select.value).toBe(shiftMonth(today.slice(0, 7), -1));

    const picked = select.options[5].value;
    select.value = picked;
    select.dispatchEvent(new Event('change'));
    await settle(fixture);
    await click('monthly-report-generate');
    const get = request(backend, 'GET', '/assistant/monthly-report');
    expect(get.request.params.get('month')).toBe(picked);
    expect(get.request.params.get('locale')).toBe('fr');
  });

  it('shows the figures in tables and the narrative with its footnotes linked', async () => {
    const { root } = await generated();
    expect(text(byTestId(root, 'monthly-report-title'))).toBe('Rapport mensuel de Femmes de Bouaké — octobre 2026');

    const cells = [...byTestId(root, 'monthly-report-total-cashIn').children].map((cell) => text(cell));
    expect(cells.map((cell) => cell.replace(/\s/g, ' '))).toEqual([
      'Entrées en caisse',
      '600 000 F CFA',
      '500 000 F CFA',
      '+100 000 F CFA (+20 %)',
    ]);
    // A kind that moved in neither month is left out.
    expect(root.querySelector('[data-testid="monthly-report-total-penalty"]')).toBeNull();
    expect(text(byTestId(root, 'monthly-report-balances'))).toMatch(/Caisse1\s250\s000 F CFA/);

    const payer = byTestId(root, 'monthly-report-late-payer');
    expect(payer.querySelector('a')?.getAttribute('href')).toBe('/c/femmes-bouake/members/m-2');
    expect(byTestId(root, 'monthly-report-case').querySelector('a')?.getAttribute('href')).toBe(
      '/c/femmes-bouake/cases/case-1',
    );
    expect(byTestId(root, 'monthly-report-finding').querySelector('a')?.getAttribute('href')).toBe(
      '/c/femmes-bouake/cases/case-1#finding-f-1',
    );

    const markers = [...root.querySelectorAll('a[data-testid="monthly-report-narrative-marker"]')];
    expect(markers.map((a) => a.getAttribute('href'))).toEqual([
      '/c/femmes-bouake/cases/case-1#finding-f-1',
      '/c/femmes-bouake/members/m-2',
    ]);
    expect(byTestId(root, 'monthly-report-print').getAttribute('href')).toBe(
      '/c/femmes-bouake/assistant/report/2026-10',
    );
  });

  it('downloads the CSV with ";" for French, named after the cooperative and month, readable by Excel', async () => {
    const { fixture, click } = await generated();
    await click('monthly-report-csv');
    const csv = request(backend, 'GET', '/assistant/monthly-report.csv');
    expect(csv.request.params.get('month')).toBe('2026-10');
    expect(csv.request.params.get('delimiter')).toBe(';');
    expect(csv.request.params.get('locale')).toBe('fr');
    csv.flush('section;élément;valeur\r\ntotaux;entrées;600000\r\n');
    await settle(fixture);
    expect(save).toHaveBeenCalledWith(
      'rapport-mensuel-femmes-bouake-2026-10.csv',
      '\uFEFFsection;élément;valeur\r\ntotaux;entrées;600000\r\n',
      'text/csv;charset=utf-8',
    );
  });
});

describe('MonthlyReportPrintPage', () => {
  let backend: HttpTestingController;

  async function open(month: string) {
    TestBed.configureTestingModule({
      imports: [MonthlyReportPrintPage, frenchTransloco()],
      providers: pageProviders(),
    });
    backend = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(MonthlyReportPrintPage);
    fixture.componentRef.setInput('slug', SLUG);
    fixture.componentRef.setInput('month', month);
    return { fixture, root: fixture.nativeElement as HTMLElement };
  }

  afterEach(() => {
    backend.match(() => true);
    jest.restoreAllMocks();
  });

  it('prints the report just written without asking for it again', async () => {
    const { fixture, root } = await open('2026-10');
    TestBed.inject(AssistantApi).monthlyReport(SLUG, '2026-10', 'fr').subscribe();
    request(backend, 'GET', '/assistant/monthly-report').flush(aMonthlyReport());
    await settle(fixture);
    backend.expectNone((r) => r.url.endsWith('/assistant/monthly-report'));
    expect(text(byTestId(root, 'monthly-report-sheet'))).toContain(
      'Rapport mensuel de Femmes de Bouaké — octobre 2026',
    );

    const print = jest.spyOn(window, 'print').mockImplementation(() => undefined);
    byTestId(root, 'monthly-report-print-now').click();
    expect(print).toHaveBeenCalled();
  });

  it('asks for the month’s report when it has none', async () => {
    const { fixture } = await open('2026-09');
    await settle(fixture);
    const get = request(backend, 'GET', '/assistant/monthly-report');
    expect(get.request.params.get('month')).toBe('2026-09');
  });
});
