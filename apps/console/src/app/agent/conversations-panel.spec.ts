import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { AiStatusResponse, AssistantStreamLine, AssistantTurnResponse } from '@kotizo/contracts';
import { TextDecoder as NodeTextDecoder, TextEncoder as NodeTextEncoder } from 'node:util';
import { of } from 'rxjs';
import { Session } from '../core/auth/session';
import { TokenStore } from '../core/auth/token-store';
import {
  API,
  SLUG,
  asRole,
  byTestId,
  frenchTransloco,
  pageProviders,
  request,
  settle,
  text,
  type,
} from '../testing/page-testing';
import { AssistantPage } from './assistant-page';
import { AssistantStream, FETCH, readNdjson } from './assistant-stream';

// jsdom has no TextDecoder; the browser and Node have the same one.
globalThis.TextDecoder ??= NodeTextDecoder as unknown as typeof TextDecoder;
const encoder = new NodeTextEncoder();

const MOVEMENT = '0193a2c4-5b6d-7e8f-9a0b-1c2d3e4f5a6b';

const offline: AiStatusResponse = {
  mode: 'offline',
  model: 'offline-analyst',
  describe: { fr: 'Analyste hors ligne', en: 'Offline analyst' },
  budget: { month: '2026-11', usedTokens: 0, limitTokens: null },
};

const thread = (id: string, title: string) => ({
  id,
  title,
  createdAt: '2026-11-20T10:00:00.000Z',
  updatedAt: '2026-11-20T10:00:00.000Z',
});

const aTurn = (text: string, overrides: Partial<AssistantTurnResponse> = {}): AssistantTurnResponse => ({
  at: '2026-11-20T10:01:00.000Z',
  request: { kind: 'explain', subject: { kind: 'movement', transactionId: MOVEMENT }, question: 'Pourquoi ?' },
  locale: 'fr',
  found: true,
  answer: {
    text,
    citations: [{ n: 1, id: MOVEMENT, kind: 'transaction' }],
    author: { mode: 'openai', model: 'gpt-4o-mini' },
  },
  ...overrides,
});

/** A response body whose chunks the test hands out one by one. */
function controlledBody() {
  const chunks: (Uint8Array | null)[] = [];
  const waiting: ((result: ReadableStreamReadResult<Uint8Array>) => void)[] = [];
  const deliver = (chunk: Uint8Array | null) => {
    const result = (
      chunk ? { done: false, value: chunk } : { done: true, value: undefined }
    ) as ReadableStreamReadResult<Uint8Array>;
    const reader = waiting.shift();
    if (reader) reader(result);
    else chunks.push(chunk);
  };
  const reader = {
    read: () =>
      new Promise<ReadableStreamReadResult<Uint8Array>>((resolve) => {
        if (chunks.length) {
          const chunk = chunks.shift() ?? null;
          resolve((chunk ? { done: false, value: chunk } : { done: true, value: undefined }) as never);
        } else waiting.push(resolve);
      }),
  } as unknown as ReadableStreamDefaultReader<Uint8Array>;
  return {
    reader,
    /** Sends `text` cut at the given byte offsets. */
    send(text: string, ...cuts: number[]) {
      const bytes = encoder.encode(text);
      let start = 0;
      for (const cut of [...cuts, bytes.length]) {
        deliver(bytes.slice(start, cut));
        start = cut;
      }
    },
    end: () => deliver(null),
  };
}

const line = (l: AssistantStreamLine) => `${JSON.stringify(l)}\n`;

describe('readNdjson', () => {
  it('puts back together lines and characters split across chunks', async () => {
    const body = controlledBody();
    const lines: AssistantStreamLine[] = [];
    const done = readNdjson(body.reader, (l) => lines.push(l));
    const all = line({ type: 'token', token: 'Écart ' }) + line({ type: 'token', token: 'de caisse' });
    // Cut inside the JSON, inside "É" (bytes 25-26 in UTF-8) and inside the second line.
    body.send(all, 5, 26, 40);
    body.send(line({ type: 'turn', turn: aTurn('Fini [1].') }).trimEnd());
    body.end();
    await done;
    expect(lines).toEqual([
      { type: 'token', token: 'Écart ' },
      { type: 'token', token: 'de caisse' },
      { type: 'turn', turn: aTurn('Fini [1].') },
    ]);
  });
});

