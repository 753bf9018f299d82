import type { AiStatusResponse, CaseDetailResponse, InvestigationResponse } from '@kotizo/contracts';
import { ApiHarness } from '../../api/src/testing/api-harness.js';
import { FakeOpenAIServer, toolCall } from '../../../libs/agent/src/testing/fake-openai-server.js';
import { cooperativeWithEveryRole, type CoopFixture } from './fixtures.js';

/**
 * The OpenAI path, end to end through the API and the worker, against a local
 * server that speaks the OpenAI HTTP API: configuration only (AI_PROVIDER,
 * AI_BASE_URL, AI_MODEL, AI_API_KEY), a provider fault retried, claims citing
 * records the run never read taken out, and tokens counted against the budget.
 */
describe('investigations with an OpenAI-compatible server', () => {
  let api: ApiHarness;
  let fake: FakeOpenAIServer;
  let coop: CoopFixture;
  let auditor: string;
  const url = (rest: string) => `/api/v1/coops/${coop.slug}${rest}`;

  beforeAll(async () => {
    fake = await new FakeOpenAIServer().start();
    api = await ApiHarness.start('agent_openai', {
      AI_PROVIDER: 'openai',
      AI_BASE_URL: fake.baseUrl,
      AI_MODEL: 'kotizo-test-model',
      AI_API_KEY: 'sk-test-not-a-real-key',
    });
    coop = await cooperativeWithEveryRole(api, (await api.loginFederationAdmin()).accessToken, 'gagnoa');
    auditor = coop.users.auditor.accessToken;
  });
  afterAll(async () => {
    await api.stop();
    await fake.close();
  });

  it('drafts the report with the configured model, retries a 429, and keeps only claims backed by what it read', async () => {
    const detail = await api.request<CaseDetailResponse>('GET', url(`/cases/${coop.caseId}`), { token: auditor });
    const flagged = detail.body.findings.flatMap((f) => f.transactionIds);
    const draft = {
      summary: 'Une cotisation a été saisie deux fois le même jour.',
      riskLevel: 'medium',
      claims: [
        { text: 'La même cotisation figure deux fois au journal.', citedIds: flagged },
        { text: 'Un autre membre a fait de même.', citedIds: ['00000000-0000-4000-8000-00000000dead'] },
      ],
      recommendedActions: ['Vérifier le carnet de la trésorière et annuler le doublon.'],
    };
    fake.enqueue({ status: 429, error: { message: 'slow down' }, headers: { 'retry-after': '0' } }).otherwise(() => ({
      toolCalls: [toolCall('submit_report', draft)],
      usage: { prompt_tokens: 1200, completion_tokens: 150 },
    }));
    // The fixture's investigation was queued before any worker ran; this one picks it up.
    await api.startWorker();
    let run: InvestigationResponse | null = null;
    for (let i = 0; i < 300; i += 1) {
      const res = await api.request<InvestigationResponse>('GET', url(`/investigations/${coop.investigationId}`), {
        token: auditor,
      });
      if (['awaiting_review', 'degraded'].includes(res.body.status)) {
        run = res.body;
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(run?.status).toBe('awaiting_review');
    expect(run!.report!.author).toEqual({ mode: 'openai', model: 'kotizo-test-model' });
    expect(run!.report!.claims.map((c) => c.text)).toEqual(['La même cotisation figure deux fois au journal.']);
    expect(run!.report!.removedClaims).toBe(1);
    expect(run!.usage.inputTokens).toBeGreaterThanOrEqual(1200);

    const completions = fake.completions;
    expect(completions[0]!.body.model).toBe('kotizo-test-model');
    expect(completions[0]!.headers['authorization']).toBe('Bearer sk-test-not-a-real-key');
    expect(completions.length).toBeGreaterThanOrEqual(3); // the 429, the draft, the repair round

    const status = await api.request<AiStatusResponse>('GET', url('/ai'), { token: auditor });
    expect(status.body).toMatchObject({ mode: 'openai', model: 'kotizo-test-model' });
    expect(status.body.budget.usedTokens).toBe(run!.usage.inputTokens + run!.usage.outputTokens);
  });
});
