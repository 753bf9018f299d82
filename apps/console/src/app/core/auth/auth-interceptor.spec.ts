import { HttpClient, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import type { TokenResponse } from '@kotizo/contracts';
import { AuthApi } from './auth-api';
import { authInterceptor } from './auth-interceptor';
import { TokenStore } from './token-store';

const tokens = (n: number): TokenResponse => ({
  accessToken: `access-${n}`,
  refreshToken: `refresh-${n}`,
  tokenType: 'Bearer',
  expiresIn: 900,
});
const unauthorized = { status: 401, statusText: 'Unauthorized' };

describe('authInterceptor', () => {
  let http: HttpClient;
  let backend: HttpTestingController;
  let store: TokenStore;
  let navigate: jest.SpyInstance;

  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [
        provideRouter([]),
        provideHttpClient(withInterceptors([authInterceptor])),
        provideHttpClientTesting(),
      ],
    });
    http = TestBed.inject(HttpClient);
    backend = TestBed.inject(HttpTestingController);
    store = TestBed.inject(TokenStore);
    navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    store.store(tokens(1));
  });

  afterEach(() => backend.verify());

  it('sends the access token to the API, and nothing to other URLs', () => {
    http.get('/api/v1/me').subscribe();
    http.get('/i18n/fr.json').subscribe();
    expect(backend.expectOne('/api/v1/me').request.headers.get('Authorization')).toBe('Bearer access-1');
    expect(backend.expectOne('/i18n/fr.json').request.headers.has('Authorization')).toBe(false);
  });

  it('on a 401 refreshes once, stores the new pair and retries with the new token', () => {
    let body: unknown;
    http.get('/api/v1/coops').subscribe((value) => (body = value));

    backend.expectOne('/api/v1/coops').flush(null, unauthorized);
    const refresh = backend.expectOne('/api/v1/auth/refresh');
    expect(refresh.request.body).toEqual({ refreshToken: 'refresh-1' });
    expect(refresh.request.headers.has('Authorization')).toBe(false);
    refresh.flush(tokens(2));

    const retry = backend.expectOne('/api/v1/coops');
    expect(retry.request.headers.get('Authorization')).toBe('Bearer access-2');
    retry.flush({ items: [] });

    expect(body).toEqual({ items: [] });
    expect(store.accessToken()).toBe('access-2');
    expect(store.refreshToken()).toBe('refresh-2');
    expect(navigate).not.toHaveBeenCalled();
  });

  it('shares one refresh between calls that fail together (a rotated token cannot be reused)', () => {
    const done: string[] = [];
    http.get('/api/v1/a').subscribe(() => done.push('a'));
    http.get('/api/v1/b').subscribe(() => done.push('b'));
    backend.expectOne('/api/v1/a').flush(null, unauthorized);
    backend.expectOne('/api/v1/b').flush(null, unauthorized);

    backend.expectOne('/api/v1/auth/refresh').flush(tokens(2));
    backend.expectOne('/api/v1/a').flush({});
    backend.expectOne('/api/v1/b').flush({});
    expect(done.sort()).toEqual(['a', 'b']);
  });

  it('does not refresh a second time when the retry is still refused, and signs out', () => {
    let status: number | undefined;
    http.get('/api/v1/coops').subscribe({ error: (e: { status: number }) => (status = e.status) });

    backend.expectOne('/api/v1/coops').flush(null, unauthorized);
    backend.expectOne('/api/v1/auth/refresh').flush(tokens(2));
    backend.expectOne('/api/v1/coops').flush(null, unauthorized);

    backend.expectNone('/api/v1/auth/refresh');
    expect(status).toBe(401);
    expect(store.hasSession()).toBe(false);
    expect(navigate).toHaveBeenCalledWith(['/login'], expect.anything());
  });

  it('signs out when the refresh token is refused', () => {
    let status: number | undefined;
    http.get('/api/v1/coops').subscribe({ error: (e: { status: number }) => (status = e.status) });

    backend.expectOne('/api/v1/coops').flush(null, unauthorized);
    backend
      .expectOne('/api/v1/auth/refresh')
      .flush({ type: 'about:blank', title: 'Unauthorized', status: 401, code: 'token_reused' }, unauthorized);

    expect(status).toBe(401);
    expect(store.accessToken()).toBeNull();
    expect(store.refreshToken()).toBeNull();
    expect(navigate).toHaveBeenCalledWith(['/login'], expect.anything());
  });

  it('leaves other errors, and the login call itself, alone', () => {
    const statuses: number[] = [];
    const collect = { error: (e: { status: number }) => statuses.push(e.status) };
    http.get('/api/v1/coops/x').subscribe(collect);
    TestBed.inject(AuthApi).login({ email: 'a@b.c', password: 'wrong' }).subscribe(collect);

    backend.expectOne('/api/v1/coops/x').flush(null, { status: 403, statusText: 'Forbidden' });
    backend.expectOne('/api/v1/auth/login').flush(null, unauthorized);

    backend.expectNone('/api/v1/auth/refresh');
    expect(statuses).toEqual([403, 401]);
  });
});
