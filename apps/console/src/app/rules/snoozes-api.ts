import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { CreateSnoozeRequest, SnoozeResponse } from '@kotizo/contracts';
import type { Observable } from 'rxjs';
import { rulesUrl } from './rules-api';

export const snoozesUrl = (slug: string) => `${rulesUrl(slug)}/snoozes`;

/** Whether a snooze still silences its rule on `today` (`YYYY-MM-DD`, the cooperative's day). */
export function snoozeState(snooze: SnoozeResponse, today: string): 'active' | 'expired' | 'lifted' {
  if (snooze.liftedAt) return 'lifted';
  return snooze.until < today ? 'expired' : 'active';
}

/** A rule silenced for one member until a date, with a reason (`update RuleSet`); every change is audited. */
@Injectable({ providedIn: 'root' })
export class SnoozesApi {
  private readonly http = inject(HttpClient);

  create(slug: string, body: CreateSnoozeRequest): Observable<SnoozeResponse> {
    return this.http.post<SnoozeResponse>(snoozesUrl(slug), body);
  }

  lift(slug: string, id: string): Observable<SnoozeResponse> {
    return this.http.post<SnoozeResponse>(`${snoozesUrl(slug)}/${encodeURIComponent(id)}/lift`, {});
  }
}
