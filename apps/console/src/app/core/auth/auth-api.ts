import { HttpClient, HttpContext, HttpContextToken } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { ChangePasswordRequest, LoginRequest, MeResponse, TokenResponse } from '@kotizo/contracts';
import type { Observable } from 'rxjs';

/** Marks the calls that carry their own credentials: the interceptor leaves them alone. */
export const SKIP_AUTH = new HttpContextToken<boolean>(() => false);
const skipAuth = () => new HttpContext().set(SKIP_AUTH, true);

@Injectable({ providedIn: 'root' })
export class AuthApi {
  private readonly http = inject(HttpClient);

  login(body: LoginRequest): Observable<TokenResponse> {
    return this.http.post<TokenResponse>('/api/v1/auth/login', body, { context: skipAuth() });
  }

  refresh(refreshToken: string): Observable<TokenResponse> {
    return this.http.post<TokenResponse>('/api/v1/auth/refresh', { refreshToken }, { context: skipAuth() });
  }

  logout(refreshToken: string): Observable<void> {
    return this.http.post<void>('/api/v1/auth/logout', { refreshToken }, { context: skipAuth() });
  }

  me(): Observable<MeResponse> {
    return this.http.get<MeResponse>('/api/v1/me');
  }

  changePassword(body: ChangePasswordRequest): Observable<void> {
    return this.http.post<void>('/api/v1/me/password', body);
  }
}
