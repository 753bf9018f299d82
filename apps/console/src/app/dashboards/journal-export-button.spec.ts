import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { TranslocoTestingModule } from '@jsverse/transloco';
import dashboardsFr from '../../../public/i18n/dashboards/fr.json';
import fr from '../../../public/i18n/fr.json';
import { FileDownload } from '../core/export/download';
import { SLUG, asRole, byTestId, pageProviders, request, settle, text } from '../testing/page-testing';
import { JournalExportButton } from './journal-export-button';

describe('JournalExportButton', () => {
  let backend: HttpTestingController;
  const save = jest.fn();

  async function open(role: string, inputs: Record<string, string>) {
    save.mockReset();
    TestBed.configureTestingModule({
      imports: [
        JournalExportButton,
        TranslocoTestingModule.forRoot({
          langs: { fr, 'dashboards/fr': dashboardsFr },
          translocoConfig: { availableLangs: ['fr'], defaultLang: 'fr' },
          preloadLangs: false,
        }),
      ],
      providers: [...pageProviders(asRole(role)), { provide: FileDownload, useValue: { save } }],
    });
    backend = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(JournalExportButton);
    fixture.componentRef.setInput('slug', SLUG);
    for (const [name, value] of Object.entries(inputs)) fixture.componentRef.setInput(name, value);
    await settle(fixture);
    return { fixture, root: fixture.nativeElement as HTMLElement };
  }

  afterEach(() => backend.match(() => true));

  it('exports the dates filtered, with the delimiter of the language', async () => {
    const { root, fixture } = await open('auditor', { lang: 'en', from: '2026-11-01', to: '' });
    expect(text(byTestId(root, 'journal-export'))).toBe('Exporter');
    byTestId(root, 'journal-export').click();
    await settle(fixture);
    const get = request(backend, 'GET', '/exports/movements');
    expect(get.request.params.keys().map((k) => `${k}=${get.request.params.get(k)}`)).toEqual([
      'delimiter=,',
      'from=2026-11-01',
    ]);
    get.flush('seq,date\r\n');
    expect(save).toHaveBeenCalledWith(`movements-${SLUG}.csv`, '\uFEFFseq,date\r\n', 'text/csv;charset=utf-8');
  });

  it('is not there for a role that may not export', async () => {
    const { root } = await open('secretary', { lang: 'fr' });
    expect(root.querySelector('[data-testid="journal-export"]')).toBeNull();
  });
});
