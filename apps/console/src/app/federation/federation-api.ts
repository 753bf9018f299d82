import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  CreateCooperativeRequest,
  CreateCooperativeResponse,
  CooperativeResponse,
  UpdateCooperativeStatusRequest,
} from '@kotizo/contracts';
import type { Observable } from 'rxjs';

export interface CooperativeQuery {
  limit: number;
  offset: number;
  q: string;
  /** Empty for every status. */
  status: string;
}

/** Query string for the cooperatives list, leaving out empty filters. */
export function cooperativeListParams(query: CooperativeQuery): Record<string, string> {
  const params: Record<string, string> = {
    limit: String(query.limit),
    offset: String(query.offset),
  };
  const q = query.q.trim();
  if (q) params['q'] = q;
  if (query.status) params['status'] = query.status;
  return params;
}

/** Federation-wide calls; the list itself is read through `httpResource` in the page. */
@Injectable({ providedIn: 'root' })
export class FederationApi {
  private readonly http = inject(HttpClient);

  create(body: CreateCooperativeRequest): Observable<CreateCooperativeResponse> {
    return this.http.post<CreateCooperativeResponse>('/api/v1/coops', body);
  }

  setStatus(slug: string, body: UpdateCooperativeStatusRequest): Observable<CooperativeResponse> {
    return this.http.patch<CooperativeResponse>(`/api/v1/coops/${encodeURIComponent(slug)}/status`, body);
  }
}