describe('AssistantStream', () => {
  it('refreshes an expired token once and asks again, as the HTTP layer does', async () => {
    const body = controlledBody();
    const fetchMock = jest
      .fn()
      .mockResolvedValueOnce({ ok: false, status: 401, statusText: 'Unauthorized', body: null })
      .mockResolvedValueOnce({ ok: true, status: 200, statusText: 'OK', body: { getReader: () => body.reader } });
    const session = { refreshAccessToken: jest.fn(() => of('access-2')), expire: jest.fn() };
    TestBed.configureTestingModule({
      imports: [frenchTransloco()],
      providers: [
        { provide: FETCH, useValue: fetchMock },
        { provide: Session, useValue: session },
      ],
    });
    TestBed.inject(TokenStore).store({ accessToken: 'access-1', refreshToken: 'refresh-1' } as never);
    const lines: AssistantStreamLine[] = [];
    const done = new Promise<void>((resolve, reject) =>
      TestBed.inject(AssistantStream)
        .ask(SLUG, 'th-1', { request: { kind: 'monthly-report', month: '2026-10' } })
        .subscribe({ next: (l) => lines.push(l), error: reject, complete: resolve }),
    );
    body.send(line({ type: 'turn', turn: aTurn('Rapport [1].') }));
    body.end();
    await done;
    const headers = fetchMock.mock.calls.map(([, init]) => (init as { headers: Record<string, string> }).headers);
    expect(headers.map((h) => h['authorization'])).toEqual(['Bearer access-1', 'Bearer access-2']);
    expect(headers.map((h) => h['accept-language'])).toEqual(['fr', 'fr']);
    expect(session.expire).not.toHaveBeenCalled();
    expect(lines).toEqual([{ type: 'turn', turn: aTurn('Rapport [1].') }]);
    TestBed.inject(TokenStore).clear();
  });
});

