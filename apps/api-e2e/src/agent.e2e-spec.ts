import type { INestApplicationContext } from '@nestjs/common';
import { parse } from 'csv-parse/sync';
import type {
  AiStatusResponse,
  AssistantStreamLine,
  AssistantThreadResponse,
  AssistantTurnResponse,
  CaseDetailResponse,
  ExplanationResponse,
  InvestigationResponse,
  Problem,
} from '@kotizo/contracts';
import { localDate } from '@kotizo/domain';
import { ApiHarness } from '../../api/src/testing/api-harness.js';
import { cooperativeWithEveryRole, type CoopFixture, PASSWORD } from './fixtures.js';

describe('investigations and the assistant (offline analyst)', () => {
  let api: ApiHarness;
  let worker: INestApplicationContext;
  let coop: CoopFixture;
  let auditor: string;
  const url = (rest: string) => `/api/v1/coops/${coop.slug}${rest}`;

  beforeAll(async () => {
    api = await ApiHarness.start('agent');
    coop = await cooperativeWithEveryRole(api, (await api.loginFederationAdmin()).accessToken, 'daloa');
    auditor = coop.users.auditor.accessToken;
    worker = await api.startWorker();
  });
  afterAll(async () => {
    await api.stop();
  });

  async function until(id: string, statuses: string[]): Promise<InvestigationResponse> {
    for (let i = 0; i < 300; i += 1) {
      const res = await api.request<InvestigationResponse>('GET', url(`/investigations/${id}`), { token: auditor });
      if (statuses.includes(res.body.status)) return res.body;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`investigation ${id} never reached ${statuses.join('/')}`);
  }

  it('says which model writes, and that it is the offline analyst without a key', async () => {
    const res = await api.request<AiStatusResponse>('GET', url('/ai'), { token: coop.users.treasurer.accessToken });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ mode: 'offline', budget: { usedTokens: 0 } });
    expect(res.body.describe.fr.length).toBeGreaterThan(10);
  });

  it('investigates a case, pauses on a report whose claims cite what it read, answers a question, and closes on the auditor’s decision', async () => {
    // The fixture asked for an investigation of its case before any worker ran: the job waited in the queue.
    const started = { body: { id: coop.investigationId } };
    const queued = await api.request<InvestigationResponse>('GET', url(`/investigations/${coop.investigationId}`), {
      token: auditor,
    });
    expect(queued.body).toMatchObject({ mode: 'offline', caseId: coop.caseId, requestedBy: coop.users.auditor.id });
    const twice = await api.request<Problem>('POST', url(`/cases/${coop.caseId}/investigations`), {
      token: auditor,
      body: {},
    });
    expect(twice.status).toBe(409);
    expect(twice.body.code).toBe('investigation_in_progress');

    const review = await until(started.body.id, ['awaiting_review', 'degraded']);
    expect(review.status).toBe('awaiting_review');
    expect(review.report!.summary.length).toBeGreaterThan(20);
    expect(review.report!.claims.length).toBeGreaterThan(0);
    const detail = await api.request<CaseDetailResponse>('GET', url(`/cases/${coop.caseId}`), { token: auditor });
    const known = new Set([
      coop.caseId,
      coop.memberId,
      ...detail.body.findings.flatMap((f) => [f.id, ...f.transactionIds]),
    ]);
    const cited = review.report!.claims.flatMap((c) => c.citations.map((x) => x.id));
    expect(cited.length).toBeGreaterThan(0);
    // Every id a claim cites was read during the run; the case's own records are among them.
    expect(cited.some((id) => known.has(id))).toBe(true);
    expect(review.steps.map((s) => s.node)).toEqual(expect.arrayContaining(['collect', 'check']));
    expect(review.steps.flatMap((s) => s.toolCalls).length).toBeGreaterThan(0);

    const asked = await api.request<InvestigationResponse>('POST', url(`/investigations/${started.body.id}/decision`), {
      token: auditor,
      body: { decision: 'ask', question: 'Le membre a-t-il d’autres cotisations ce mois-ci ?' },
    });
    expect(asked.status).toBe(202);
    const second = await until(started.body.id, ['awaiting_review', 'degraded']);
    expect(second.followUps).toHaveLength(1);
    expect(second.report!.round).toBe(2);

    const bad = await api.request<Problem>('POST', url(`/investigations/${started.body.id}/decision`), {
      token: auditor,
      body: { decision: 'ask', question: '' },
    });
    expect(bad.status).toBe(422);

    await api.request('POST', url(`/investigations/${started.body.id}/decision`), {
      token: auditor,
      body: { decision: 'confirm', note: 'Double saisie confirmée avec la trésorière.' },
    });
    const done = await until(started.body.id, ['confirmed', 'degraded']);
    expect(done.status).toBe('confirmed');
    const closed = await api.request<CaseDetailResponse>('GET', url(`/cases/${coop.caseId}`), { token: auditor });
    expect(closed.body.status).toBe('confirmed');
    expect(closed.body.outcomeNote).toContain('Double saisie confirmée');
  });

  it('resumes a paused investigation in a new worker after the first one stopped', async () => {
    const other = await api.request<{ id: string }>('POST', url('/transactions'), {
      token: coop.users.treasurer.accessToken,
      body: { kind: 'expense', category: 'rent', amount: 250_000, channel: 'cash' },
    });
    const verdict = await api.request<{ hits: { ruleId: string; caseId: string | null }[] }>(
      'GET',
      url(`/transactions/${other.body.id}/verdict`),
      { token: auditor },
    );
    const caseId = verdict.body.hits.find((h) => h.caseId)!.caseId!;
    const started = await api.request<InvestigationResponse>('POST', url(`/cases/${caseId}/investigations`), {
      token: auditor,
      body: {},
    });
    await until(started.body.id, ['awaiting_review']);
    await worker.close();
    worker = await api.startWorker();
    await api.request('POST', url(`/investigations/${started.body.id}/decision`), {
      token: auditor,
      body: { decision: 'dismiss', note: 'Loyer annuel, prévu au budget.' },
    });
    const done = await until(started.body.id, ['dismissed', 'degraded']);
    expect(done.status).toBe('dismissed');
    // The gathering done before the restart was not done again.
    expect(done.steps.filter((s) => s.node === 'collect')).toHaveLength(1);
  });

  it('lets only auditors and admins run investigations', async () => {
    for (const role of ['treasurer', 'secretary', 'member'] as const) {
      const res = await api.request('POST', url(`/cases/${coop.caseId}/investigations`), {
        token: coop.users[role].accessToken,
        body: {},
      });
      expect(res.status).toBe(403);
    }
  });

  it('writes the monthly report with figures computed in code, and exports it as CSV', async () => {
    const month = localDate(new Date(), 'Africa/Abidjan').slice(0, 7);
    const res = await api.request<{ totals: unknown; closingBalances: { cash: number }; narrative: { text: string } }>(
      'GET',
      url(`/assistant/monthly-report?month=${month}`),
      { token: coop.users.treasurer.accessToken },
    );
    expect(res.status).toBe(200);
    const balances = await api.request<{ cash: number }>('GET', url('/balances'), { token: auditor });
    expect(res.body.closingBalances.cash).toBe(balances.body.cash);
    expect(res.body.narrative.text.length).toBeGreaterThan(20);

    const csv = await fetch(`${api.baseUrl}${url(`/assistant/monthly-report.csv?month=${month}`)}`, {
      headers: { authorization: `Bearer ${coop.users.treasurer.accessToken}` },
    });
    expect(csv.status).toBe(200);
    const rows = parse(await csv.text(), { delimiter: ';', bom: true, columns: true }) as Record<string, string>[];
    expect(rows.find((r) => r['section'] === 'Caisse')?.['valeur']).toBe(String(balances.body.cash));
    const badMonth = await api.request<Problem>('GET', url('/assistant/monthly-report?month=2026-13'), {
      token: auditor,
    });
    expect(badMonth.status).toBe(422);
  });

  it('explains a movement citing it, and tells a member nothing about someone else’s', async () => {
    const explained = await api.request<ExplanationResponse>('POST', url('/assistant/explain'), {
      token: auditor,
      body: { subject: { kind: 'movement', transactionId: coop.transactionId }, locale: 'en' },
    });
    expect(explained.status).toBe(200);
    expect(explained.body.found).toBe(true);
    expect(explained.body.answer.citations.map((c) => c.id)).toContain(coop.transactionId);

    // A member account linked to a record of its own asks about another member.
    const own = await api.request<{ id: string }>('POST', url('/members'), {
      token: coop.users.secretary.accessToken,
      body: { fullName: 'Adjoua Koffi', phone: '+22507123456', joinedOn: '2026-02-01' },
    });
    const account = await api.request('POST', url('/users'), {
      token: coop.users.admin.accessToken,
      body: {
        name: 'Adjoua Koffi',
        email: 'adjoua@daloa.test',
        role: 'member',
        password: PASSWORD,
        memberId: own.body.id,
      },
    });
    expect(account.status).toBe(201);
    const member = await api.login('adjoua@daloa.test', PASSWORD);
    const stranger = await api.request<ExplanationResponse>('POST', url('/assistant/explain'), {
      token: member.accessToken,
      body: { subject: { kind: 'member-balance', memberId: coop.memberId } },
    });
    expect(stranger.status).toBe(200);
    expect(stranger.body.found).toBe(false);
    expect(JSON.stringify(stranger.body)).not.toContain(`Membre ${coop.slug}`);
  });

  it('keeps conversations per user: answers stream, the turns are kept, and nobody else reads the thread', async () => {
    const created = await api.request<AssistantThreadResponse>('POST', url('/assistant/threads'), {
      token: coop.users.treasurer.accessToken,
      body: { title: 'Caisse de novembre' },
    });
    expect(created.status).toBe(201);
    const stream = await fetch(`${api.baseUrl}${url(`/assistant/threads/${created.body.id}/messages`)}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${coop.users.treasurer.accessToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        request: { kind: 'explain', subject: { kind: 'movement', transactionId: coop.transactionId } },
      }),
    });
    expect(stream.headers.get('content-type')).toContain('application/x-ndjson');
    const lines = (await stream.text())
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as AssistantStreamLine);
    const last = lines[lines.length - 1]!;
    expect(last.type).toBe('turn');
    const turn = (last as { turn: AssistantTurnResponse }).turn;
    expect(turn.found).toBe(true);
    expect(turn.answer.citations.map((c) => c.id)).toContain(coop.transactionId);

    const history = await api.request<AssistantTurnResponse[]>('GET', url(`/assistant/threads/${created.body.id}`), {
      token: coop.users.treasurer.accessToken,
    });
    expect(history.body).toHaveLength(1);
    expect(history.body[0]!.answer.text).toBe(turn.answer.text);
    const mine = await api.request<AssistantThreadResponse[]>('GET', url('/assistant/threads'), {
      token: coop.users.treasurer.accessToken,
    });
    expect(mine.body.map((t) => t.title)).toEqual(['Caisse de novembre']);

    // Someone else in the same cooperative: the thread does not exist for them.
    const other = await api.request('GET', url(`/assistant/threads/${created.body.id}`), { token: auditor });
    expect(other.status).toBe(404);
    const theirs = await api.request<AssistantThreadResponse[]>('GET', url('/assistant/threads'), { token: auditor });
    expect(theirs.body).toEqual([]);
    const bad = await api.request<Problem>('POST', url(`/assistant/threads/${created.body.id}/messages`), {
      token: coop.users.treasurer.accessToken,
      body: { request: { kind: 'monthly-report', month: '2026-1' } },
    });
    expect(bad.status).toBe(422);
    expect(bad.body.errors!.map((e) => e.field)).toEqual(['request.month']);
  });
});
