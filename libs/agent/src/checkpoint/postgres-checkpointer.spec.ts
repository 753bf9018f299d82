import { AIMessage } from '@langchain/core/messages';
import { fakeModel } from '@langchain/core/testing';
import type { PostgresSaver } from '@langchain/langgraph-checkpoint-postgres';
import pg from 'pg';
import { ChatModelAnalyst } from '../analyst/chat-model-analyst.js';
import { OfflineAnalyst } from '../analyst/offline-analyst.js';
import { InvestigationRunner } from '../graph/investigation-runner.js';
import { FakePorts, tickingClock } from '../testing/fake-ports.js';
import { twoTenants } from '../testing/harness.js';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.js';
import { caseOf, loanId, memberId } from '../testing/world.js';
import { createPostgresCheckpointer, migrateCheckpointer } from './postgres-checkpointer.js';

/**
 * A run survives its process: each "process" here is a fresh saver (its
 * own connection pool), fresh ports and a fresh runner over the same
 * database, the previous ones closed.
 */
let db: TestDatabase;
const savers: PostgresSaver[] = [];
const books = twoTenants();

function aProcess(analyst = new OfflineAnalyst() as ConstructorParameters<typeof InvestigationRunner>[0]['analyst']) {
  const saver = createPostgresCheckpointer({ connectionString: db.url });
  savers.push(saver);
  const ports = new FakePorts(books, 'A');
  const runner = new InvestigationRunner({
    ports,
    analyst,
    checkpointer: saver,
    clock: tickingClock(),
    retry: { maxAttempts: 1 },
  });
  return { saver, ports, runner, stop: () => saver.end() };
}

beforeAll(async () => {
  db = await createTestDatabase('agent_checkpoint');
  const saver = createPostgresCheckpointer({ connectionString: db.url });
  await migrateCheckpointer(saver);
  await saver.end();
});

afterAll(async () => {
  await Promise.allSettled(savers.map((s) => s.end()));
  await db.drop();
});

describe('checkpoints in PostgreSQL', () => {
  it('keeps its tables in its own schema, and migrating again changes nothing', async () => {
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    try {
      const tables = await client.query<{ table_name: string }>(
        "select table_name from information_schema.tables where table_schema = 'agent' order by table_name",
      );
      expect(tables.rows.map((r) => r.table_name)).toEqual([
        'checkpoint_blobs',
        'checkpoint_migrations',
        'checkpoint_writes',
        'checkpoints',
      ]);
      const count = async () =>
        (await client.query<{ n: number }>('select count(*)::int as n from agent.checkpoint_migrations')).rows[0]?.n;
      const before = await count();
      expect(before).toBeGreaterThan(0);
      const again = aProcess();
      await migrateCheckpointer(again.saver);
      expect(await count()).toBe(before);
      const public_ = await client.query(
        "select count(*)::int as n from information_schema.tables where table_schema = 'public'",
      );
      expect(public_.rows[0]).toEqual({ n: 0 });
      await again.stop();
    } finally {
      await client.end();
    }
  });

  it('resumes a paused run in a fresh process and finishes it without reading anything again', async () => {
    const caseId = caseOf(books.A, 'loan-par30').id;
    const first = aProcess();
    const paused = await first.runner.start({ threadId: 'restart-1', caseId, locale: 'fr' });
    expect(paused.phase).toBe('awaiting_review');
    expect(first.ports.count()).toBeGreaterThan(0);
    await first.stop();

    const second = aProcess();
    const status = await second.runner.status('restart-1');
    expect(status?.phase).toBe('awaiting_review');
    expect(status?.report).toEqual(paused.report);
    const done = await second.runner.decide('restart-1', { decision: 'confirm' });
    expect(done.phase).toBe('confirmed');
    expect(done.run.steps.map((s) => s.node)).toEqual([...paused.run.steps.map((s) => s.node), 'review', 'finish']);
    expect(second.ports.count()).toBe(0);
    await second.stop();
  });

  it('answers a follow-up in a fresh process, reading only what the question needs', async () => {
    const caseId = caseOf(books.A, 'loan-par30').id;
    const first = aProcess();
    await first.runner.start({ threadId: 'restart-2', caseId, locale: 'fr' });
    await first.stop();
    const second = aProcess();
    const again = await second.runner.decide('restart-2', { decision: 'ask', question: 'Qui sont les garants ?' });
    expect(again.phase).toBe('awaiting_review');
    expect(second.ports.calls.map((c) => c.method)).toEqual(['getMember', 'listMemberMovements']);
    expect(second.ports.calls[0]?.args).toEqual([memberId('A', 3)]);
    await second.stop();
  });

  it('continues a run cut short by a fault in another process, from its last checkpoint', async () => {
    const caseId = caseOf(books.A, 'loan-par30').id;
    const crash = fakeModel()
      .respond(
        new AIMessage({
          content: '',
          tool_calls: [{ name: 'get_member_dues', args: { memberId: memberId('A', 2) }, id: 'c1', type: 'tool_call' }],
        }),
      )
      .respond(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }));
    const first = aProcess(new ChatModelAnalyst(crash, 'gpt-test'));
    const cut = await first.runner.start({ threadId: 'restart-3', caseId, locale: 'fr' });
    expect(cut.phase).toBe('degraded');
    expect(first.ports.count('getMemberDues')).toBe(1);
    await first.stop();

    const recover = fakeModel().respond(
      new AIMessage({
        content: '',
        tool_calls: [
          {
            name: 'submit_report',
            args: {
              summary: 'Prêt n° 4 en retard.',
              riskLevel: 'high',
              claims: [{ text: 'Prêt n° 4 : 45 jours de retard.', citedIds: [loanId('A', 1)] }],
              recommendedActions: [],
            },
            id: 'r',
            type: 'tool_call',
          },
        ],
      }),
    );
    const second = aProcess(new ChatModelAnalyst(recover, 'gpt-test'));
    const status = await second.runner.status('restart-3');
    expect(status?.phase).toBe('running');
    expect(status?.next).toEqual(['agent']);
    const resumed = await second.runner.continue('restart-3');
    expect(resumed.phase).toBe('awaiting_review');
    expect(second.ports.count()).toBe(0);
    expect(resumed.run.toolCalls.filter((c) => c.name === 'get_member_dues')).toHaveLength(1);
    // the model of the second process saw the dues read by the first
    expect(String(recover.calls[0]?.messages[1]?.content)).toContain('"amountLate":10000');
    await second.stop();
  });
});
