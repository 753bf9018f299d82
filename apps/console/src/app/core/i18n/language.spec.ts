import { HttpClient, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { TranslocoService, TranslocoTestingModule } from '@jsverse/transloco';
import type { TokenResponse } from '@kotizo/contracts';
import { authInterceptor } from '../auth/auth-interceptor';
import { TokenStore } from '../auth/token-store';
import { languageInterceptor } from './language';

const tokens = (n: number): TokenResponse => ({
  accessToken: `access-${n}`,
  refreshToken: `refresh-${n}`,
  tokenType: 'Bearer',
  expiresIn: 900,
});

describe('languageInterceptor', () => {
  let http: HttpClient;
  let backend: HttpTestingController;
  let transloco: TranslocoService;

  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({
      imports: [
        TranslocoTestingModule.forRoot({
          langs: { fr: {}, en: {} },
          translocoConfig: { availableLangs: ['fr', 'en'], defaultLang: 'fr' },
        }),
      ],
      providers: [
        provideRouter([]),
        // As in app.config.ts: the language first, so a refreshed and retried call keeps it.
        provideHttpClient(withInterceptors([languageInterceptor, authInterceptor])),
        provideHttpClientTesting(),
      ],
    });
    http = TestBed.inject(HttpClient);
    backend = TestBed.inject(HttpTestingController);
    transloco = TestBed.inject(TranslocoService);
  });

  afterEach(() => backend.verify());

  it('asks the API for its messages in the active language, and leaves other URLs alone', () => {
    http.get('/api/v1/me').subscribe();
    http.get('/i18n/fr.json').subscribe();
    expect(backend.expectOne('/api/v1/me').request.headers.get('Accept-Language')).toBe('fr');
    expect(backend.expectOne('/i18n/fr.json').request.headers.has('Accept-Language')).toBe(false);
  });

  it('follows a switch of language', () => {
    transloco.setActiveLang('en');
    http.post('/api/v1/coops', {}).subscribe();
    expect(backend.expectOne('/api/v1/coops').request.headers.get('Accept-Language')).toBe('en');
    transloco.setActiveLang('fr');
    http.post('/api/v1/coops', {}).subscribe();
    expect(backend.expectOne('/api/v1/coops').request.headers.get('Accept-Language')).toBe('fr');
  });

  it('keeps the language on the token refresh and on the retried call', () => {
    TestBed.inject(TokenStore).store(tokens(1));
    http.get('/api/v1/coops').subscribe();
    backend.expectOne('/api/v1/coops').flush(null, { status: 401, statusText: 'Unauthorized' });
    const refresh = backend.expectOne('/api/v1/auth/refresh');
    expect(refresh.request.headers.get('Accept-Language')).toBe('fr');
    refresh.flush(tokens(2));
    const retry = backend.expectOne('/api/v1/coops');
    expect(retry.request.headers.get('Accept-Language')).toBe('fr');
    expect(retry.request.headers.get('Authorization')).toBe('Bearer access-2');
    retry.flush({ items: [] });
  });
});
