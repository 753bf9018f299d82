import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { AuditRunResponse, CaseCounts } from '@kotizo/contracts';
import { API, SLUG } from '../testing/page-testing';
import { countForStatus } from './case-values';
import { CasesApi, caseListParams } from './cases-api';

const run = (overrides: Partial<AuditRunResponse>): AuditRunResponse => ({
  id: 'run-1',
  kind: 'full',
  status: 'queued',
  ruleVersion: 3,
  requestedBy: 'u-1',
  queuedAt: '2026-11-25T10:00:00.000Z',
  startedAt: null,
  finishedAt: null,
  progress: { done: 0, total: 0 },
  findingsCreated: 0,
  error: null,
  ...overrides,
});

describe('caseListParams', () => {
  const none = { limit: 25, offset: 0, status: '', severity: '', ruleId: '', assigneeId: '', memberId: '' } as const;

  it('sends each filter that is set, under the API’s names', () => {
    expect(
      caseListParams({
        limit: 50,
        offset: 100,
        status: 'active',
        severity: 'critical',
        ruleId: 'late-contribution',
        assigneeId: 'u-2',
        memberId: 'm-9',
      }),
    ).toEqual({
      limit: '50',
      offset: '100',
      status: 'active',
      severity: 'critical',
      ruleId: 'late-contribution',
      assigneeId: 'u-2',
      memberId: 'm-9',
    });
  });

  it('leaves out empty filters: no status is every status', () => {
    expect(caseListParams(none)).toEqual({ limit: '25', offset: '0' });
    expect(caseListParams({ ...none, status: 'closed' })).toEqual({ limit: '25', offset: '0', status: 'closed' });
  });
});

describe('countForStatus', () => {
  const counts: CaseCounts = {
    byStatus: { open: 3, investigating: 2, confirmed: 1, false_positive: 4, resolved: 5 },
    bySeverity: { low: 0, medium: 0, high: 0, critical: 0 },
  };

  it('adds up the statuses a chip stands for', () => {
    expect(countForStatus(counts, 'active')).toBe(5);
    expect(countForStatus(counts, 'closed')).toBe(10);
    expect(countForStatus(counts, '')).toBe(15);
    expect(countForStatus(counts, 'false_positive')).toBe(4);
    expect(countForStatus(null, 'open')).toBeNull();
  });
});

describe('CasesApi', () => {
  let api: CasesApi;
  let backend: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    api = TestBed.inject(CasesApi);
    backend = TestBed.inject(HttpTestingController);
  });

  afterEach(() => {
    backend.verify();
    jest.useRealTimers();
  });

  it('starts a full audit, then asks for its progress every 2 s until it is done', () => {
    jest.useFakeTimers();
    const seen: AuditRunResponse[] = [];
    let completed = false;
    api.runAudit(SLUG).subscribe({ next: (r) => seen.push(r), complete: () => (completed = true) });

    const start = backend.expectOne(`${API}/audits`);
    expect(start.request.method).toBe('POST');
    expect(start.request.body).toEqual({ kind: 'full' });
    start.flush(run({}), { status: 202, statusText: 'Accepted' });
    expect(seen.map((r) => r.status)).toEqual(['queued']);

    jest.advanceTimersByTime(1999);
    backend.expectNone(`${API}/audits/run-1`);
    jest.advanceTimersByTime(1);
    backend.expectOne(`${API}/audits/run-1`).flush(run({ status: 'running', progress: { done: 4, total: 10 } }));
    jest.advanceTimersByTime(2000);
    backend
      .expectOne(`${API}/audits/run-1`)
      .flush(run({ status: 'done', progress: { done: 10, total: 10 }, findingsCreated: 2 }));

    expect(seen.map((r) => r.status)).toEqual(['queued', 'running', 'done']);
    expect(completed).toBe(true);
    jest.advanceTimersByTime(10_000);
    backend.expectNone(`${API}/audits/run-1`);
  });

  it('stops following a run that failed', () => {
    jest.useFakeTimers();
    const seen: string[] = [];
    api.follow(SLUG, run({ status: 'running' })).subscribe((r) => seen.push(r.status));
    jest.advanceTimersByTime(2000);
    backend.expectOne(`${API}/audits/run-1`).flush(run({ status: 'failed', error: 'database down' }));
    jest.advanceTimersByTime(4000);
    backend.expectNone(`${API}/audits/run-1`);
    expect(seen).toEqual(['running', 'failed']);
  });

  it('offers the active admins and auditors as assignees, by name', () => {
    let names: string[] = [];
    api.assignees(SLUG).subscribe((users) => (names = users.map((u) => u.name)));
    const calls = backend.match((r) => r.url === `${API}/users`);
    expect(calls.map((c) => [c.request.params.get('role'), c.request.params.get('active')])).toEqual([
      ['admin', 'true'],
      ['auditor', 'true'],
    ]);
    calls[0]?.flush({ items: [{ id: 'u-1', name: 'Koffi' }], total: 1, limit: 100, offset: 0 });
    calls[1]?.flush({ items: [{ id: 'u-2', name: 'Awa' }], total: 1, limit: 100, offset: 0 });
    expect(names).toEqual(['Awa', 'Koffi']);
  });
});
