import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { AiStatusResponse, ExplanationResponse, MeResponse } from '@kotizo/contracts';
import { localDate } from '@kotizo/domain';
import { aMembership, aUser } from '../testing/builders';
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

const MOVEMENT = '0193a2c4-5b6d-7e8f-9a0b-1c2d3e4f5a6b';

const openAi: AiStatusResponse = {
  mode: 'openai',
  model: 'gpt-4o-mini',
  describe: { fr: 'Modèle compatible OpenAI', en: 'OpenAI-compatible model' },
  budget: { month: '2026-11', usedTokens: 1200, limitTokens: 100_000 },
};

const answer = (overrides: Partial<ExplanationResponse> = {}): ExplanationResponse => ({
  found: true,
  answer: {
    text: 'Retrait de 150 000 F CFA le 20 octobre [1], saisi pour Awa Koné [2].\n<img src=x onerror="alert(1)"> [9]',
    citations: [
      { n: 1, id: MOVEMENT, kind: 'transaction' },
      { n: 2, id: 'm-1', kind: 'member' },
    ],
    author: { mode: 'openai', model: 'gpt-4o-mini' },
  },
  ...overrides,
});

describe('AssistantPage', () => {
  let backend: HttpTestingController;

  async function open(me: MeResponse = asRole('auditor'), transactionId?: string) {
    TestBed.configureTestingModule({ imports: [AssistantPage, frenchTransloco()], providers: pageProviders(me) });
    backend = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(AssistantPage);
    fixture.componentRef.setInput('slug', SLUG);
    if (transactionId) fixture.componentRef.setInput('transactionId', transactionId);
    await settle(fixture);
    request(backend, 'GET', '/ai').flush(openAi);
    await settle(fixture);
    const root = fixture.nativeElement as HTMLElement;
    const click = async (id: string) => {
      byTestId(root, id).click();
      await settle(fixture);
    };
    return { fixture, root, click };
  }

  afterEach(() => backend.match(() => true));

  it('says which model writes, and offers both tools to an auditor', async () => {
    const { root } = await open();
    expect(text(byTestId(root, 'ai-mode'))).toBe('IA : gpt-4o-mini');
    // Grouped the French way (a narrow no-break space).
    expect(byTestId(root, 'ai-mode').getAttribute('title')?.replace(/\s/g, ' ')).toBe(
      'Modèle compatible OpenAI · 1 200 / 100 000',
    );
    expect(root.querySelector('[data-testid="assistant-view-explain"]')).not.toBeNull();
    expect(root.querySelector('[data-testid="assistant-view-report"]')).not.toBeNull();
  });

  it('explains a movement pasted as a journal link, with each footnote linked to its record', async () => {
    const { fixture, root, click } = await open();
    type(
      byTestId<HTMLInputElement>(root, 'assistant-explain-movement'),
      `https://kotizo.example/c/femmes-bouake/journal/${MOVEMENT.toUpperCase()}`,
    );
    type(byTestId<HTMLTextAreaElement>(root, 'assistant-explain-question'), ' Pourquoi deux fois ? ');
    await click('assistant-explain-submit');

    const post = request(backend, 'POST', '/assistant/explain');
    expect(post.request.body).toEqual({
      subject: { kind: 'movement', transactionId: MOVEMENT },
      locale: 'fr',
      question: 'Pourquoi deux fois ?',
    });
    post.flush(answer());
    await settle(fixture);

    const markers = [...root.querySelectorAll('a[data-testid="assistant-explain-answer-marker"]')];
    expect(markers.map((a) => [text(a), a.getAttribute('href')])).toEqual([
      ['[1]', `/c/femmes-bouake/journal/${MOVEMENT}`],
      ['[2]', '/c/femmes-bouake/members/m-1'],
    ]);
    const notes = [...root.querySelectorAll('[data-testid="assistant-explain-answer-footnote"]')].map((li) => text(li));
    expect(notes).toEqual(['[1]Mouvement 0193a2c4', '[2]Membre m1']);
    // The answer is data: its markup and its unknown footnote stay text.
    expect(text(byTestId(root, 'assistant-explain-answer'))).toContain('<img src=x onerror="alert(1)"> [9]');
    expect(root.querySelector('img')).toBeNull();
    expect(text(byTestId(root, 'assistant-explain-author'))).toContain('gpt-4o-mini');
  });

  it('asks for a movement it can read before sending anything', async () => {
    const { root, click } = await open();
    type(byTestId<HTMLInputElement>(root, 'assistant-explain-movement'), 'le retrait de mardi');
    await click('assistant-explain-submit');
    backend.expectNone(`${API}/assistant/explain`);
    expect(root.textContent).toContain('Format invalide.');
  });

  it('explains the cash on a date, today by default, and says when nothing was found', async () => {
    const { fixture, root, click } = await open();
    await click('assistant-explain-kind-cash');
    expect(byTestId<HTMLInputElement>(root, 'assistant-explain-date').value).toBe(
      localDate(new Date(), 'Africa/Abidjan'),
    );
    type(byTestId<HTMLInputElement>(root, 'assistant-explain-date'), '2026-10-31');
    await click('assistant-explain-submit');
    const post = request(backend, 'POST', '/assistant/explain');
    expect(post.request.body).toEqual({ subject: { kind: 'cash', asOf: '2026-10-31' }, locale: 'fr' });
    post.flush(
      answer({
        found: false,
        answer: { text: 'Rien à expliquer.', citations: [], author: { mode: 'offline', model: 'offline-analyst' } },
      }),
    );
    await settle(fixture);
    expect(root.querySelector('[data-testid="assistant-explain-not-found"]')).not.toBeNull();
    expect(root.querySelector('[data-testid="assistant-explain-answer-footnote"]')).toBeNull();
  });

  it('opens on the movement chosen in the journal', async () => {
    const { root } = await open(asRole('auditor'), MOVEMENT);
    expect(byTestId<HTMLInputElement>(root, 'assistant-explain-movement').value).toBe(MOVEMENT);
  });

  it('lets a member ask about their own balance only, without the monthly report', async () => {
    const member = aUser({ memberships: [aMembership({ role: 'member', memberId: 'm-1' })] });
    const { root, click } = await open(member);
    expect(root.querySelector('[data-testid="assistant-view-report"]')).toBeNull();
    expect(root.querySelector('[data-testid="assistant-explain-kind-cash"]')).toBeNull();
    await click('assistant-explain-kind-member-balance');
    expect(root.querySelector('[data-testid="assistant-explain-member"]')).toBeNull();
    await click('assistant-explain-submit');
    expect(request(backend, 'POST', '/assistant/explain').request.body).toEqual({
      subject: { kind: 'member-balance', memberId: 'm-1' },
      locale: 'fr',
    });
  });

  it('switches between explaining and the monthly report', async () => {
    const { root, click } = await open(aUser({ federationRole: 'federation_auditor' }));
    await click('assistant-view-report');
    expect(root.querySelector('[data-testid="assistant-monthly-report"]')).not.toBeNull();
    expect(root.querySelector('[data-testid="assistant-explain"]')).toBeNull();
    await click('assistant-view-explain');
    expect(root.querySelector('[data-testid="assistant-explain"]')).not.toBeNull();
  });
});
