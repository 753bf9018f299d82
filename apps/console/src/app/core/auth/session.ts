import { Injectable, computed, inject, signal } from '@angular/core';
import { Router } from '@angular/router';
import type { LoginRequest, MeResponse } from '@kotizo/contracts';
import { isFederationRole } from '@kotizo/domain';
import { type Observable, catchError, defer, finalize, map, of, shareReplay, switchMap, tap, throwError } from 'rxjs';
import { AuthApi } from './auth-api';
import { TokenStore } from './token-store';

/** The signed-in user, as `/me` describes them, and the token lifecycle around it. */
@Injectable({ providedIn: 'root' })
export class Session {
  private readonly api = inject(AuthApi);
  private readonly tokens = inject(TokenStore);
  private readonly router = inject(Router);
  private refreshInFlight: Observable<string> | null = null;

  private readonly current = signal<MeResponse | null>(null);
  readonly me = this.current.asReadonly();
  readonly isFederationStaff = computed(() => {
    const role = this.current()?.federationRole;
    return role != null && isFederationRole(role);
  });

  login(credentials: LoginRequest): Observable<MeResponse> {
    return this.api.login(credentials).pipe(
      tap((tokens) => this.tokens.store(tokens)),
      switchMap(() => this.reload()),
    );
  }

  reload(): Observable<MeResponse> {
    return this.api.me().pipe(tap((me) => this.current.set(me)));
  }

  /** The user if known, else loads them when a session survives in storage. */
  ensureLoaded(): Observable<MeResponse | null> {
    const me = this.current();
    if (me) return of(me);
    if (!this.tokens.hasSession()) return of(null);
    return this.reload().pipe(catchError(() => of(null)));
  }

  /**
   * One refresh at a time, shared by every caller: refresh tokens rotate, and a second
   * refresh with the same token would look like a replay and revoke the whole family.
   */
  refreshAccessToken(): Observable<string> {
    this.refreshInFlight ??= defer(() => this.exchangeRefreshToken()).pipe(
      finalize(() => (this.refreshInFlight = null)),
      shareReplay({ bufferSize: 1, refCount: false }),
    );
    return this.refreshInFlight;
  }

  /** Ends the session on the server too (best effort), then goes to the login page. */
  signOut(): Observable<void> {
    const refreshToken = this.tokens.refreshToken();
    const revoke = refreshToken ? this.api.logout(refreshToken) : of(undefined);
    return revoke.pipe(
      catchError(() => of(undefined)),
      tap(() => this.expire(false)),
      map(() => undefined),
    );
  }

  /** Forgets the session locally, e.g. when the refresh token was refused. */
  expire(keepReturnUrl = true): void {
    this.tokens.clear();
    this.current.set(null);
    // During a navigation (e.g. a deep link opened with an expired session) return to its target.
    const navigation = this.router.currentNavigation();
    const returnUrl = navigation ? this.router.serializeUrl(navigation.extractedUrl) : this.router.url;
    const queryParams = keepReturnUrl && returnUrl !== '/' && !returnUrl.startsWith('/login') ? { returnUrl } : {};
    void this.router.navigate(['/login'], { queryParams });
  }

  private exchangeRefreshToken(): Observable<string> {
    const refreshToken = this.tokens.refreshToken();
    if (!refreshToken) return throwError(() => new Error('No session to refresh'));
    return this.api.refresh(refreshToken).pipe(
      tap((tokens) => this.tokens.store(tokens)),
      map((tokens) => tokens.accessToken),
    );
  }
}
