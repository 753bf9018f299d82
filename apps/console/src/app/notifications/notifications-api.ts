import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { NotificationPage, UnreadCountResponse } from '@kotizo/contracts';
import type { Observable } from 'rxjs';

export const NOTIFICATIONS_URL = '/api/v1/me/notifications';

export interface NotificationQuery {
  limit: number;
  /** Catch-up: everything stored after this seq, oldest first. */
  after?: number;
  /** Next page: older than this seq, newest first. */
  before?: number;
  unread?: boolean;
}

export function notificationParams(query: NotificationQuery): Record<string, string> {
  const params: Record<string, string> = { limit: String(query.limit) };
  if (query.after !== undefined) params['after'] = String(query.after);
  if (query.before !== undefined) params['before'] = String(query.before);
  if (query.unread) params['unread'] = 'true';
  return params;
}

/** My notifications, over every cooperative I belong to. */
@Injectable({ providedIn: 'root' })
export class NotificationsApi {
  private readonly http = inject(HttpClient);

  list(query: NotificationQuery): Observable<NotificationPage> {
    return this.http.get<NotificationPage>(NOTIFICATIONS_URL, { params: notificationParams(query) });
  }

  unreadCount(): Observable<UnreadCountResponse> {
    return this.http.get<UnreadCountResponse>(`${NOTIFICATIONS_URL}/unread-count`);
  }

  markRead(id: string): Observable<void> {
    return this.http.post<void>(`${NOTIFICATIONS_URL}/${encodeURIComponent(id)}/read`, {});
  }

  markAllRead(upToSeq?: number): Observable<{ marked: number }> {
    return this.http.post<{ marked: number }>(
      `${NOTIFICATIONS_URL}/read-all`,
      upToSeq === undefined ? {} : { upToSeq },
    );
  }
}
