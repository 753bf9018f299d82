import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import {
  type InvestigationDecisionRequest,
  type InvestigationProgressEvent,
  type InvestigationResponse,
  SOCKET_EVENTS,
} from '@kotizo/contracts';
import { type Observable, concat, concatMap, filter, merge, of, takeWhile, throttleTime, timer } from 'rxjs';
import { caseUrl } from '../cases/cases-api';
import { cooperativeUrl } from '../cooperative/cooperative-api';
import { Realtime } from '../core/realtime/realtime';

export const caseInvestigationsUrl = (slug: string, caseId: string) => `${caseUrl(slug, caseId)}/investigations`;
export const investigationUrl = (slug: string, id: string) =>
  `${cooperativeUrl(slug)}/investigations/${encodeURIComponent(id)}`;

/** How often a run that is queued or running is asked for its state while the socket is down. */
export const INVESTIGATION_POLL_MS = 1500;
/** With the socket up, the run is still read this often, in case an event was lost. */
export const INVESTIGATION_SAFETY_MS = 15_000;
/** Events closer together than this are read once (a burst of steps costs one or two reads). */
const EVENT_THROTTLE_MS = 250;

/** Queued or running: the worker is on it and its steps are still coming. */
export function isMoving(run: InvestigationResponse): boolean {
  return run.status === 'queued' || run.status === 'running';
}

/** Investigations of cases: each write answers 202 with the run, which is then followed. */
@Injectable({ providedIn: 'root' })
export class InvestigationsApi {
  private readonly http = inject(HttpClient);
  private readonly realtime = inject(Realtime);

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
   * `run` now, then its state each time the server says it moved (`investigation.progress` on
   * the socket), after the socket reconnects, and every `everyMs` while the socket is down;
   * it stops, with the state that ends it, when the run pauses for the auditor, finishes or
   * degrades. Reads are made one after the other, never piled up.
   */
  follow(slug: string, run: InvestigationResponse, everyMs = INVESTIGATION_POLL_MS): Observable<InvestigationResponse> {
    if (!isMoving(run)) return of(run);
    const pushed = this.realtime
      .on<InvestigationProgressEvent>(SOCKET_EVENTS.investigationProgress)
      .pipe(filter((event) => event.investigationId === run.id));
    const polled = timer(everyMs, everyMs).pipe(filter(() => !this.realtime.connected()));
    const safety = timer(INVESTIGATION_SAFETY_MS, INVESTIGATION_SAFETY_MS);
    return concat(
      of(run),
      merge(pushed, this.realtime.reconnected, polled, safety).pipe(
        throttleTime(EVENT_THROTTLE_MS, undefined, { leading: true, trailing: true }),
        concatMap(() => this.http.get<InvestigationResponse>(investigationUrl(slug, run.id))),
        takeWhile((next) => isMoving(next), true),
      ),
    );
  }
}
