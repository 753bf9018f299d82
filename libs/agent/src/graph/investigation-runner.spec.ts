import { AIMessage } from '@langchain/core/messages';
import { fakeModel } from '@langchain/core/testing';
import { ChatModelAnalyst } from '../analyst/chat-model-analyst.js';
import { FakePorts } from '../testing/fake-ports.js';
import { harness, MemoryBudget, twoTenants } from '../testing/harness.js';
import { caseOf, findingId, loanId, memberId, txId } from '../testing/world.js';
import type { InvestigationEvent } from './investigation-runner.js';
import { InvestigationRunner } from './investigation-runner.js';
import { OfflineAnalyst } from '../analyst/offline-analyst.js';
import { MemorySaver } from '@langchain/langgraph';

const submit = (draft: Record<string, unknown>) =>
  new AIMessage({ content: '', tool_calls: [{ name: 'submit_report', args: draft, id: 'r1', type: 'tool_call' }] });
const goodDraft = (claims: { text: string; citedIds: string[] }[]) => ({
  summary: 'Deux cotisations identiques le même jour.',
  riskLevel: 'high',
  claims,
  recommendedActions: ['Vérifier le relevé mobile money.'],
});

describe('investigation runner', () => {
  it('gathers, drafts, checks, pauses for the auditor, then finishes on confirm', async () => {
    const h = harness();
    const events: InvestigationEvent[] = [];
    const c = caseOf(h.books.A, 'duplicate-within-24h');
    const paused = await h.runner.start(
      { threadId: 't', caseId: c.id, locale: 'fr' },
      { onEvent: (e) => void events.push(e) },
    );
    expect(paused.phase).toBe('awaiting_review');
    expect(paused.next).toEqual(['review']);
    expect(paused.run.steps.map((s) => s.node)).toEqual(['collect', 'agent', 'tools', 'agent', 'check']);
    expect(events.map((e) => e.type)).toEqual(['step', 'step', 'step', 'step', 'step', 'awaiting_review']);
    // each step is recorded with its time, duration and tool calls
    const [collect, , tools] = paused.run.steps;
    expect(collect).toMatchObject({ node: 'collect', at: '2026-11-24T10:00:01.000Z', durationMs: 1000 });
    expect(collect?.toolCalls.map((t) => t.name)).toEqual(['get_case', 'get_rule', 'get_member']);
    expect(tools?.toolCalls.map((t) => [t.name, t.args, t.status])).toEqual([
      ['find_similar_movements', { transactionId: txId('A', 7) }, 'ok'],
      ['find_similar_movements', { transactionId: txId('A', 8) }, 'ok'],
      ['get_member_dues', { memberId: memberId('A', 1) }, 'ok'],
    ]);
    expect(tools?.toolCalls.every((t) => t.resultBytes > 0)).toBe(true);
    expect(paused.run).toMatchObject({
      mode: 'offline',
      model: 'offline-analyst',
      startedAt: '2026-11-24T10:00:00.000Z',
      finishedAt: null,
    });
    expect(paused.run.durationMs).toBe(5000);
    expect(paused.report?.evidenceIds).toMatchObject({
      case: [c.id],
      finding: [findingId('A', 8)],
      member: [memberId('A', 1)],
      loan: [],
    });

    const done = await h.runner.decide(
      't',
      { decision: 'confirm', note: 'doublon avéré', by: 'auditor-1' },
      { onEvent: (e) => void events.push(e) },
    );
    expect(done.phase).toBe('confirmed');
    expect(done.next).toEqual([]);
    expect(done.decision).toEqual({ decision: 'confirm', note: 'doublon avéré', by: 'auditor-1' });
    expect(done.run.finishedAt).not.toBeNull();
    expect(done.run.steps.slice(-2).map((s) => [s.node, s.detail])).toEqual([
      ['review', 'decision: confirm'],
      ['finish', 'confirmed'],
    ]);
    expect(events.slice(-1)).toEqual([{ type: 'finished', threadId: 't', outcome: 'confirmed' }]);
  });

  it('dismisses', async () => {
    const h = harness();
    await h.runner.start({ threadId: 't', caseId: caseOf(h.books.A, 'outside-usual-hours').id, locale: 'en' });
    expect((await h.runner.decide('t', { decision: 'dismiss', note: 'meeting ran late' })).phase).toBe('dismissed');
  });

  it('answers a follow-up question: gathers more, drafts again, pauses again', async () => {
    const h = harness();
    await h.runner.start({ threadId: 't', caseId: caseOf(h.books.A, 'loan-par30').id, locale: 'fr' });
    const before = h.ports.count();
    const again = await h.runner.decide('t', {
      decision: 'ask',
      question: 'Et les garants de ce prêt ?',
      by: 'auditor-1',
    });
    expect(again.phase).toBe('awaiting_review');
    expect(again.report?.round).toBe(2);
    expect(again.followUps).toEqual([
      { question: 'Et les garants de ce prêt ?', at: expect.any(String), by: 'auditor-1' },
    ]);
    // the guarantor was read for the question, and only that
    expect(h.ports.calls.slice(before).map((c) => [c.method, c.args[0]])).toEqual([
      ['getMember', memberId('A', 3)],
      ['listMemberMovements', memberId('A', 3)],
    ]);
    expect(again.report?.evidenceIds.member).toContain(memberId('A', 3));
    expect(again.report?.claims.at(-1)?.text).toContain('Question de l’auditeur : « Et les garants de ce prêt ? »');
    expect((await h.runner.decide('t', { decision: 'confirm' })).phase).toBe('confirmed');
  });

  it('refuses a decision when the run is not waiting for one, and a bad decision', async () => {
    const h = harness();
    await h.runner.start({ threadId: 't', caseId: caseOf(h.books.A, 'large-expense').id, locale: 'fr' });
    await expect(h.runner.decide('t', { decision: 'ask', question: '?' })).rejects.toMatchObject({
      code: 'AGENT_INVALID_DECISION',
    });
    await h.runner.decide('t', { decision: 'dismiss' });
    await expect(h.runner.decide('t', { decision: 'confirm' })).rejects.toMatchObject({
      code: 'AGENT_NOT_AWAITING_REVIEW',
    });
    await expect(h.runner.decide('nope', { decision: 'confirm' })).rejects.toMatchObject({
      code: 'AGENT_RUN_NOT_FOUND',
    });
  });

  it('stops asking after the follow-up limit', async () => {
    const h = harness();
    const runner = new InvestigationRunner({
      ports: h.ports,
      analyst: new OfflineAnalyst(),
      checkpointer: new MemorySaver(),
      limits: { maxFollowUps: 1 },
    });
    await runner.start({ threadId: 't', caseId: caseOf(h.books.A, 'large-expense').id, locale: 'fr' });
    await runner.decide('t', { decision: 'ask', question: 'Et le reçu ?' });
    await expect(runner.decide('t', { decision: 'ask', question: 'Et encore ?' })).rejects.toMatchObject({
      code: 'AGENT_INVALID_DECISION',
    });
  });

  it('replaying start resumes the same run instead of starting over', async () => {
    const h = harness();
    const caseId = caseOf(h.books.A, 'negative-cash').id;
    const first = await h.runner.start({ threadId: 't', caseId, locale: 'fr' });
    const calls = h.ports.count();
    const replay = await h.runner.start({ threadId: 't', caseId, locale: 'fr' });
    expect(replay.phase).toBe('awaiting_review');
    expect(replay.run.steps).toEqual(first.run.steps);
    expect(h.ports.count()).toBe(calls);
    await expect(
      h.runner.start({ threadId: 't', caseId: caseOf(h.books.A, 'large-expense').id, locale: 'fr' }),
    ).rejects.toMatchObject({
      code: 'AGENT_THREAD_CONFLICT',
    });
  });

  it('refuses another cooperative’s ports on a thread, loudly', async () => {
    const books = twoTenants();
    const checkpointer = new MemorySaver();
    const a = new InvestigationRunner({
      ports: new FakePorts(books, 'A'),
      analyst: new OfflineAnalyst(),
      checkpointer,
    });
    await a.start({ threadId: 't', caseId: caseOf(books.A, 'negative-cash').id, locale: 'fr' });
    const b = new InvestigationRunner({
      ports: new FakePorts(books, 'B'),
      analyst: new OfflineAnalyst(),
      checkpointer,
    });
    await expect(b.decide('t', { decision: 'confirm' })).rejects.toMatchObject({ code: 'AGENT_TENANT_MISMATCH' });
    await expect(b.status('t')).rejects.toMatchObject({ code: 'AGENT_TENANT_MISMATCH' });
  });

  it('fails loudly on a case the cooperative does not have', async () => {
    const h = harness();
    await expect(
      h.runner.start({ threadId: 't', caseId: caseOf(h.books.B, 'negative-cash').id, locale: 'fr' }),
    ).rejects.toMatchObject({
      code: 'AGENT_CASE_NOT_FOUND',
    });
  });

  it('records the model, its tokens and every step with a chat model', async () => {
    const model = fakeModel()
      .respond(
        new AIMessage({
          content: '',
          tool_calls: [{ name: 'get_loan', args: { loanId: loanId('A', 1) }, id: 'c1', type: 'tool_call' }],
          usage_metadata: { input_tokens: 1000, output_tokens: 20, total_tokens: 1020 },
        }),
      )
      .respond(
        new AIMessage({
          content: '',
          tool_calls: [
            {
              name: 'submit_report',
              args: goodDraft([{ text: 'Prêt n° 4 de 200 000 F CFA.', citedIds: [loanId('A', 1)] }]),
              id: 'r',
              type: 'tool_call',
            },
          ],
          usage_metadata: { input_tokens: 1500, output_tokens: 200, total_tokens: 1700 },
        }),
      );
    const budget = new MemoryBudget(1_000_000);
    const h = harness({ analyst: new ChatModelAnalyst(model, 'gpt-test'), budget });
    const s = await h.runner.start({
      threadId: 't',
      caseId: caseOf(h.books.A, 'repayment-above-outstanding').id,
      locale: 'fr',
    });
    expect(s.phase).toBe('awaiting_review');
    expect(s.run).toMatchObject({ mode: 'openai', model: 'gpt-test', usage: { inputTokens: 2500, outputTokens: 220 } });
    expect(s.run.steps.filter((x) => x.node === 'agent').map((x) => x.usage)).toEqual([
      { inputTokens: 1000, outputTokens: 20 },
      { inputTokens: 1500, outputTokens: 200 },
    ]);
    // usage reported to the cooperative's budget once per committed step
    expect(budget.records.map((r) => [r.cooperativeId, r.model, r.purpose, r.inputTokens, r.outputTokens])).toEqual([
      ['coop-a', 'gpt-test', 'investigation:t', 1000, 20],
      ['coop-a', 'gpt-test', 'investigation:t', 1500, 200],
    ]);
    expect(s.report?.claims.map((c) => c.citations)).toEqual([[{ id: loanId('A', 1), kind: 'loan' }]]);
  });
});

