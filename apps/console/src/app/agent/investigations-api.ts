import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { InvestigationDecisionRequest, InvestigationResponse } from '@kotizo/contracts';
import { type Observable, concat, exhaustMap, of, takeWhile, timer } from 'rxjs';
import { caseUrl } from '../cases/cases-api';
import { cooperativeUrl } from '../cooperative/cooperative-api';

export const caseInvestigationsUrl = (slug: string, caseId: string) => `${caseUrl(slug, caseId)}/investigations`;
export const investigationUrl = (slug: string, id: string) =>
  `${cooperativeUrl(slug)}/investigations/${encodeURIComponent(id)}`;

/** How often a run that is queued or running is asked for its state (a socket may replace this). */
export const INVESTIGATION_POLL_MS = 1500;

/** Queued or running: the worker is on it and its steps are still coming. */
export function isMoving(run: InvestigationResponse): boolean {
  return run.status === 'queued' || run.status === 'running';
}

/** Investigations of cases: each write answers 202 with the run, which is then followed. */
@Injectable({ providedIn: 'root' })
export class InvestigationsApi {
  private readonly http = inject(HttpClient);

  /** The case's investigations, newest first. */
  forCase(slug: string, caseId: string): Observable<InvestigationResponse[]> {
    return this.http.get<InvestigationResponse[]>(caseInvestigationsUrl(slug, caseId));
  }

  /** 409 `investigation_in_progress` when one is already under way (or waiting for a decision). */
  start(slug: string, caseId: string, locale: 'fr' | 'en'): Observable<InvestigationResponse> {
    return this.http.post<InvestigationResponse>(caseInvestigationsUrl(slug, caseId), { locale });
  }

  decide(slug: string, id: string, body: InvestigationDecisionRequest): Observable<InvestigationResponse> {
    return this.http.post<InvestigationResponse>(`${investigationUrl(slug, id)}/decision`, body);
  }

  /** Resumes a degraded run from its last checkpoint. */
  retry(slug: string, id: string): Observable<InvestigationResponse> {
    return this.http.post<InvestigationResponse>(`${investigationUrl(slug, id)}/retry`, {});
  }

  /**
   * `run` now, then its state every `everyMs` while it is queued or running (the state that
   * ends it included): it stops when the run pauses for the auditor, finishes or degrades.
   * A slow answer is waited for rather than piled up.
   */
  follow(slug: string, run: InvestigationResponse, everyMs = INVESTIGATION_POLL_MS): Observable<InvestigationResponse> {
    if (!isMoving(run)) return of(run);
    return concat(
      of(run),
      timer(everyMs, everyMs).pipe(
        exhaustMap(() => this.http.get<InvestigationResponse>(investigationUrl(slug, run.id))),
        takeWhile((next) => isMoving(next), true),
      ),
    );
  }
}
