import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  AddCooperativeUserRequest,
  CooperativeUserResponse,
  UpdateCooperativeUserRequest,
} from '@kotizo/contracts';
import type { Observable } from 'rxjs';

export const cooperativeUrl = (slug: string) => `/api/v1/coops/${encodeURIComponent(slug)}`;
export const usersUrl = (slug: string) => `${cooperativeUrl(slug)}/users`;

/** Writes inside one cooperative; reads go through `httpResource` in the pages. */
@Injectable({ providedIn: 'root' })
export class CooperativeApi {
  private readonly http = inject(HttpClient);

  addUser(slug: string, body: AddCooperativeUserRequest): Observable<CooperativeUserResponse> {
    return this.http.post<CooperativeUserResponse>(usersUrl(slug), body);
  }

  updateUser(slug: string, userId: string, body: UpdateCooperativeUserRequest): Observable<CooperativeUserResponse> {
    return this.http.patch<CooperativeUserResponse>(`${usersUrl(slug)}/${encodeURIComponent(userId)}`, body);
  }
}
