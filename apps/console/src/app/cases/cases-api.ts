import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  AuditRunResponse,
  CaseDetailResponse,
  ChangeCaseStatusRequest,
  CooperativeUserResponse,
  Page,
} from '@kotizo/contracts';
import { type Observable, concat, exhaustMap, forkJoin, map, of, switchMap, takeWhile, timer } from 'rxjs';
import { cooperativeUrl, usersUrl } from '../cooperative/cooperative-api';
import type { CaseStatusFilter, SeverityLevel } from './case-values';

export const casesUrl = (slug: string) => `${cooperativeUrl(slug)}/cases`;
export const caseUrl = (slug: string, id: string) => `${casesUrl(slug)}/${encodeURIComponent(id)}`;
export const auditsUrl = (slug: string) => `${cooperativeUrl(slug)}/audits`;
export const auditUrl = (slug: string, id: string) => `${auditsUrl(slug)}/${encodeURIComponent(id)}`;

/** How often a running audit is asked for its progress. */
export const AUDIT_POLL_MS = 2000;

export interface CaseQuery {
  limit: number;
  offset: number;
  status: CaseStatusFilter;
  /** Empty for every severity (and likewise for the other filters). */
  severity: SeverityLevel | '';
  ruleId: string;
  assigneeId: string;
  memberId: string;
}

/** Query string of the cases inbox, leaving out empty filters ('' status: every status). */
export function caseListParams(query: CaseQuery): Record<string, string> {
  const params: Record<string, string> = { limit: String(query.limit), offset: String(query.offset) };
  if (query.status) params['status'] = query.status;
  if (query.severity) params['severity'] = query.severity;
  if (query.ruleId) params['ruleId'] = query.ruleId;
  if (query.assigneeId) params['assigneeId'] = query.assigneeId;
  if (query.memberId) params['memberId'] = query.memberId;
  return params;
}

export function isAuditFinished(run: AuditRunResponse): boolean {
  return run.status === 'done' || run.status === 'failed';
}

/** Roles that work cases, and so may be assigned one. */
const ASSIGNABLE_ROLES = ['admin', 'auditor'] as const;

/** Writes on cases (each answers with the updated case) and audit runs. */
@Injectable({ providedIn: 'root' })
export class CasesApi {
  private readonly http = inject(HttpClient);

  assign(slug: string, id: string, assigneeId: string | null): Observable<CaseDetailResponse> {
    return this.http.post<CaseDetailResponse>(`${caseUrl(slug, id)}/assign`, { assigneeId });
  }

  comment(slug: string, id: string, text: string): Observable<CaseDetailResponse> {
    return this.http.post<CaseDetailResponse>(`${caseUrl(slug, id)}/comments`, { text });
  }

  setStatus(slug: string, id: string, body: ChangeCaseStatusRequest): Observable<CaseDetailResponse> {
    return this.http.post<CaseDetailResponse>(`${caseUrl(slug, id)}/status`, body);
  }

  /** The cooperative's active admins and auditors, by name: who may be given a case. */
  assignees(slug: string): Observable<CooperativeUserResponse[]> {
    const byRole = (role: string) =>
      this.http
        .get<Page<CooperativeUserResponse>>(usersUrl(slug), {
          params: { role, active: 'true', limit: 100, offset: 0 },
        })
        .pipe(map((page) => page.items));
    return forkJoin(ASSIGNABLE_ROLES.map(byRole)).pipe(
      map((lists) => lists.flat().sort((a, b) => a.name.localeCompare(b.name))),
    );
  }

  /** Starts a full audit, then follows it until it is done or failed. */
  runAudit(slug: string): Observable<AuditRunResponse> {
    return this.http
      .post<AuditRunResponse>(auditsUrl(slug), { kind: 'full' })
      .pipe(switchMap((run) => this.follow(slug, run)));
  }

  /** The latest audit runs, newest first. */
  audits(slug: string): Observable<AuditRunResponse[]> {
    return this.http.get<AuditRunResponse[]>(auditsUrl(slug));
  }

  /**
   * `run` now, then its state every `everyMs` until it is done or failed (that last state
   * included). A slow answer is waited for rather than piled up.
   */
  follow(slug: string, run: AuditRunResponse, everyMs = AUDIT_POLL_MS): Observable<AuditRunResponse> {
    if (isAuditFinished(run)) return of(run);
    return concat(
      of(run),
      timer(everyMs, everyMs).pipe(
        exhaustMap(() => this.http.get<AuditRunResponse>(auditUrl(slug, run.id))),
        takeWhile((next) => !isAuditFinished(next), true),
      ),
    );
  }
}
