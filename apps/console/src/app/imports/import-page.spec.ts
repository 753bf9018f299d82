import { HttpTestingController } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import type { ComponentFixture } from '@angular/core/testing';
import { TestBed } from '@angular/core/testing';
import type { ImportMapping, ImportPreviewResponse, ImportUploadResponse } from '@kotizo/contracts';
import { formatMoney } from '@kotizo/domain';
import fr from '../../../public/i18n/fr.json';
import { Viewport } from '../core/layout/viewport';
import { SLUG, asRole, byTestId, frenchTransloco, pageProviders, request, settle, text } from '../testing/page-testing';
import { ImportPage } from './import-page';

const TEMPLATE_MAPPING: ImportMapping = {
  columns: {
    date: 'date',
    amount: 'amount',
    kind: 'kind',
    memberNumber: 'member_number',
    channel: 'channel',
    reference: 'reference',
    memo: 'memo',
  },
  dateFormat: 'YYYY-MM-DD',
};

const uploaded = (over: Partial<ImportUploadResponse> = {}): ImportUploadResponse => ({
  id: 'imp-1',
  fileName: 'modele.csv',
  encoding: 'utf-8',
  delimiter: ';',
  headers: ['date', 'member_number', 'kind', 'amount', 'channel', 'reference', 'memo'],
  sample: [['2026-11-20', '12', 'contribution', '5 000', 'cash', 'R-0001', 'Réunion']],
  rows: 3,
  alreadyImported: false,
  suggestedMapping: TEMPLATE_MAPPING,
  ...over,
});

const previewed = (over: Partial<ImportPreviewResponse> = {}): ImportPreviewResponse => ({
  id: 'imp-1',
  rows: 3,
  valid: 2,
  duplicates: 1,
  rejected: [],
  totals: { contribution: { count: 1, amount: 5000 }, penalty: { count: 1, amount: 500 } },
  committable: true,
  ...over,
});

