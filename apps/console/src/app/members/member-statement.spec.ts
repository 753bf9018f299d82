import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { MemberResponse } from '@kotizo/contracts';
import { FileDownload } from '../core/export/download';
import { API, SLUG, asRole, byTestId, frenchTransloco, pageProviders, request, settle } from '../testing/page-testing';
import { MemberStatement } from './member-statement';

const member = { id: 'm-1', number: 7, fullName: 'Awa Koné' } as MemberResponse;

describe('MemberStatement export', () => {
  let backend: HttpTestingController;
  const save = jest.fn();

  async function open() {
    save.mockReset();
    TestBed.configureTestingModule({
      imports: [MemberStatement, frenchTransloco()],
      providers: [...pageProviders(asRole('member')), { provide: FileDownload, useValue: { save } }],
    });
    backend = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(MemberStatement);
    fixture.componentRef.setInput('slug', SLUG);
    fixture.componentRef.setInput('member', member);
    await settle(fixture);
    request(backend, 'GET', '/transactions').flush({ items: [], total: 0, limit: 10, offset: 0 });
    await settle(fixture);
    const root = fixture.nativeElement as HTMLElement;
    const exportCsv = async () => {
      byTestId(root, 'export-csv').click();
      await settle(fixture);
    };
    return { fixture, root, exportCsv };
  }

  afterEach(() => backend.match(() => true));

  it('downloads the statement the API makes, with the user’s token, in one request', async () => {
    const { root, exportCsv, fixture } = await open();
    await exportCsv();
    const get = request(backend, 'GET', '/members/m-1/statement.csv');
    expect(get.request.params.keys().map((k) => `${k}=${get.request.params.get(k)}`)).toEqual(['delimiter=;']);
    expect(byTestId<HTMLButtonElement>(root, 'export-csv').disabled).toBe(true);
    get.flush('date;seq\r\n', {
      headers: { 'content-disposition': 'attachment; filename="femmes-bouake-statement-7-2026-01-15-2026-12-07.csv"' },
    });
    await settle(fixture);
    expect(save).toHaveBeenCalledWith(
      'femmes-bouake-statement-7-2026-01-15-2026-12-07.csv',
      '\uFEFFdate;seq\r\n',
      'text/csv;charset=utf-8',
    );
    expect(byTestId<HTMLButtonElement>(root, 'export-csv').disabled).toBe(false);
    expect(backend.match((r) => r.url === `${API}/transactions`)).toEqual([]);
  });

  it('saves nothing when the API refuses, and lets the user try again', async () => {
    const { root, exportCsv, fixture } = await open();
    await exportCsv();
    request(backend, 'GET', '/members/m-1/statement.csv').flush(
      { type: 'about:blank', title: 'Not found', status: 404, code: 'not_found' },
      { status: 404, statusText: 'Not Found' },
    );
    await settle(fixture);
    expect(save).not.toHaveBeenCalled();
    expect(byTestId<HTMLButtonElement>(root, 'export-csv').disabled).toBe(false);
  });
});
