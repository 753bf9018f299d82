import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  CreateThreadRequest,
  MessageRecipient,
  MessageResponse,
  ThreadDetailResponse,
  ThreadPage,
} from '@kotizo/contracts';
import type { Observable } from 'rxjs';
import { cooperativeUrl } from '../cooperative/cooperative-api';

export const threadsUrl = (slug: string) => `${cooperativeUrl(slug)}/message-threads`;
export const threadUrl = (slug: string, id: string) => `${threadsUrl(slug)}/${encodeURIComponent(id)}`;
export const recipientsUrl = (slug: string) => `${cooperativeUrl(slug)}/message-recipients`;

/** Threads between members and the office of one cooperative. */
@Injectable({ providedIn: 'root' })
export class MessagesApi {
  private readonly http = inject(HttpClient);

  threads(slug: string, limit = 50): Observable<ThreadPage> {
    return this.http.get<ThreadPage>(threadsUrl(slug), { params: { limit, offset: 0 } });
  }

  thread(slug: string, id: string): Observable<ThreadDetailResponse> {
    return this.http.get<ThreadDetailResponse>(threadUrl(slug, id));
  }

  recipients(slug: string): Observable<MessageRecipient[]> {
    return this.http.get<MessageRecipient[]>(recipientsUrl(slug));
  }

  create(slug: string, body: CreateThreadRequest): Observable<ThreadDetailResponse> {
    return this.http.post<ThreadDetailResponse>(threadsUrl(slug), body);
  }

  reply(slug: string, id: string, body: string): Observable<MessageResponse> {
    return this.http.post<MessageResponse>(`${threadUrl(slug, id)}/messages`, { body });
  }

  markRead(slug: string, id: string): Observable<void> {
    return this.http.post<void>(`${threadUrl(slug, id)}/read`, {});
  }
}
