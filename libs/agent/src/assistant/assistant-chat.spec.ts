import { AIMessageChunk } from '@langchain/core/messages';
import { fakeModel } from '@langchain/core/testing';
import { MemorySaver } from '@langchain/langgraph';
import { ChatModelAnalyst } from '../analyst/chat-model-analyst.js';
import { FakePorts, tickingClock } from '../testing/fake-ports.js';
import { twoTenants } from '../testing/harness.js';
import { memberId, txId } from '../testing/world.js';
import { AssistantChat } from './assistant-chat.js';

const books = twoTenants();

describe('assistant threads', () => {
  it('keeps each question and answer on the thread, and streams the answer through LangGraph’s custom mode', async () => {
    const checkpointer = new MemorySaver();
    const model = fakeModel().respond(
      new AIMessageChunk({ content: `Cotisation annulée le lendemain [[${txId('A', 16)}]].` }),
    );
    const chat = new AssistantChat({
      ports: new FakePorts(books, 'A'),
      owner: 'user-1',
      writer: new ChatModelAnalyst(model, 'gpt-test'),
      checkpointer,
      clock: tickingClock(),
    });
    const tokens: string[] = [];
    const first = await chat.ask(
      'thread-1',
      { kind: 'explain', subject: { kind: 'movement', transactionId: txId('A', 15) } },
      'fr',
      { onToken: (t) => tokens.push(t) },
    );
    expect(first.answer.text).toBe('Cotisation annulée le lendemain [1].');
    expect(tokens.join('')).toBe(`Cotisation annulée le lendemain [[${txId('A', 16)}]].`);

    // a later process, offline, on the same thread
    const later = new AssistantChat({
      ports: new FakePorts(books, 'A'),
      owner: 'user-1',
      checkpointer,
      clock: tickingClock(),
    });
    const second = await later.ask('thread-1', { kind: 'monthly-report', month: '2026-11' }, 'en');
    expect(second.report?.totals.cashIn).toBe(124_500);
    expect(second.answer.author.mode).toBe('offline');
    const history = await later.history('thread-1');
    expect(history.map((t) => [t.request.kind, t.answer.author.model])).toEqual([
      ['explain', 'gpt-test'],
      ['monthly-report', 'offline-analyst'],
    ]);
  });

  it('answers its owner only', async () => {
    const checkpointer = new MemorySaver();
    const mine = new AssistantChat({ ports: new FakePorts(books, 'A'), owner: 'user-1', checkpointer });
    await mine.ask(
      'thread-1',
      { kind: 'explain', subject: { kind: 'member-balance', memberId: memberId('A', 1) } },
      'fr',
    );
    const someoneElse = new AssistantChat({ ports: new FakePorts(books, 'A'), owner: 'user-2', checkpointer });
    await expect(someoneElse.history('thread-1')).rejects.toMatchObject({ code: 'AGENT_TENANT_MISMATCH' });
    const otherCoop = new AssistantChat({ ports: new FakePorts(books, 'B'), owner: 'user-1', checkpointer });
    await expect(otherCoop.ask('thread-1', { kind: 'monthly-report', month: '2026-11' }, 'fr')).rejects.toMatchObject({
      code: 'AGENT_TENANT_MISMATCH',
    });
  });
});
