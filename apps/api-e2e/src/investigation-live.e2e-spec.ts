import type { INestApplicationContext } from '@nestjs/common';
import {
  type CasesChangedEvent,
  type InvestigationProgressEvent,
  type InvestigationResponse,
  SOCKET_EVENTS,
} from '@kotizo/contracts';
import { ApiHarness } from '../../api/src/testing/api-harness.js';
import { cooperativeWithEveryRole, type CoopFixture } from './fixtures.js';
import { eventually, settle, TestSocket } from './socket-client.js';

/**
 * An investigation run by the real worker, watched through real socket.io
 * clients: its readers see each step as it is committed, its requester is
 * notified when it stops for a decision, and closing the case refreshes the
 * case lists of everyone who reads cases.
 */
describe('investigations followed live', () => {
  let api: ApiHarness;
  let worker: INestApplicationContext;
  let coop: CoopFixture;
  let other: CoopFixture;
  const sockets: TestSocket[] = [];
  const url = (rest: string) => `/api/v1/coops/${coop.slug}${rest}`;

  beforeAll(async () => {
    api = await ApiHarness.start('investigation-live');
    const admin = (await api.loginFederationAdmin()).accessToken;
    coop = await cooperativeWithEveryRole(api, admin, 'gagnoa');
    other = await cooperativeWithEveryRole(api, admin, 'soubre');
    worker = await api.startWorker();
  });
  afterAll(async () => {
    for (const s of sockets) s.close();
    await worker.close();
    await api.stop();
  });

  const connect = async (token: string) => {
    const socket = await TestSocket.connect(api, token);
    sockets.push(socket);
    return socket;
  };

  async function newCase(): Promise<string> {
    const expense = await api.request<{ id: string }>('POST', url('/transactions'), {
      token: coop.users.treasurer.accessToken,
      body: { kind: 'expense', category: 'rent', amount: 300_000, channel: 'cash' },
    });
    expect(expense.status).toBe(201);
    const verdict = await api.request<{ hits: { caseId: string | null }[] }>(
      'GET',
      url(`/transactions/${expense.body.id}/verdict`),
      { token: coop.users.auditor.accessToken },
    );
    return verdict.body.hits.find((h) => h.caseId)!.caseId!;
  }

  it('shows each step to those who may read the run, tells its requester it awaits a decision, and refreshes case lists when it closes the case', async () => {
    const auditor = await connect(coop.users.auditor.accessToken);
    const admin = await connect(coop.users.admin.accessToken);
    const treasurer = await connect(coop.users.treasurer.accessToken);
    const foreignAuditor = await connect(other.users.auditor.accessToken);
    const caseId = await newCase();

    const started = await api.request<InvestigationResponse>('POST', url(`/cases/${caseId}/investigations`), {
      token: coop.users.auditor.accessToken,
      body: { locale: 'fr' },
    });
    expect(started.status).toBe(202);
    const id = started.body.id;
    const progressOf = (socket: TestSocket) =>
      socket
        .of<InvestigationProgressEvent>(SOCKET_EVENTS.investigationProgress)
        .filter((e) => e.investigationId === id);

    const last = await eventually(() => progressOf(auditor).find((e) => e.status === 'awaiting_review'), 30_000);
    const events = progressOf(auditor);
    expect(events[0]).toMatchObject({ status: 'running', caseId, tenant: { slug: coop.slug } });
    // One event per committed step, in order, then the pause.
    const running = events.filter((e) => e.status === 'running').map((e) => e.steps);
    expect(running.length).toBeGreaterThan(2);
    expect(running).toEqual([...running].sort((a, b) => a - b));
    const stored = await api.request<InvestigationResponse>('GET', url(`/investigations/${id}`), {
      token: coop.users.auditor.accessToken,
    });
    expect(stored.body.status).toBe('awaiting_review');
    expect(last.steps).toBe(stored.body.steps.length);
    expect(new Set(events.map((e) => e.id)).size).toBe(events.length);

    // The admin reads investigations too; the treasurer and another cooperative's auditor do not hear of it.
    await eventually(() => progressOf(admin).some((e) => e.status === 'awaiting_review'));
    await settle();
    expect(progressOf(treasurer)).toEqual([]);
    expect(progressOf(foreignAuditor)).toEqual([]);

    // Its requester finds it in the bell (the relay delivers the outbox row written with the pause).
    const notice = await eventually(() =>
      auditor.notifications.find((n) => n.kind === 'investigation.finished' && n.data['caseId'] === caseId),
    );
    expect(notice.data['status']).toBe('awaiting_review');
    expect(admin.notifications.some((n) => n.kind === 'investigation.finished')).toBe(false);

    const decided = await api.request('POST', url(`/investigations/${id}/decision`), {
      token: coop.users.auditor.accessToken,
      body: { decision: 'confirm', note: 'Loyer payé deux fois.' },
    });
    expect(decided.status).toBe(202);
    await eventually(() => progressOf(auditor).some((e) => e.status === 'confirmed'), 30_000);
    // By the time the run says confirmed, the case is closed.
    const closed = await api.request<{ status: string }>('GET', url(`/cases/${caseId}`), {
      token: coop.users.auditor.accessToken,
    });
    expect(closed.body.status).toBe('confirmed');
    // Everyone whose case list shows it is told to reload it; the other cooperative is not.
    await eventually(() =>
      treasurer
        .of<CasesChangedEvent>(SOCKET_EVENTS.casesChanged)
        .some((e) => e.caseId === caseId && e.change === 'status'),
    );
    await settle();
    expect(foreignAuditor.of<CasesChangedEvent>(SOCKET_EVENTS.casesChanged).some((e) => e.caseId === caseId)).toBe(
      false,
    );
  });
});
