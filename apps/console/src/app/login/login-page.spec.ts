import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { TranslocoTestingModule } from '@jsverse/transloco';
import fr from '../../../public/i18n/fr.json';
import { provideIcons } from '../core/ui/icons';
import { LoginPage } from './login-page';

describe('LoginPage', () => {
  let backend: HttpTestingController;

  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({
      imports: [
        LoginPage,
        TranslocoTestingModule.forRoot({
          langs: { fr },
          translocoConfig: { availableLangs: ['fr'], defaultLang: 'fr' },
          preloadLangs: true,
        }),
      ],
      providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting(), provideIcons()],
    });
    backend = TestBed.inject(HttpTestingController);
  });

  async function submit(email: string, password: string) {
    const fixture = TestBed.createComponent(LoginPage);
    await fixture.whenStable();
    const root = fixture.nativeElement as HTMLElement;
    const type = (testId: string, value: string) => {
      const input = root.querySelector<HTMLInputElement>(`[data-testid="${testId}"]`);
      if (!input) throw new Error(`no ${testId}`);
      input.value = value;
      input.dispatchEvent(new Event('input'));
    };
    type('login-email', email);
    type('login-password', password);
    root.querySelector<HTMLButtonElement>('[data-testid="login-submit"]')?.click();
    await fixture.whenStable();
    return { fixture, root };
  }

  const alertText = (root: HTMLElement) => root.querySelector('[data-testid="login-error"]')?.textContent?.trim();

  it('says when the e-mail or password is wrong', async () => {
    const { fixture, root } = await submit('awa@example.org', 'wrong-password');
    backend
      .expectOne('/api/v1/auth/login')
      .flush(
        { type: 'about:blank', title: 'Unauthorized', status: 401, code: 'invalid_credentials' },
        { status: 401, statusText: 'Unauthorized' },
      );
    await fixture.whenStable();
    expect(alertText(root)).toBe('Adresse e-mail ou mot de passe incorrect.');
  });

  it('says how long to wait when sign-in is rate limited', async () => {
    const { fixture, root } = await submit('awa@example.org', 'again');
    backend
      .expectOne('/api/v1/auth/login')
      .flush(
        { type: 'about:blank', title: 'Too Many Requests', status: 429, code: 'rate_limited' },
        { status: 429, statusText: 'Too Many Requests', headers: { 'Retry-After': '30' } },
      );
    await fixture.whenStable();
    expect(alertText(root)).toBe('Trop de tentatives. Réessayez dans 30 secondes.');
  });

  it('does not call the API while a field is empty', async () => {
    const { root } = await submit('', '');
    backend.expectNone('/api/v1/auth/login');
    expect(root.textContent).toContain('Ce champ est obligatoire.');
  });
});