describe('the evidence check', () => {
  it('sends a draft citing an id never seen back once, and keeps the corrected one', async () => {
    const invented = 'a0000002-0000-4000-8000-000000000999';
    const model = fakeModel()
      .respond(submit(goodDraft([{ text: 'Le mouvement n° 107 a un jumeau.', citedIds: [txId('A', 7), invented] }])))
      .respond(
        submit(goodDraft([{ text: 'Le mouvement n° 107 a un jumeau.', citedIds: [txId('A', 7), txId('A', 8)] }])),
      );
    const h = harness({ analyst: new ChatModelAnalyst(model, 'gpt-test') });
    const s = await h.runner.start({
      threadId: 't',
      caseId: caseOf(h.books.A, 'duplicate-within-24h').id,
      locale: 'fr',
    });
    expect(s.run.steps.map((x) => [x.node, x.detail])).toEqual([
      ['collect', '3 reads'],
      ['agent', 'draft'],
      ['check', '1 problems, sent back for repair'],
      ['agent', 'repaired draft'],
      ['check', '1 claims kept, 0 removed, 0 warnings'],
    ]);
    // the repair prompt names the problem
    const repairPrompt = String(model.calls[1]?.messages[1]?.content);
    expect(repairPrompt).toContain(`cites ids the investigation never read: ${invented}`);
    expect(s.report?.claims.map((c) => c.citedIds)).toEqual([[txId('A', 7), txId('A', 8)]]);
    expect(s.report?.removedClaims).toEqual([]);
  });

  it('removes what is still wrong after the repair round: unknown ids, no citation, invented figures', async () => {
    const bad = goodDraft([
      { text: 'Le mouvement n° 107 est de 50 000 F CFA.', citedIds: [txId('A', 7)] },
      { text: 'Un autre membre a tout pris.', citedIds: [txId('B', 7)] },
      { text: 'Rien à citer.', citedIds: [] },
      { text: 'Elle a détourné 730 000 F CFA.', citedIds: [txId('A', 8)] },
    ]);
    const model = fakeModel()
      .respond(submit({ ...bad, summary: 'Perte estimée à 999 999 F CFA.' }))
      .respond(submit({ ...bad, summary: 'Perte estimée à 999 999 F CFA.' }));
    const h = harness({ analyst: new ChatModelAnalyst(model, 'gpt-test') });
    const s = await h.runner.start({
      threadId: 't',
      caseId: caseOf(h.books.A, 'duplicate-within-24h').id,
      locale: 'fr',
    });
    expect(s.report?.claims.map((c) => c.text)).toEqual(['Le mouvement n° 107 est de 50 000 F CFA.']);
    expect(s.report?.removedClaims.map((r) => [r.claim.text, r.problems.map((p) => p.kind)])).toEqual([
      ['Un autre membre a tout pris.', ['unknown-id']],
      ['Rien à citer.', ['no-citation']],
      ['Elle a détourné 730 000 F CFA.', ['unbacked-number']],
    ]);
    expect(s.report?.summary).toBe('Perte estimée à […] F CFA.');
    expect(s.report?.warnings.map((w) => w.where)).toEqual(['summary']);
    expect(model.callCount).toBe(2);
  });
});

