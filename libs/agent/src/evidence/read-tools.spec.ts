import { FakePorts } from '../testing/fake-ports.js';
import { twoTenants } from '../testing/harness.js';
import { caseOf, loanId, memberId, txId } from '../testing/world.js';
import { emptyEvidence, mergeEvidence, seenIds } from './evidence.js';
import { readToolDefinitions, runReadTool } from './read-tools.js';
import type { ToolCallRecord } from './tool-call.js';

const books = twoTenants();
const { timeline: _t, ...duplicateCase } = caseOf(books.A, 'duplicate-within-24h');
const evidence = mergeEvidence(emptyEvidence(), { case: duplicateCase });

describe('read tools', () => {
  it('describes the read set to the model with JSON schemas', () => {
    const defs = readToolDefinitions();
    expect(defs.map((d) => d.function.name)).toEqual([
      'get_transactions',
      'get_member',
      'get_loan',
      'find_similar_movements',
      'get_member_dues',
      'get_rule',
    ]);
    expect(defs[1]?.function.parameters).toMatchObject({
      type: 'object',
      properties: { memberId: { type: 'string' } },
      required: ['memberId'],
      additionalProperties: false,
    });
  });

  it.each([
    [
      'a tool outside the read set',
      { name: 'close_case', args: { caseId: duplicateCase.id } },
      'not a read tool: the agent can only read',
    ],
    ['arguments of the wrong shape', { name: 'get_member', args: { member: 'x' } }, 'bad arguments'],
    [
      'an extra argument naming a tenant',
      { name: 'get_member', args: { memberId: memberId('A', 1), tenant: 'coop-b' } },
      'bad arguments',
    ],
    [
      'an id never seen',
      { name: 'get_loan', args: { loanId: loanId('A', 1) } },
      `ids never seen in the records: ${loanId('A', 1)}`,
    ],
    [
      'another cooperative’s id',
      { name: 'get_transactions', args: { transactionIds: [txId('B', 7)] } },
      `ids never seen in the records: ${txId('B', 7)}`,
    ],
    [
      'a rule of no finding of the case',
      { name: 'get_rule', args: { ruleId: 'negative-cash', version: 1 } },
      'only the rules of the case’s findings can be read',
    ],
  ])('refuses %s before any port', async (_name, call, reason) => {
    const ports = new FakePorts(books, 'A');
    const out = await runReadTool(ports, { id: 'c', ...call }, 'analyst', evidence, []);
    expect(out.record.status).toBe('rejected');
    expect(out.record.reason).toContain(reason);
    expect(out.patch).toEqual({});
    expect(ports.count()).toBe(0);
  });

  it('reads a member with their latest movements, and records the size and ids of the answer', async () => {
    const ports = new FakePorts(books, 'A');
    const out = await runReadTool(
      ports,
      { id: 'c', name: 'get_member', args: { memberId: memberId('A', 1) } },
      'analyst',
      evidence,
      [],
    );
    expect(out.record).toMatchObject({ status: 'ok', by: 'analyst', args: { memberId: memberId('A', 1) } });
    expect(out.record.resultBytes).toBeGreaterThan(1000);
    expect(out.record.recordIds[0]).toBe(memberId('A', 1));
    expect(ports.calls.map((c) => c.method)).toEqual(['getMember', 'listMemberMovements']);
    expect(ports.calls[1]?.args).toEqual([memberId('A', 1), { limit: 50 }]);
    const after = mergeEvidence(evidence, out.patch);
    expect(seenIds(after).member).toEqual([memberId('A', 1)]);
    expect(after.memberMovements[memberId('A', 1)]).toHaveLength(12);
  });

  it('answers a repeated call from the evidence without calling the port again', async () => {
    const ports = new FakePorts(books, 'A');
    const done: ToolCallRecord[] = [];
    const first = await runReadTool(
      ports,
      { id: '1', name: 'find_similar_movements', args: { transactionId: txId('A', 7) } },
      'analyst',
      evidence,
      done,
    );
    done.push(first.record);
    const again = await runReadTool(
      ports,
      { id: '2', name: 'find_similar_movements', args: { transactionId: txId('A', 7) } },
      'analyst',
      evidence,
      done,
    );
    expect(again.record.status).toBe('cached');
    expect(again.record.recordIds).toEqual(first.record.recordIds);
    expect(ports.count()).toBe(1);
  });

  it('records what does not exist as not found', async () => {
    const ports = new FakePorts(books, 'A');
    const subject = mergeEvidence(evidence, {
      transactions: { [txId('A', 7)]: { ...books.A.transactions[6]!, loanId: loanId('A', 9) } },
    });
    const out = await runReadTool(
      ports,
      { id: 'c', name: 'get_loan', args: { loanId: loanId('A', 9) } },
      'analyst',
      subject,
      [],
    );
    expect(out.record.status).toBe('not_found');
    expect(out.patch.missing).toEqual([loanId('A', 9)]);
  });

  it('keeps nothing a port returns beyond what was asked', async () => {
    const ports = new FakePorts(books, 'A');
    ports.getTransactions = async () => [books.A.transactions[6]!, books.B.transactions[6]!];
    const out = await runReadTool(
      ports,
      { id: 'c', name: 'get_transactions', args: { transactionIds: [txId('A', 7)] } },
      'analyst',
      evidence,
      [],
    );
    expect(Object.keys(out.patch.transactions ?? {})).toEqual([txId('A', 7)]);
  });
});