describe('Conversations', () => {
  let backend: HttpTestingController;
  let fetchMock: jest.Mock;
  let body: ReturnType<typeof controlledBody>;

  async function open() {
    body = controlledBody();
    fetchMock = jest.fn(async () => ({
      ok: true,
      status: 200,
      statusText: 'OK',
      body: { getReader: () => body.reader },
    }));
    TestBed.configureTestingModule({
      imports: [AssistantPage, frenchTransloco()],
      providers: [...pageProviders(asRole('auditor')), { provide: FETCH, useValue: fetchMock }],
    });
    backend = TestBed.inject(HttpTestingController);
    TestBed.inject(TokenStore).store({ accessToken: 'access-1', refreshToken: 'refresh-1' } as never);
    const fixture = TestBed.createComponent(AssistantPage);
    fixture.componentRef.setInput('slug', SLUG);
    await settle(fixture);
    request(backend, 'GET', '/ai').flush(offline);
    await settle(fixture);
    const root = fixture.nativeElement as HTMLElement;
    const click = async (element: HTMLElement) => {
      element.click();
      await settle(fixture);
    };
    await click(byTestId(root, 'assistant-view-threads'));
    request(backend, 'GET', '/assistant/threads').flush([
      thread('th-2', 'Caisse de novembre'),
      thread('th-1', 'Retraits'),
    ]);
    await settle(fixture);
    return { fixture, root, click };
  }

  /** Opens the second thread, with one turn already. */
  async function openRetraits() {
    const page = await open();
    await page.click(page.root.querySelectorAll<HTMLElement>('[data-testid="assistant-thread"]')[1]);
    request(backend, 'GET', '/assistant/threads/th-1').flush([aTurn('Retrait saisi deux fois [1].')]);
    await settle(page.fixture);
    return page;
  }

  afterEach(() => {
    backend.match(() => true);
    TestBed.inject(TokenStore).clear();
  });

  it('lists the caller’s conversations, newest first', async () => {
    const { root } = await open();
    const titles = [...root.querySelectorAll('[data-testid="assistant-thread"]')].map((b) => text(b));
    expect(titles).toEqual(['Caisse de novembre', 'Retraits']);
    expect(byTestId(root, 'assistant-threads')).toBeTruthy();
  });

  it('creates a conversation with its title and opens it', async () => {
    const { fixture, root, click } = await open();
    type(byTestId<HTMLInputElement>(root, 'assistant-thread-title'), '  Prêts en retard ');
    await click(byTestId(root, 'assistant-new-thread'));
    const post = request(backend, 'POST', '/assistant/threads');
    expect(post.request.body).toEqual({ title: 'Prêts en retard' });
    post.flush(thread('th-3', 'Prêts en retard'));
    await settle(fixture);
    const buttons = [...root.querySelectorAll('[data-testid="assistant-thread"]')];
    expect(buttons.map((b) => text(b))).toEqual(['Prêts en retard', 'Caisse de novembre', 'Retraits']);
    expect(buttons[0].getAttribute('aria-pressed')).toBe('true');
    expect(root.querySelector('[data-testid="assistant-turn"]')).toBeNull();
    expect(root.querySelector('[data-testid="assistant-ask"]')).not.toBeNull();
  });

  it('creates an untitled conversation with an empty body', async () => {
    const { root, click } = await open();
    await click(byTestId(root, 'assistant-new-thread'));
    expect(request(backend, 'POST', '/assistant/threads').request.body).toEqual({});
  });

  it('loads the turns of the conversation chosen, with their linked footnotes', async () => {
    const { root } = await openRetraits();
    const turns = root.querySelectorAll('[data-testid="assistant-turn"]');
    expect(turns).toHaveLength(1);
    expect(text(turns[0])).toContain('Expliquer le mouvement 0193a2c4');
    expect(text(turns[0])).toContain('Pourquoi ?');
    expect(text(byTestId(root, 'assistant-turn-answer'))).toBe('Retrait saisi deux fois [1].');
    expect(byTestId(root, 'assistant-turn-answer-marker').getAttribute('href')).toBe(
      `/c/femmes-bouake/journal/${MOVEMENT}`,
    );
  });

  it('streams the answer as it is written, then shows the checked turn', async () => {
    const { fixture, root, click } = await openRetraits();
    type(byTestId<HTMLInputElement>(root, 'assistant-explain-movement'), MOVEMENT);
    type(byTestId<HTMLTextAreaElement>(root, 'assistant-explain-question'), 'Et ensuite ?');
    await click(byTestId(root, 'assistant-ask'));

    expect(fetchMock).toHaveBeenCalledTimes(1);
    const [url, init] = fetchMock.mock.calls[0] as [string, RequestInit];
    expect(url).toBe(`${API}/assistant/threads/th-1/messages`);
    expect(init.method).toBe('POST');
    expect((init.headers as Record<string, string>)['authorization']).toBe('Bearer access-1');
    expect(JSON.parse(init.body as string)).toEqual({
      request: { kind: 'explain', subject: { kind: 'movement', transactionId: MOVEMENT }, question: 'Et ensuite ?' },
      locale: 'fr',
    });

    body.send(line({ type: 'token', token: 'Le retrait ' }) + line({ type: 'token', token: 'a été annulé' }), 20);
    await settle(fixture);
    expect(text(byTestId(root, 'assistant-streaming'))).toBe('Le retrait a été annulé');

    body.send(line({ type: 'turn', turn: aTurn('Le retrait a été annulé [1].') }));
    body.end();
    await settle(fixture);
    expect(root.querySelector('[data-testid="assistant-streaming"]')).toBeNull();
    const answers = [...root.querySelectorAll('[data-testid="assistant-turn-answer"]')].map((p) => text(p));
    expect(answers).toEqual(['Retrait saisi deux fois [1].', 'Le retrait a été annulé [1].']);
    expect(byTestId<HTMLButtonElement>(root, 'assistant-ask').disabled).toBe(false);
  });

  it('asks for a month’s report', async () => {
    const { root, click } = await openRetraits();
    await click(byTestId(root, 'assistant-ask-kind-monthly-report'));
    byTestId<HTMLSelectElement>(root, 'assistant-ask-month').value = '2026-10';
    byTestId<HTMLSelectElement>(root, 'assistant-ask-month').dispatchEvent(new Event('change'));
    await click(byTestId(root, 'assistant-ask'));
    const [, init] = fetchMock.mock.calls[0] as [string, RequestInit];
    expect(JSON.parse(init.body as string)).toEqual({
      request: { kind: 'monthly-report', month: '2026-10' },
      locale: 'fr',
    });
  });

  it('says when the assistant could not answer', async () => {
    const { fixture, root, click } = await openRetraits();
    type(byTestId<HTMLInputElement>(root, 'assistant-explain-movement'), MOVEMENT);
    await click(byTestId(root, 'assistant-ask'));
    const spent = 'Le budget d’IA du mois est épuisé.';
    body.send(
      line({ type: 'token', token: 'Le ret' }) + line({ type: 'error', code: 'ai_budget_spent', message: spent }),
    );
    body.end();
    await settle(fixture);
    expect(text(byTestId(root, 'assistant-ask-error'))).toBe(`L’assistant n’a pas pu répondre. ${spent}`);
    expect(root.querySelector('[data-testid="assistant-streaming"]')).toBeNull();
    expect(root.querySelectorAll('[data-testid="assistant-turn"]')).toHaveLength(1);
  });

  it('shows what the model wrote as text, never as markup', async () => {
    const { fixture, root, click } = await openRetraits();
    type(byTestId<HTMLInputElement>(root, 'assistant-explain-movement'), MOVEMENT);
    await click(byTestId(root, 'assistant-ask'));
    const evil = '<img src=x onerror=alert(1)>';
    body.send(line({ type: 'token', token: evil }));
    await settle(fixture);
    expect(text(byTestId(root, 'assistant-streaming'))).toBe(evil);
    expect(root.querySelector('img')).toBeNull();
    body.send(line({ type: 'turn', turn: aTurn(`${evil} [1]`) }));
    body.end();
    await settle(fixture);
    expect(text(root.querySelectorAll('[data-testid="assistant-turn-answer"]')[1])).toBe(`${evil} [1]`);
    expect(root.querySelector('img')).toBeNull();
  });
});
