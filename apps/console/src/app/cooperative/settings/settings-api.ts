import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  PenaltyPolicyRequest,
  PenaltyPolicyResponse,
  ReminderSettingsRequest,
  ReminderSettingsResponse,
} from '@kotizo/contracts';
import type { Observable } from 'rxjs';
import { cooperativeUrl } from '../cooperative-api';

export const penaltyPolicyUrl = (slug: string) => `${cooperativeUrl(slug)}/penalty-policy`;
export const reminderSettingsUrl = (slug: string) => `${cooperativeUrl(slug)}/reminder-settings`;

/** The cooperative's settings; reads go through `httpResource` in the pages. */
@Injectable({ providedIn: 'root' })
export class SettingsApi {
  private readonly http = inject(HttpClient);

  /** The whole policy replaces the one in force; new terms apply to periods late starting from today. */
  savePenaltyPolicy(slug: string, body: PenaltyPolicyRequest): Observable<PenaltyPolicyResponse> {
    return this.http.put<PenaltyPolicyResponse>(penaltyPolicyUrl(slug), body);
  }

  /** All the reminder settings at once; they apply from the next daily run. */
  saveReminderSettings(slug: string, body: ReminderSettingsRequest): Observable<ReminderSettingsResponse> {
    return this.http.put<ReminderSettingsResponse>(reminderSettingsUrl(slug), body);
  }
}
