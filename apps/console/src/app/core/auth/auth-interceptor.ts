import {
  HttpErrorResponse,
  type HttpEvent,
  type HttpHandlerFn,
  type HttpInterceptorFn,
  type HttpRequest,
} from '@angular/common/http';
import { inject } from '@angular/core';
import { type Observable, catchError, of, switchMap, tap, throwError } from 'rxjs';
import { SKIP_AUTH } from './auth-api';
import { Session } from './session';
import { TokenStore } from './token-store';

const isApiCall = (req: HttpRequest<unknown>) => req.url.startsWith('/api/');

const withBearer = (req: HttpRequest<unknown>, token: string | null) =>
  token ? req.clone({ setHeaders: { Authorization: `Bearer ${token}` } }) : req;

const isUnauthorized = (error: unknown): error is HttpErrorResponse =>
  error instanceof HttpErrorResponse && error.status === 401;

/**
 * Adds the access token to API calls. On a 401 it refreshes once and retries once; if the
 * refresh is refused or the retry is still 401, the session is over: back to the login page.
 */
export const authInterceptor: HttpInterceptorFn = (req, next) => {
  if (!isApiCall(req) || req.context.get(SKIP_AUTH)) return next(req);
  const tokens = inject(TokenStore);
  const session = inject(Session);
  const sent = tokens.accessToken();
  return next(withBearer(req, sent)).pipe(
    catchError((error: unknown) => {
      if (!isUnauthorized(error) || !tokens.hasSession()) return throwError(() => error);
      return retryWithFreshToken(req, next, session, freshToken(tokens, session, sent), error);
    }),
  );
};

/** A token newer than the one sent (another call refreshed meanwhile) is reused as is. */
function freshToken(tokens: TokenStore, session: Session, sent: string | null): Observable<string> {
  const current = tokens.accessToken();
  return current && current !== sent ? of(current) : session.refreshAccessToken();
}

function retryWithFreshToken(
  req: HttpRequest<unknown>,
  next: HttpHandlerFn,
  session: Session,
  token$: Observable<string>,
  original: HttpErrorResponse,
): Observable<HttpEvent<unknown>> {
  return token$.pipe(
    catchError(() => {
      session.expire();
      return throwError(() => original);
    }),
    switchMap((token) =>
      next(withBearer(req, token)).pipe(tap({ error: (error: unknown) => isUnauthorized(error) && session.expire() })),
    ),
  );
}
