import { TestBed } from '@angular/core/testing';
import { TranslocoService, TranslocoTestingModule } from '@jsverse/transloco';
import type { AssistantStreamLine } from '@kotizo/contracts';
import { TextDecoder as NodeTextDecoder, TextEncoder as NodeTextEncoder } from 'node:util';
import { Session } from '../core/auth/session';
import { TokenStore } from '../core/auth/token-store';
import { SLUG } from '../testing/page-testing';
import { AssistantStream, AssistantStreamError, FETCH } from './assistant-stream';

// jsdom has no TextDecoder; the browser and Node have the same one.
globalThis.TextDecoder ??= NodeTextDecoder as unknown as typeof TextDecoder;

/** A 200 whose body is these lines, all at once. */
function answer(...lines: AssistantStreamLine[]) {
  const bytes = new NodeTextEncoder().encode(lines.map((l) => `${JSON.stringify(l)}\n`).join(''));
  let sent = false;
  const reader = {
    read: async () => {
      if (sent) return { done: true, value: undefined };
      sent = true;
      return { done: false, value: bytes };
    },
  };
  return { ok: true, status: 200, statusText: 'OK', body: { getReader: () => reader } };
}

describe('AssistantStream and the interface language', () => {
  let fetchMock: jest.Mock;
  let transloco: TranslocoService;

  beforeEach(() => {
    fetchMock = jest.fn(async () => answer({ type: 'token', token: 'Bonjour' }));
    TestBed.configureTestingModule({
      imports: [
        TranslocoTestingModule.forRoot({
          langs: { fr: {}, en: {} },
          translocoConfig: { availableLangs: ['fr', 'en'], defaultLang: 'fr' },
        }),
      ],
      providers: [
        { provide: FETCH, useValue: fetchMock },
        { provide: Session, useValue: { refreshAccessToken: jest.fn(), expire: jest.fn() } },
      ],
    });
    transloco = TestBed.inject(TranslocoService);
    TestBed.inject(TokenStore).store({ accessToken: 'access-1', refreshToken: 'refresh-1' } as never);
  });

  afterEach(() => TestBed.inject(TokenStore).clear());

  function ask(): Promise<AssistantStreamLine[]> {
    const lines: AssistantStreamLine[] = [];
    return new Promise((resolve, reject) =>
      TestBed.inject(AssistantStream)
        .ask(SLUG, 'th-1', { request: { kind: 'monthly-report', month: '2026-10' } })
        .subscribe({ next: (l) => lines.push(l), error: reject, complete: () => resolve(lines) }),
    );
  }

  const sentLanguages = () =>
    fetchMock.mock.calls.map(([, init]) => (init as { headers: Record<string, string> }).headers['accept-language']);

  it('asks in the active language, as the HTTP interceptor does, and follows a switch', async () => {
    await ask();
    transloco.setActiveLang('en');
    await ask();
    expect(sentLanguages()).toEqual(['fr', 'en']);
  });

  it('hands on the error line’s code and words, said by the API in that language', async () => {
    const spent = 'Le budget d’IA du mois est épuisé.';
    fetchMock.mockResolvedValueOnce(
      answer({ type: 'token', token: 'Le ' }, { type: 'error', code: 'ai_budget_spent', message: spent }),
    );
    const failure = await ask().catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(AssistantStreamError);
    expect(failure).toMatchObject({ status: 200, code: 'ai_budget_spent', message: spent });
  });
});
