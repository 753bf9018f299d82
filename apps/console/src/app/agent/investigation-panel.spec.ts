import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { type AiStatusResponse, type InvestigationResponse, type MeResponse, SOCKET_EVENTS } from '@kotizo/contracts';
import { aReport, anInvestigation } from '../testing/agent-builders';
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
import { REALTIME_SOCKET_FACTORY } from '../core/realtime/realtime';
import { fakeSocketFactory } from '../testing/fake-socket';
import { InvestigationPanel } from './investigation-panel';

const offline: AiStatusResponse = {
  mode: 'offline',
  model: 'offline-analyst',
  describe: { fr: 'Analyste hors ligne : modèles de phrases', en: 'Offline analyst: templates' },
  budget: { month: '2026-11', usedTokens: 0, limitTokens: null },
};

/** Only the rxjs timers (setInterval) are faked: the page's own rendering keeps real timeouts. */
const fakePolling = () =>
  jest.useFakeTimers({
    doNotFake: ['setTimeout', 'clearTimeout', 'setImmediate', 'clearImmediate', 'queueMicrotask', 'nextTick', 'Date'],
  });

describe('InvestigationPanel', () => {
  let backend: HttpTestingController;
  let sockets: ReturnType<typeof fakeSocketFactory>;

  /** The server says run `id` moved, as the worker does after each step. */
  const progress = (status: InvestigationResponse['status'], steps: number, id = 'inv-1') =>
    sockets.sockets.at(-1)!.emit(SOCKET_EVENTS.investigationProgress, {
      id: `coop-1:${id}:${steps}:${status}`,
      tenant: { cooperativeId: 'coop-1', slug: SLUG },
      investigationId: id,
      caseId: 'case-1',
      status,
      steps,
    });

  async function open(runs: InvestigationResponse[] = [anInvestigation()], me: MeResponse = asRole('auditor')) {
    sockets = fakeSocketFactory();
    TestBed.configureTestingModule({
      imports: [InvestigationPanel, frenchTransloco()],
      providers: [...pageProviders(me), { provide: REALTIME_SOCKET_FACTORY, useValue: sockets.factory }],
    });
    backend = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(InvestigationPanel);
    fixture.componentRef.setInput('slug', SLUG);
    fixture.componentRef.setInput('caseId', 'case-1');
    const changed = jest.fn();
    fixture.componentInstance.caseChanged.subscribe(changed);
    await settle(fixture);
    for (const r of backend.match(`${API}/cases/case-1/investigations`)) r.flush(runs);
    for (const r of backend.match(`${API}/ai`)) r.flush(offline);
    await settle(fixture);
    const root = fixture.nativeElement as HTMLElement;
    const click = async (id: string) => {
      byTestId(root, id).click();
      await settle(fixture);
    };
    return { fixture, root, changed, click };
  }

  afterEach(() => {
    backend.match(() => true);
    jest.useRealTimers();
  });

  it('shows the report a run paused on, with each claim’s records as links, its figures and its steps', async () => {
    const { root } = await open();
    expect(text(byTestId(root, 'ai-mode'))).toBe('Analyste hors ligne');
    expect(text(byTestId(root, 'investigation-status'))).toBe('À décider');
    expect(text(byTestId(root, 'investigation-risk'))).toBe('Risque élevé');

    const claims = root.querySelectorAll('[data-testid="investigation-claim"]');
    expect(claims).toHaveLength(2);
    const links = [...claims[0].querySelectorAll('a[data-testid="citation"]')].map((a) => [
      a.getAttribute('data-kind'),
      a.getAttribute('href'),
    ]);
    expect(links).toEqual([
      ['transaction', '/c/femmes-bouake/journal/t-1'],
      ['finding', '/c/femmes-bouake/cases/case-1#finding-f-1'],
    ]);
    expect(claims[1].querySelector('a[data-testid="citation"]')?.getAttribute('href')).toBe(
      '/c/femmes-bouake/members/m-1',
    );
    expect(text(byTestId(root, 'investigation-figures'))).toContain('× 3,5');
    expect(root.querySelector('[data-testid="investigation-removed"]')).toBeNull();
    expect(text(byTestId(root, 'investigation-author'))).toContain('analyste hors ligne');

    const steps = [...root.querySelectorAll('[data-testid="investigation-step"]')].map((s) =>
      s.getAttribute('data-node'),
    );
    expect(steps).toEqual(['collect', 'agent', 'check']);
    expect(text(root.querySelector('[data-testid="investigation-step"]'))).toContain('Rassemblement des preuves');
    expect(root.querySelectorAll('[data-testid="investigation-tool-call"]')).toHaveLength(2);
  });

  it('says how many claims the check removed, and never links a citation the user may not open', async () => {
    const { root } = await open([anInvestigation({ report: aReport({ removedClaims: 2 }) })], asRole('admin'));
    expect(text(byTestId(root, 'investigation-removed'))).toContain('2 affirmation(s) retirée(s)');
    expect(root.querySelectorAll('a[data-testid="citation"]')).toHaveLength(3);
  });

  it('starts a run in the interface language, shows its steps as they come, and stops asking once it pauses', async () => {
    fakePolling();
    const { fixture, root, click } = await open([]);
    expect(text(byTestId(root, 'investigation-none'))).toContain('Aucune enquête');

    await click('investigate');
    const start = request(backend, 'POST', '/cases/case-1/investigations');
    expect(start.request.body).toEqual({ locale: 'fr' });
    start.flush(anInvestigation({ status: 'queued', steps: [], report: null }));
    await settle(fixture);
    expect(text(byTestId(root, 'investigation-status'))).toBe('En attente');
    expect(byTestId<HTMLButtonElement>(root, 'investigate').disabled).toBe(true);
    // With the socket up, nothing is asked until the server says the run moved.
    jest.advanceTimersByTime(5000);
    backend.expectNone(`${API}/investigations/inv-1`);

    progress('running', 1);
    const [first] = anInvestigation().steps;
    request(backend, 'GET', '/investigations/inv-1').flush(
      anInvestigation({ status: 'running', steps: [first], report: null }),
    );
    await settle(fixture);
    expect(text(byTestId(root, 'investigation-status'))).toBe('En cours');
    expect(root.querySelectorAll('[data-testid="investigation-step"]')).toHaveLength(1);

    progress('running', 2, 'inv-other'); // another case's run: not read
    backend.expectNone(`${API}/investigations/inv-1`);
    jest.advanceTimersByTime(300);
    progress('awaiting_review', 3);
    request(backend, 'GET', '/investigations/inv-1').flush(anInvestigation());
    await settle(fixture);
    expect(text(byTestId(root, 'investigation-status'))).toBe('À décider');
    expect(root.querySelector('[data-testid="investigation-report"]')).not.toBeNull();

    jest.advanceTimersByTime(60_000);
    progress('awaiting_review', 3);
    backend.expectNone(`${API}/investigations/inv-1`);
  });

  it('reads a run again every 15 s with the socket up, in case an event was lost', async () => {
    fakePolling();
    await open([anInvestigation({ status: 'running', report: null })]);
    jest.advanceTimersByTime(14_000);
    backend.expectNone(`${API}/investigations/inv-1`);
    jest.advanceTimersByTime(1_000);
    request(backend, 'GET', '/investigations/inv-1').flush(anInvestigation({ status: 'running', report: null }));
  });

  it('follows a run already under way when the page opens, every 1.5 s while the socket is down', async () => {
    fakePolling();
    const { fixture, root, changed } = await open([anInvestigation({ status: 'running', report: null })]);
    sockets.sockets.at(-1)!.drop();
    jest.advanceTimersByTime(1500);
    request(backend, 'GET', '/investigations/inv-1').flush(anInvestigation({ status: 'degraded', report: null }));
    await settle(fixture);
    expect(text(byTestId(root, 'investigation-status'))).toBe('Interrompue');
    jest.advanceTimersByTime(6000);
    backend.expectNone(`${API}/investigations/inv-1`);
    expect(changed).not.toHaveBeenCalled();
  });

  it('confirms with the note, and tells the case page once the run has closed the case', async () => {
    fakePolling();
    const { fixture, root, changed, click } = await open();
    type(byTestId<HTMLTextAreaElement>(root, 'investigation-note'), '  Double saisie confirmée avec la trésorière. ');
    await click('investigation-confirm');
    const post = request(backend, 'POST', '/investigations/inv-1/decision');
    expect(post.request.body).toEqual({ decision: 'confirm', note: 'Double saisie confirmée avec la trésorière.' });
    post.flush(anInvestigation({ status: 'queued' }));
    await settle(fixture);
    expect(root.querySelector('[data-testid="investigation-confirm"]')).toBeNull();
    expect(changed).not.toHaveBeenCalled();

    progress('confirmed', 3);
    request(backend, 'GET', '/investigations/inv-1').flush(
      anInvestigation({
        status: 'confirmed',
        decision: { decision: 'confirm', note: 'Double saisie confirmée avec la trésorière.' },
      }),
    );
    await settle(fixture);
    expect(changed).toHaveBeenCalledTimes(1);
    expect(text(byTestId(root, 'investigation-decided'))).toBe(
      'Confirmée par l’auditeur · Double saisie confirmée avec la trésorière.',
    );
  });

  it('dismisses without a note when none is given', async () => {
    const { root, click } = await open();
    await click('investigation-dismiss');
    expect(request(backend, 'POST', '/investigations/inv-1/decision').request.body).toEqual({ decision: 'dismiss' });
    expect(root.querySelector('[data-testid="investigation-error"]')).toBeNull();
  });

  it('asks a follow-up only with a question of 3 characters or more', async () => {
    const { root, click } = await open();
    await click('investigation-ask');
    backend.expectNone(`${API}/investigations/inv-1/decision`);
    expect(text(byTestId(root, 'investigation-question-error'))).toBe('Ce champ est obligatoire.');

    type(byTestId<HTMLTextAreaElement>(root, 'investigation-question'), '  ok  ');
    await click('investigation-ask');
    backend.expectNone(`${API}/investigations/inv-1/decision`);
    expect(text(byTestId(root, 'investigation-question-error'))).toBe('Au moins 3 caractères.');

    type(byTestId<HTMLTextAreaElement>(root, 'investigation-question'), 'A-t-elle d’autres retraits en octobre ?');
    await click('investigation-ask');
    expect(request(backend, 'POST', '/investigations/inv-1/decision').request.body).toEqual({
      decision: 'ask',
      question: 'A-t-elle d’autres retraits en octobre ?',
    });
  });

  it('shows why a run stopped, in the user’s language, and resumes it', async () => {
    const degraded = anInvestigation({
      status: 'degraded',
      report: null,
      error: {
        code: 'provider_unavailable',
        message: { fr: 'Le service d’IA ne répond pas.', en: 'The AI service does not answer.' },
        retryable: true,
      },
    });
    const { fixture, root, click } = await open([degraded]);
    expect(text(byTestId(root, 'investigation-degraded-message'))).toBe('Le service d’IA ne répond pas.');
    expect(root.querySelector('[data-testid="investigation-confirm"]')).toBeNull();

    await click('investigation-retry');
    const retry = request(backend, 'POST', '/investigations/inv-1/retry');
    retry.flush(anInvestigation({ status: 'queued', report: null }));
    await settle(fixture);
    expect(text(byTestId(root, 'investigation-status'))).toBe('En attente');
    expect(root.querySelector('[data-testid="investigation-retry"]')).toBeNull();
  });

  it('shows what the model wrote as text: no markup, no image', async () => {
    const { root } = await open([
      anInvestigation({
        report: aReport({
          summary: '<img src=x onerror="alert(1)"> Résumé',
          claims: [{ text: '<b>gras</b> et <a href="https://evil.example">lien</a>', citations: [] }],
          recommendedActions: ['<script>alert(2)</script>'],
        }),
        followUps: [{ question: '<img src=y>', at: '2026-11-25T11:00:00.000Z' }],
      }),
    ]);
    const report = byTestId(root, 'investigation-report');
    expect(text(byTestId(report, 'investigation-summary'))).toBe('<img src=x onerror="alert(1)"> Résumé');
    expect(text(byTestId(report, 'investigation-claim-text'))).toBe(
      '<b>gras</b> et <a href="https://evil.example">lien</a>',
    );
    expect(text(byTestId(report, 'investigation-actions'))).toBe('<script>alert(2)</script>');
    expect(text(byTestId(root, 'investigation-follow-up'))).toContain('<img src=y>');
    expect(root.querySelectorAll('img, b, script, a[href^="https"]')).toHaveLength(0);
  });

  it('shows the run under way when another was started meanwhile', async () => {
    const { fixture, root, click } = await open([]);
    await click('investigate');
    request(backend, 'POST', '/cases/case-1/investigations').flush(
      { type: 'about:blank', title: 'Conflict', status: 409, code: 'investigation_in_progress' },
      { status: 409, statusText: 'Conflict' },
    );
    await settle(fixture);
    expect(text(byTestId(root, 'investigation-error'))).toContain('déjà en cours');
    request(backend, 'GET', '/cases/case-1/investigations').flush([anInvestigation()]);
    await settle(fixture);
    expect(text(byTestId(root, 'investigation-status'))).toBe('À décider');
  });

  it('reads an earlier run again', async () => {
    const older = anInvestigation({
      id: 'inv-0',
      status: 'dismissed',
      createdAt: '2026-10-01T10:00:00.000Z',
      report: aReport({ summary: 'Rien d’anormal.' }),
    });
    const { root, click } = await open([anInvestigation(), older]);
    expect(root.querySelectorAll('[data-testid="investigation-earlier"]')).toHaveLength(1);
    await click('investigation-earlier');
    expect(text(byTestId(root, 'investigation-status'))).toBe('Écartée');
    expect(text(byTestId(root, 'investigation-summary'))).toBe('Rien d’anormal.');
  });

  it('is not there for a treasurer, who cannot read investigations', async () => {
    const { root } = await open([], asRole('treasurer'));
    expect(root.querySelector('[data-testid="investigation-panel"]')).toBeNull();
    backend.expectNone(`${API}/cases/case-1/investigations`);
  });
});
