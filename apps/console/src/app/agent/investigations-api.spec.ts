import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { InvestigationResponse } from '@kotizo/contracts';
import { anInvestigation } from '../testing/agent-builders';
import { API, SLUG } from '../testing/page-testing';
import { InvestigationsApi } from './investigations-api';

describe('InvestigationsApi', () => {
  let api: InvestigationsApi;
  let backend: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    api = TestBed.inject(InvestigationsApi);
    backend = TestBed.inject(HttpTestingController);
    jest.useFakeTimers();
  });

  afterEach(() => {
    backend.verify();
    jest.useRealTimers();
  });

  const follow = (run: InvestigationResponse) => {
    const seen: string[] = [];
    let done = false;
    api.follow(SLUG, run).subscribe({ next: (r) => seen.push(r.status), complete: () => (done = true) });
    return { seen, done: () => done };
  };

  it('asks every 1.5 s while the run is queued or running, and stops when it pauses for the auditor', () => {
    const { seen, done } = follow(anInvestigation({ status: 'queued', report: null }));
    jest.advanceTimersByTime(1499);
    backend.expectNone(`${API}/investigations/inv-1`);
    jest.advanceTimersByTime(1);
    backend.expectOne(`${API}/investigations/inv-1`).flush(anInvestigation({ status: 'running', report: null }));
    jest.advanceTimersByTime(1500);
    backend.expectOne(`${API}/investigations/inv-1`).flush(anInvestigation({ status: 'awaiting_review' }));

    jest.advanceTimersByTime(15_000);
    backend.expectNone(`${API}/investigations/inv-1`);
    expect(seen).toEqual(['queued', 'running', 'awaiting_review']);
    expect(done()).toBe(true);
  });

  it('stops on a finished or degraded run, and does not poll one that is not moving', () => {
    const first = follow(anInvestigation({ status: 'running' }));
    jest.advanceTimersByTime(1500);
    backend.expectOne(`${API}/investigations/inv-1`).flush(anInvestigation({ status: 'degraded' }));
    jest.advanceTimersByTime(6000);
    backend.expectNone(`${API}/investigations/inv-1`);
    expect(first.seen).toEqual(['running', 'degraded']);

    const second = follow(anInvestigation({ status: 'confirmed' }));
    jest.advanceTimersByTime(6000);
    backend.expectNone(`${API}/investigations/inv-1`);
    expect(second.seen).toEqual(['confirmed']);
    expect(second.done()).toBe(true);
  });

  it('waits for a slow answer instead of piling requests up', () => {
    follow(anInvestigation({ status: 'running' }));
    jest.advanceTimersByTime(1500);
    const slow = backend.expectOne(`${API}/investigations/inv-1`);
    jest.advanceTimersByTime(4500);
    backend.expectNone(`${API}/investigations/inv-1`);
    slow.flush(anInvestigation({ status: 'confirmed' }));
  });
});
