import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  CreateMemberRequest,
  MemberResponse,
  MemberStatusRequest,
  Page,
  UpdateMemberRequest,
} from '@kotizo/contracts';
import { type Observable, tap } from 'rxjs';
import { cooperativeUrl } from '../cooperative/cooperative-api';
import { type SubmissionKey, retryTransient } from '../core/http/idempotency';

export const membersUrl = (slug: string) => `${cooperativeUrl(slug)}/members`;
export const memberUrl = (slug: string, id: string) => `${membersUrl(slug)}/${encodeURIComponent(id)}`;
/** The member's statement as CSV (the whole history unless `from`/`to` are given). */
export const statementCsvUrl = (slug: string, id: string) => `${memberUrl(slug, id)}/statement.csv`;

export interface MemberQuery {
  limit: number;
  offset: number;
  q: string;
  /** Empty for every status. */
  status: string;
}

/** Query string of the members list, leaving out empty filters. */
export function memberListParams(query: MemberQuery): Record<string, string> {
  const params: Record<string, string> = { limit: String(query.limit), offset: String(query.offset) };
  const q = query.q.trim();
  if (q) params['q'] = q;
  if (query.status) params['status'] = query.status;
  return params;
}

/** Writes about members, and the reads shared by several pages (search, one member). */
@Injectable({ providedIn: 'root' })
export class MembersApi {
  private readonly http = inject(HttpClient);

  create(slug: string, body: CreateMemberRequest, submission: SubmissionKey): Observable<MemberResponse> {
    const key = submission.keyFor(`member:${slug}`, body);
    return this.http.post<MemberResponse>(membersUrl(slug), body, { headers: { 'Idempotency-Key': key } }).pipe(
      retryTransient(),
      tap(() => submission.settle()),
    );
  }

  update(slug: string, id: string, body: UpdateMemberRequest): Observable<MemberResponse> {
    return this.http.patch<MemberResponse>(memberUrl(slug, id), body);
  }

  setStatus(slug: string, id: string, body: MemberStatusRequest): Observable<MemberResponse> {
    return this.http.post<MemberResponse>(`${memberUrl(slug, id)}/status`, body);
  }

  get(slug: string, id: string): Observable<MemberResponse> {
    return this.http.get<MemberResponse>(memberUrl(slug, id));
  }

  search(slug: string, q: string, status = '', limit = 8): Observable<Page<MemberResponse>> {
    return this.http.get<Page<MemberResponse>>(membersUrl(slug), {
      params: memberListParams({ q, status, limit, offset: 0 }),
    });
  }
}
