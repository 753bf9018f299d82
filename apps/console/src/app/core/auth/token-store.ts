import { Injectable, signal } from '@angular/core';
import type { TokenResponse } from '@kotizo/contracts';

const REFRESH_TOKEN_KEY = 'kotizo.refreshToken';

/**
 * Where the console keeps its tokens. The API returns them in the response body (no cookie),
 * so the browser has to hold them somewhere:
 * - the access token (15 min, sent on every call) lives in memory only, so nothing that opens
 *   the API directly is ever written to disk or shared with other tabs;
 * - the refresh token goes to localStorage, so a reload or a second tab keeps the session
 *   without asking for the password again. It rotates on every use and the API revokes the
 *   whole family when an old one is replayed, which bounds the damage if it is ever copied.
 * localStorage is readable by any script on the page: the defence against that is Angular's
 * template sanitising and no third-party scripts, not the storage choice.
 */
@Injectable({ providedIn: 'root' })
export class TokenStore {
  private readonly access = signal<string | null>(null);
  readonly accessToken = this.access.asReadonly();

  /** Read from storage each time: another tab may have rotated it since. */
  refreshToken(): string | null {
    try {
      return localStorage.getItem(REFRESH_TOKEN_KEY);
    } catch {
      return null;
    }
  }

  hasSession(): boolean {
    return this.refreshToken() !== null;
  }

  store(tokens: TokenResponse): void {
    this.access.set(tokens.accessToken);
    try {
      localStorage.setItem(REFRESH_TOKEN_KEY, tokens.refreshToken);
    } catch {
      // Private mode or a full quota: the session then lasts as long as the access token.
    }
  }

  clear(): void {
    this.access.set(null);
    try {
      localStorage.removeItem(REFRESH_TOKEN_KEY);
    } catch {
      // Nothing stored to remove.
    }
  }
}
