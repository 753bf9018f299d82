import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { CasePage, CaseSummaryResponse, MeResponse } from '@kotizo/contracts';
import {
  API,
  SLUG,
  asRole,
  byTestId,
  flushOthers,
  frenchTransloco,
  pageProviders,
  request,
  settle,
  text,
} from '../testing/page-testing';
import { REALTIME_SOCKET_FACTORY } from '../core/realtime/realtime';
import { fakeSocketFactory } from '../testing/fake-socket';
import { CaseListPage, LIVE_RELOAD_MS } from './case-list-page';

const aCase = (number: number, overrides: Partial<CaseSummaryResponse> = {}): CaseSummaryResponse => ({
  id: `case-${number}`,
  number,
  subject: { type: 'member', id: 'm-1', label: 'Awa Koné' },
  severity: 'high',
  status: 'open',
  assigneeId: null,
  assigneeName: null,
  ruleIds: ['large-withdrawal'],
  findingCount: 2,
  openedAt: '2026-11-20T09:00:00.000Z',
  updatedAt: '2026-11-21T09:00:00.000Z',
  closedAt: null,
  ...overrides,
});

const page = (items: CaseSummaryResponse[]): CasePage => ({
  items,
  total: items.length,
  limit: 25,
  offset: 0,
  counts: {
    byStatus: { open: 3, investigating: 2, confirmed: 1, false_positive: 4, resolved: 5 },
    bySeverity: { low: 6, medium: 5, high: 3, critical: 1 },
  },
});

describe('CaseListPage', () => {
  let backend: HttpTestingController;

  async function open(me: MeResponse = asRole('auditor'), sockets = fakeSocketFactory()) {
    TestBed.configureTestingModule({
      imports: [CaseListPage, frenchTransloco()],
      providers: [...pageProviders(me), { provide: REALTIME_SOCKET_FACTORY, useValue: sockets.factory }],
    });
    backend = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(CaseListPage);
    fixture.componentRef.setInput('slug', SLUG);
    await settle(fixture);
    const root = fixture.nativeElement as HTMLElement;
    // Rule names, assignees and earlier audit runs: answered, not under test here.
    flushOthers(backend, ['/users'], { items: [], total: 0, limit: 100, offset: 0 });
    flushOthers(backend, ['/audits']);
    for (const r of backend.match(`${API}/rules`)) {
      r.flush({ version: 1, ruleSet: { pack: 'tontine', packVersion: '1.0.0', rules: [] } });
    }
    const casesRequest = () => request(backend, 'GET', '/cases');
    const click = async (id: string) => {
      byTestId(root, id).click();
      await settle(fixture);
    };
    return { fixture, root, casesRequest, click };
  }

  afterEach(() => backend.match(() => true));

  it('asks for the cases still to handle first, and shows the counts on the filter chips', async () => {
    const { fixture, root, casesRequest } = await open();
    const first = casesRequest();
    expect(first.request.params.get('status')).toBe('active');
    expect(first.request.params.get('severity')).toBeNull();
    expect(first.request.params.get('offset')).toBe('0');
    first.flush(page([aCase(12), aCase(13, { severity: 'critical', assigneeName: 'Koffi' })]));
    await settle(fixture);

    const count = (id: string) => text(byTestId(root, id).querySelector('[data-testid="chip-count"]'));
    expect(count('case-status-filter-active')).toBe('5');
    expect(count('case-status-filter-closed')).toBe('10');
    expect(count('case-status-filter-all')).toBe('15');
    expect(count('case-severity-filter-critical')).toBe('1');
    expect(byTestId(root, 'case-status-filter-active').getAttribute('aria-pressed')).toBe('true');

    const rows = byTestId(root, 'cases-list').querySelectorAll('[data-testid="case-row"]');
    expect(rows).toHaveLength(2);
    expect(text(rows[1])).toContain('Dossier n° 13');
    expect(text(rows[1])).toContain('Critique');
    expect(text(rows[1])).toContain('Koffi');
    expect(text(rows[0])).toContain('Awa Koné');
    expect(text(rows[0])).toContain('Non attribué');
  });

  it('turns the chips into query parameters, back on the first page', async () => {
    const { fixture, casesRequest, click } = await open();
    casesRequest().flush(page([aCase(1)]));
    await settle(fixture);

    await click('case-severity-filter-critical');
    const bySeverity = casesRequest();
    expect(bySeverity.request.params.get('severity')).toBe('critical');
    expect(bySeverity.request.params.get('status')).toBe('active');
    bySeverity.flush(page([]));
    await settle(fixture);

    await click('case-status-filter-closed');
    const closed = casesRequest();
    expect(closed.request.params.get('status')).toBe('closed');
    expect(closed.request.params.get('severity')).toBe('critical');
    closed.flush(page([]));
    await settle(fixture);

    await click('case-status-filter-all');
    casesRequest().flush(page([]));
    await settle(fixture);
    await click('case-severity-filter-all');
    const all = casesRequest();
    expect(all.request.params.keys().sort()).toEqual(['limit', 'offset']);
  });

  it('lets an auditor run an audit and shows how far it got', async () => {
    const { fixture, root, casesRequest, click } = await open();
    casesRequest().flush(page([]));
    await settle(fixture);

    await click('run-audit');
    const start = request(backend, 'POST', '/audits');
    expect(start.request.body).toEqual({ kind: 'full' });
    start.flush({
      id: 'run-1',
      kind: 'full',
      status: 'running',
      ruleVersion: 1,
      requestedBy: 'u-1',
      queuedAt: '2026-11-25T10:00:00.000Z',
      startedAt: '2026-11-25T10:00:01.000Z',
      finishedAt: null,
      progress: { done: 3, total: 10 },
      findingsCreated: 0,
      error: null,
    });
    await settle(fixture);
    expect(text(byTestId(root, 'audit-progress'))).toBe('Audit en cours : 3 sur 10 vérifiés');
    expect(byTestId<HTMLButtonElement>(root, 'run-audit').disabled).toBe(true);
  });

  it('shows a treasurer the cases without the audit button', async () => {
    const { fixture, root, casesRequest } = await open(asRole('treasurer'));
    casesRequest().flush(page([aCase(1)]));
    await settle(fixture);
    expect(root.querySelector('[data-testid="run-audit"]')).toBeNull();
    expect(root.querySelectorAll('[data-testid="case-row"]')).toHaveLength(1);
    backend.expectNone(`${API}/rules`);
  });

  it('reloads the inbox when a case of this cooperative changes, once for a burst', async () => {
    const sockets = fakeSocketFactory();
    const { fixture, casesRequest } = await open(asRole('auditor'), sockets);
    casesRequest().flush(page([aCase(1)]));
    await settle(fixture);
    const socket = sockets.sockets.at(-1)!;
    const change = (slug: string, id: string) => ({
      id,
      tenant: { cooperativeId: 'c', slug },
      caseId: 'case-2',
      change: 'opened',
    });
    socket.emit('cases.changed', change(SLUG, 'e-1'));
    socket.emit('cases.changed', change(SLUG, 'e-2'));
    socket.emit('cases.changed', change('another-coop', 'e-3'));
    await new Promise((resolve) => setTimeout(resolve, LIVE_RELOAD_MS + 50));
    await settle(fixture);
    casesRequest().flush(page([aCase(1), aCase(2)]));
    backend.expectNone((r) => r.url === `${API}/cases`);
  });
});