describe('ImportPage', () => {
  let backend: HttpTestingController;
  let fixture: ComponentFixture<ImportPage>;
  let root: HTMLElement;

  async function open(handset = false) {
    TestBed.configureTestingModule({
      imports: [ImportPage, frenchTransloco()],
      providers: [...pageProviders(asRole('treasurer')), { provide: Viewport, useValue: { handset: signal(handset) } }],
    });
    backend = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(ImportPage);
    fixture.componentRef.setInput('slug', SLUG);
    await settle(fixture);
    root = fixture.nativeElement as HTMLElement;
  }

  afterEach(() => {
    backend.match(() => true);
    document.querySelectorAll('.cdk-overlay-container').forEach((e) => e.remove());
  });

  const exists = (id: string) => root.querySelector(`[data-testid="${id}"]`) !== null;
  async function click(id: string, from: ParentNode = root) {
    byTestId(from, id).click();
    await settle(fixture);
  }
  async function choose(file: File) {
    const input = byTestId<HTMLInputElement>(root, 'import-file');
    Object.defineProperty(input, 'files', { value: [file], configurable: true });
    input.dispatchEvent(new Event('change'));
    await settle(fixture);
  }
  async function uploadAnswered(answer: ImportUploadResponse) {
    await choose(new File(['date;member_number\n'], 'modele.csv', { type: 'text/csv' }));
    request(backend, 'POST', '/imports').flush(answer);
    await settle(fixture);
  }
  async function select(id: string, value: string) {
    const element = byTestId<HTMLSelectElement>(root, id);
    element.value = value;
    element.dispatchEvent(new Event('change'));
    await settle(fixture);
  }
  async function previewAnswered(answer: ImportPreviewResponse) {
    await click('import-preview');
    const post = request(backend, 'POST', '/imports/imp-1/preview');
    post.flush(answer);
    await settle(fixture);
    return post.request.body as unknown;
  }

  it('sends the chosen file as the raw body, with its type and name, and shows what the API read', async () => {
    await open();
    const file = new File(['date;amount\n'], 'relevé.csv', { type: 'text/csv' });
    await choose(file);
    const post = request(backend, 'POST', '/imports');
    expect(post.request.body).toBe(file);
    expect(post.request.headers.get('Content-Type')).toBe('text/csv');
    expect(post.request.headers.get('X-File-Name')).toBe('relev%C3%A9.csv');
    post.flush(uploaded({ fileName: 'relevé.csv', encoding: 'windows-1252', delimiter: '\t', alreadyImported: true }));
    await settle(fixture);
    expect(text(byTestId(root, 'import-encoding'))).toBe('windows-1252');
    expect(text(byTestId(root, 'import-delimiter'))).toBe(fr.imports.upload.tab);
    expect(text(byTestId(root, 'import-rows'))).toBe('3');
    expect(text(byTestId(root, 'import-sample'))).toContain('R-0001');
    expect(text(byTestId(root, 'import-already'))).toBe(fr.imports.upload.alreadyImported);
  });

  it('applies the mapping the API suggests for our template, and previews with it', async () => {
    await open();
    await uploadAnswered(uploaded());
    expect(exists('import-mapping-suggested')).toBe(true);
    expect(byTestId<HTMLSelectElement>(root, 'import-column-memberNumber').value).toBe('member_number');
    expect(await previewAnswered(previewed())).toEqual({ mapping: TEMPLATE_MAPPING });
    expect(text(byTestId(root, 'import-count-valid'))).toBe('2');
    expect(text(byTestId(root, 'import-count-duplicates'))).toBe('1');
    const total = [...byTestId(root, 'import-total-contribution').querySelectorAll(':scope > span')].map(text);
    expect(total).toEqual(['Cotisation · 1 mouvement(s)', formatMoney(5000, 'XOF', 'fr').replace(/\s+/g, ' ')]);
  });

  it('asks for the columns of any other file before a preview', async () => {
    await open();
    await uploadAnswered(
      uploaded({ headers: ['Date', 'Numéro', 'Montant', 'ID Transaction'], sample: [], suggestedMapping: null }),
    );
    await click('import-preview');
    expect(backend.match((r) => r.url.endsWith('/preview'))).toEqual([]);
    expect(text(byTestId(root, 'import-mapping'))).toContain(fr.imports.mapping.required);
    expect(text(byTestId(root, 'import-mapping-missing'))).toContain(fr.imports.mapping.missing.kind);

    await select('import-column-date', 'Date');
    await select('import-column-amount', 'Montant');
    await select('import-column-phone', 'Numéro');
    await select('import-column-reference', 'ID Transaction');
    await select('import-default-kind', 'contribution');
    await select('import-default-channel', 'mobile_money');
    await select('import-date-format', 'DD/MM/YYYY');
    expect(await previewAnswered(previewed())).toEqual({
      mapping: {
        columns: { date: 'Date', amount: 'Montant', phone: 'Numéro', reference: 'ID Transaction' },
        defaults: { kind: 'contribution', channel: 'mobile_money' },
        dateFormat: 'DD/MM/YYYY',
      },
    });
  });

  const withRejections = () =>
    previewed({
      valid: 1,
      duplicates: 0,
      committable: false,
      rejected: [
        { line: 3, errors: [{ field: 'memberNumber', message: 'no member number 99' }] },
        { line: 4, errors: [{ field: 'amount', message: 'is not a positive amount' }] },
      ],
    });

  it('lists the rejected rows and offers no import', async () => {
    await open();
    await uploadAnswered(uploaded());
    await previewAnswered(withRejections());
    expect(text(byTestId(root, 'import-count-rejected'))).toBe('2');
    const rows = [...byTestId(root, 'import-rejected').querySelectorAll('tbody tr')].map((tr) =>
      [...tr.querySelectorAll('td')].map(text),
    );
    expect(rows).toEqual([
      ['3', 'Numéro de membre', 'no member number 99'],
      ['4', 'Montant', 'is not a positive amount'],
    ]);
    expect(byTestId<HTMLButtonElement>(root, 'import-commit').disabled).toBe(true);
    expect(text(byTestId(root, 'import-not-committable'))).toBe(fr.imports.preview.fixFirst);
  });

  it('shows the rejected rows as cards on a phone', async () => {
    await open(true);
    await uploadAnswered(uploaded());
    await previewAnswered(withRejections());
    const cards = [...byTestId(root, 'import-rejected').querySelectorAll('li')].map((li) =>
      [...li.querySelectorAll(':scope > span')].map(text),
    );
    expect(cards).toEqual([
      ['Ligne 3', 'Numéro de membre no member number 99'],
      ['Ligne 4', 'Montant is not a positive amount'],
    ]);
  });

  it('imports after confirmation and shows what was recorded', async () => {
    await open();
    await uploadAnswered(uploaded());
    await previewAnswered(previewed());
    expect(text(byTestId(root, 'import-commit'))).toBe('Importer 2 mouvement(s)');
    await click('import-commit');
    expect(backend.match((r) => r.url.endsWith('/commit'))).toEqual([]);
    await click('confirm-button', document.body);
    const commit = request(backend, 'POST', '/imports/imp-1/commit');
    expect(commit.request.body).toEqual({ mapping: TEMPLATE_MAPPING });
    commit.flush({ id: 'imp-1', imported: 2, skippedDuplicates: 1 });
    await settle(fixture);
    expect(text(byTestId(root, 'import-imported'))).toBe('2 mouvement(s) importé(s).');
    expect(text(byTestId(root, 'import-skipped'))).toBe('1 doublon(s) ignoré(s).');
    expect(byTestId(root, 'import-journal').getAttribute('href')).toBe(`/c/${SLUG}/journal`);
  });

  it('imports nothing when the confirmation is cancelled', async () => {
    await open();
    await uploadAnswered(uploaded());
    await previewAnswered(previewed());
    await click('import-commit');
    await click('confirm-cancel', document.body);
    expect(backend.match((r) => r.url.endsWith('/commit'))).toEqual([]);
  });

  it('says when the file is no longer held (409)', async () => {
    await open();
    await uploadAnswered(uploaded());
    await previewAnswered(previewed());
    await click('import-commit');
    await click('confirm-button', document.body);
    request(backend, 'POST', '/imports/imp-1/commit').flush(
      {
        type: 'about:blank',
        title: 'File no longer held',
        status: 409,
        code: 'import_content_gone',
        detail: 'Ce fichier a déjà été importé, ou n’est plus conservé : envoyez-le de nouveau.',
      },
      { status: 409, statusText: 'Conflict' },
    );
    await settle(fixture);
    const error = text(byTestId(root, 'import-error'));
    expect(error).toContain(fr.imports.refusals.contentGone);
    expect(error).toContain('Ce fichier a déjà été importé, ou n’est plus conservé');
    expect(exists('import-result')).toBe(false);
  });
});