describe('budget', () => {
  const oneCall = () =>
    fakeModel().respond(
      new AIMessage({
        content: '',
        tool_calls: [
          {
            name: 'submit_report',
            args: goodDraft([{ text: 'Prêt n° 4.', citedIds: [loanId('A', 1)] }]),
            id: 'r',
            type: 'tool_call',
          },
        ],
        usage_metadata: { input_tokens: 10, output_tokens: 5, total_tokens: 15 },
      }),
    );

  it('stops hard when the month’s tokens are spent, with a clear message, and resumes once raised', async () => {
    const budget = new MemoryBudget(50_000, 50_000);
    const model = oneCall();
    const h = harness({ analyst: new ChatModelAnalyst(model, 'gpt-test'), budget });
    const s = await h.runner.start({ threadId: 't', caseId: caseOf(h.books.A, 'loan-par30').id, locale: 'fr' });
    expect(s.phase).toBe('degraded');
    expect(s.error).toEqual({
      code: 'AGENT_TOKEN_BUDGET_EXCEEDED',
      retryable: false,
      message: {
        fr: expect.stringContaining('Budget d’IA du mois épuisé'),
        en: expect.stringContaining('This month’s AI budget is spent'),
      },
    });
    expect(s.error?.message.en).toContain('50,000 of 50,000 tokens');
    expect(model.callCount).toBe(0);
    expect(s.next).toEqual(['agent']);
    const calls = h.ports.count();
    budget.limit = 100_000;
    const resumed = await h.runner.continue('t');
    expect(resumed.phase).toBe('awaiting_review');
    expect(h.ports.count()).toBe(calls);
    expect(budget.used).toBe(50_015);
  });

  it('never stops the offline analyst', async () => {
    const h = harness({ budget: new MemoryBudget(0) });
    expect(
      (await h.runner.start({ threadId: 't', caseId: caseOf(h.books.A, 'loan-par30').id, locale: 'fr' })).phase,
    ).toBe('awaiting_review');
  });
});

describe('provider faults with a fake model', () => {
  it('retries an unusable answer, then goes on', async () => {
    const model = fakeModel()
      .respond(new AIMessage({ content: 'Je pense que tout va bien.' }))
      .respond(submit({ summary: 'x', riskLevel: 'extreme', claims: [], recommendedActions: [] }))
      .respond(submit(goodDraft([{ text: 'Prêt n° 4.', citedIds: [loanId('A', 1)] }])));
    const h = harness({ analyst: new ChatModelAnalyst(model, 'gpt-test') });
    const s = await h.runner.start({ threadId: 't', caseId: caseOf(h.books.A, 'loan-par30').id, locale: 'fr' });
    expect(s.phase).toBe('awaiting_review');
    expect(model.callCount).toBe(3);
    expect(s.run.steps.filter((x) => x.node === 'agent')).toHaveLength(1);
  });

  it('keeps the run when retries are spent, and continues from the last checkpoint without repeating reads', async () => {
    const down = Object.assign(new Error('Service Unavailable'), { status: 503 });
    const model = fakeModel()
      .respond(
        new AIMessage({
          content: '',
          tool_calls: [{ name: 'get_member_dues', args: { memberId: memberId('A', 2) }, id: 'c', type: 'tool_call' }],
        }),
      )
      .respond(down)
      .respond(down)
      .respond(submit(goodDraft([{ text: 'Prêt n° 4.', citedIds: [loanId('A', 1)] }])));
    const h = harness({ analyst: new ChatModelAnalyst(model, 'gpt-test'), retry: { maxAttempts: 2 } });
    const s = await h.runner.start({ threadId: 't', caseId: caseOf(h.books.A, 'loan-par30').id, locale: 'fr' });
    expect(s.phase).toBe('degraded');
    expect(s.error).toMatchObject({ code: 'AGENT_PROVIDER_UNAVAILABLE', retryable: true });
    expect(s.next).toEqual(['agent']);
    const reads = h.ports.count();
    expect(h.ports.count('getMemberDues')).toBe(1);
    const resumed = await h.runner.continue('t');
    expect(resumed.phase).toBe('awaiting_review');
    expect(resumed.error).toBeNull();
    expect(h.ports.count()).toBe(reads);
  });
});
