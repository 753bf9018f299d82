import type { INestApplicationContext } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import type {
  CasesChangedEvent,
  LoanResponse,
  NotificationPage,
  NotificationResponse,
  ThreadDetailResponse,
  UnreadCountResponse,
} from '@kotizo/contracts';
import { ApiHarness } from '../../api/src/testing/api-harness.js';
import { cooperativeWithEveryRole, PASSWORD, type CoopFixture } from './fixtures.js';
import { eventually, settle, TestSocket } from './socket-client.js';

describe('real-time notifications', () => {
  let api: ApiHarness;
  let worker: INestApplicationContext;
  let a: CoopFixture;
  let b: CoopFixture;
  const sockets: TestSocket[] = [];
  const open = async (token: string): Promise<TestSocket> => {
    const socket = await TestSocket.connect(api, token);
    sockets.push(socket);
    return socket;
  };

  beforeAll(async () => {
    api = await ApiHarness.start('notifications');
    const fed = await api.loginFederationAdmin();
    a = await cooperativeWithEveryRole(api, fed.accessToken, 'notif-a');
    b = await cooperativeWithEveryRole(api, fed.accessToken, 'notif-b');
    worker = await api.startWorker();
  });
  afterEach(() => {
    for (const socket of sockets.splice(0)) socket.close();
  });
  afterAll(async () => {
    await api.stop();
  });

  async function requestLoan(coop: CoopFixture): Promise<LoanResponse> {
    const res = await api.request<LoanResponse>('POST', `/api/v1/coops/${coop.slug}/loans`, {
      token: coop.users.treasurer.accessToken,
      body: {
        memberId: coop.memberId,
        principal: 20_000,
        annualRateBasisPoints: 0,
        method: 'flat',
        installments: 2,
        frequency: 'monthly',
        purpose: 'Semences',
      },
    });
    expect(res.status).toBe(201);
    return res.body;
  }

  async function writeToMember(coop: CoopFixture, body: string): Promise<ThreadDetailResponse> {
    const res = await api.request<ThreadDetailResponse>('POST', `/api/v1/coops/${coop.slug}/message-threads`, {
      token: coop.users.secretary.accessToken,
      body: { subject: 'Réunion', body, recipientIds: [coop.users.member.id] },
    });
    expect(res.status).toBe(201);
    return res.body;
  }

  const aboutLoan = (socket: TestSocket, loanId: string) =>
    socket.notifications.filter((n) => n.data.loanId === loanId);

  it('tells the users concerned, and only them, with the tenant, an id and a sequence', async () => {
    const [adminA, treasurerA, auditorA, memberA, adminB, treasurerB] = await Promise.all([
      open(a.users.admin.accessToken),
      open(a.users.treasurer.accessToken),
      open(a.users.auditor.accessToken),
      open(a.users.member.accessToken),
      open(b.users.admin.accessToken),
      open(b.users.treasurer.accessToken),
    ]);
    const loan = await requestLoan(a);

    // A loan awaiting approval: the admin may approve it; the treasurer asked for it, so is not told.
    const [notification] = await eventually(() => aboutLoan(adminA, loan.id).length > 0 && aboutLoan(adminA, loan.id));
    expect(notification).toEqual({
      id: expect.any(String),
      seq: expect.any(Number),
      tenant: { cooperativeId: a.id, slug: a.slug },
      kind: 'loan.awaiting_approval',
      data: expect.objectContaining({ loanId: loan.id, loanNumber: loan.number, amount: 20_000, currency: 'XOF' }),
      createdAt: expect.any(String),
      readAt: null,
    });

    // A new member's contribution recorded twice opens a case: auditors and admins hear of it, lists of cases refresh.
    const member = await api.request<{ id: string }>('POST', `/api/v1/coops/${a.slug}/members`, {
      token: a.users.secretary.accessToken,
      body: { fullName: 'Fatou Diallo', phone: '+22507000077', joinedOn: '2026-01-15' },
    });
    expect(member.status).toBe(201);
    for (let i = 0; i < 2; i++) {
      const res = await api.request('POST', `/api/v1/coops/${a.slug}/transactions`, {
        token: a.users.treasurer.accessToken,
        body: { kind: 'contribution', memberId: member.body.id, amount: 7_300, channel: 'mobile_money' },
      });
      expect(res.status).toBe(201);
    }
    const caseNotice = (socket: TestSocket) =>
      socket.notifications.find((n) => n.kind === 'case.opened' && n.data.subjectLabel === 'Fatou Diallo');
    const opened = await eventually(() => caseNotice(auditorA));
    expect(opened.data).toEqual(
      expect.objectContaining({
        caseId: expect.any(String),
        caseNumber: expect.any(Number),
        findingCount: expect.any(Number),
      }),
    );
    await eventually(() => caseNotice(adminA));
    await eventually(() =>
      treasurerA.of<CasesChangedEvent>('cases.changed').some((e) => e.caseId === opened.data.caseId),
    );
    await settle();

    expect(aboutLoan(treasurerA, loan.id)).toEqual([]);
    expect(caseNotice(treasurerA)).toBeUndefined();
    for (const outsider of [auditorA, memberA]) expect(aboutLoan(outsider, loan.id)).toEqual([]);
    expect(memberA.of('cases.changed')).toEqual([]);
    // B's people hear of B's own affairs only (the fixture's case and loan there may still be arriving).
    for (const other of [adminB, treasurerB]) {
      expect(other.notifications.filter((n) => n.tenant.slug !== b.slug)).toEqual([]);
      expect(other.of<CasesChangedEvent>('cases.changed').filter((e) => e.tenant.slug !== b.slug)).toEqual([]);
    }
    // Every notification a socket got is its user's own, stored, in the cooperative it names.
    for (const [socket, coop] of [
      [adminA, a],
      [auditorA, a],
    ] as const) {
      for (const n of socket.notifications) expect(n.tenant.slug).toBe(coop.slug);
    }
  });

  it('lets a client that asks for rooms or sends events get nothing more', async () => {
    const memberA = await open(a.users.member.accessToken);
    memberA.socket.emit('join', `user:${a.users.admin.id}`);
    memberA.socket.emit('subscribe', { room: `coop:${b.id}` });
    const loan = await requestLoan(a);
    const adminA = await open(a.users.admin.accessToken);
    await requestLoan(b);
    await eventually(async () => {
      const page = await api.request<NotificationPage>('GET', '/api/v1/me/notifications?limit=5', {
        token: a.users.admin.accessToken,
      });
      return page.body.items.some((n) => n.data.loanId === loan.id);
    });
    await settle();
    expect(memberA.notifications).toEqual([]);
    expect(adminA.notifications.every((n) => n.tenant.slug === a.slug)).toBe(true);
  });

  it('refuses a missing, forged, expired or revoked token at the handshake', async () => {
    const signer = new JwtService({});
    const valid = await api.login(`auditor@${a.slug}.test`, PASSWORD);
    const claims = JSON.parse(Buffer.from(valid.accessToken.split('.')[1]!, 'base64url').toString()) as {
      sub: string;
      sid: string;
    };
    const sign = (secret: string, expiresIn: number, extra: Record<string, unknown> = {}) =>
      signer.signAsync(
        { sub: claims.sub, sid: claims.sid, typ: 'access', ...extra },
        { secret, expiresIn, issuer: api.env.JWT_ISSUER, algorithm: 'HS256' },
      );

    expect(await TestSocket.refusal(api, undefined)).toBe('unauthenticated');
    expect(await TestSocket.refusal(api, 'not-a-jwt')).toBe('invalid_token');
    expect(await TestSocket.refusal(api, await sign('another-secret-of-at-least-32-characters', 60))).toBe(
      'invalid_token',
    );
    const [header, payload] = valid.accessToken.split('.');
    const unsigned = `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url')}.${payload}.`;
    expect(await TestSocket.refusal(api, unsigned)).toBe('invalid_token');
    expect(header).toBeDefined();
    expect(await TestSocket.refusal(api, await sign(api.env.JWT_SECRET, -10))).toBe('token_expired');
    expect(await TestSocket.refusal(api, await sign(api.env.JWT_SECRET, 60, { typ: 'refresh' }))).toBe('invalid_token');

    await api.request('POST', '/api/v1/auth/logout', { body: { refreshToken: valid.refreshToken } });
    expect(await TestSocket.refusal(api, valid.accessToken)).toBe('session_ended');
  });

  it('drops the socket when the session is revoked, and when the token expires', async () => {
    const session = await api.login(`auditor@${a.slug}.test`, PASSWORD);
    const socket = await open(session.accessToken);
    const dropped = new Promise<string>((resolve) => socket.socket.once('disconnect', resolve));
    const started = Date.now();
    await api.request('POST', '/api/v1/auth/logout', { body: { refreshToken: session.refreshToken } });
    expect(await dropped).toBe('io server disconnect');
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(socket.of('auth.expired')).toEqual([{ code: 'session_ended' }]);

    const fresh = await api.login(`auditor@${a.slug}.test`, PASSWORD);
    const claims = JSON.parse(Buffer.from(fresh.accessToken.split('.')[1]!, 'base64url').toString()) as {
      sub: string;
      sid: string;
    };
    const shortLived = await new JwtService({}).signAsync(
      { sub: claims.sub, sid: claims.sid, typ: 'access' },
      { secret: api.env.JWT_SECRET, expiresIn: 2, issuer: api.env.JWT_ISSUER, algorithm: 'HS256' },
    );
    const expiring = await open(shortLived);
    await eventually(() => expiring.socket.disconnected, 5_000);
    expect(expiring.of('auth.expired')).toEqual([{ code: 'token_expired' }]);
  });

  it('moves a socket out of a cooperative’s rooms when the user loses their role there', async () => {
    const email = `second-auditor@${a.slug}.test`;
    const added = await api.request<{ id: string }>('POST', `/api/v1/coops/${a.slug}/users`, {
      token: a.users.admin.accessToken,
      body: { name: 'Second auditor', email, role: 'auditor', password: PASSWORD },
    });
    expect(added.status).toBe(201);
    const socket = await open((await api.login(email, PASSWORD)).accessToken);
    const removed = await api.request('PATCH', `/api/v1/coops/${a.slug}/users/${added.body.id}`, {
      token: a.users.admin.accessToken,
      body: { active: false },
    });
    expect(removed.status).toBe(200);
    const watcher = await open(a.users.auditor.accessToken);
    await settle(300);
    const assigned = await api.request('POST', `/api/v1/coops/${a.slug}/cases/${a.caseId}/assign`, {
      token: a.users.admin.accessToken,
      body: { assigneeId: a.users.auditor.id },
    });
    expect(assigned.status).toBe(200);
    await eventually(() => watcher.of<CasesChangedEvent>('cases.changed').some((e) => e.change === 'assigned'));
    await eventually(() => watcher.notifications.some((n) => n.kind === 'case.assigned'));
    await settle();
    expect(socket.socket.connected).toBe(true);
    expect(socket.of('cases.changed')).toEqual([]);
    expect(socket.notifications).toEqual([]);
  });

  it('catches up after a reconnection: exactly what was missed, in order', async () => {
    const member = await open(a.users.member.accessToken);
    await writeToMember(a, 'Première');
    const [first] = await eventually(() => member.notifications.length > 0 && member.notifications);
    expect(first!.kind).toBe('message.received');
    member.socket.disconnect();
    const missed = [await writeToMember(a, 'Deuxième'), await writeToMember(a, 'Troisième')];
    await eventually(async () => {
      const page = await api.request<NotificationPage>(`GET`, `/api/v1/me/notifications?after=${first!.seq}`, {
        token: a.users.member.accessToken,
      });
      return page.body.items.length === 2;
    });
    await member.reconnect();
    const received = member.notifications;
    expect(received.map((n) => n.data.threadId)).toEqual([first!.data.threadId, ...missed.map((t) => t.id)]);
    expect(received.map((n) => n.seq)).toEqual([first!.seq, first!.seq + 1, first!.seq + 2]);
    expect(new Set(received.map((n) => n.id)).size).toBe(3);
  });

  it('lists, counts and marks notifications read, the caller’s only', async () => {
    const member = a.users.member.accessToken;
    const list = await api.request<NotificationPage>('GET', '/api/v1/me/notifications?limit=2', { token: member });
    expect(list.status).toBe(200);
    expect(list.body.items).toHaveLength(2);
    expect(list.body.items[0]!.seq).toBeGreaterThan(list.body.items[1]!.seq);
    expect(list.body.hasMore).toBe(true);
    const next = await api.request<NotificationPage>(
      'GET',
      `/api/v1/me/notifications?limit=2&before=${list.body.items[1]!.seq}`,
      { token: member },
    );
    expect(next.body.items.every((n) => n.seq < list.body.items[1]!.seq)).toBe(true);

    const before = await api.request<UnreadCountResponse>('GET', '/api/v1/me/notifications/unread-count', {
      token: member,
    });
    expect(before.body.total).toBe(list.body.unreadCount);
    expect(before.body.byCooperative).toEqual([{ cooperativeId: a.id, slug: a.slug, count: before.body.total }]);

    const target = list.body.items[0]!;
    const otherTab = await open(member);
    expect((await api.request('POST', `/api/v1/me/notifications/${target.id}/read`, { token: member })).status).toBe(
      204,
    );
    await eventually(() => otherTab.of('notifications.read').length > 0);
    expect(otherTab.of('notifications.read')).toEqual([{ ids: [target.id], upToSeq: null }]);
    const unread = await api.request<NotificationPage>('GET', '/api/v1/me/notifications?unread=true&limit=100', {
      token: member,
    });
    expect(unread.body.items.map((n) => n.id)).not.toContain(target.id);
    expect(unread.body.unreadCount).toBe(before.body.total - 1);

    // Someone else's notification is not found, whoever asks; a malformed id neither.
    for (const token of [a.users.admin.accessToken, b.users.member.accessToken]) {
      const res = await api.request('POST', `/api/v1/me/notifications/${target.id}/read`, { token });
      expect(res.status).toBe(404);
    }
    expect((await api.request('POST', '/api/v1/me/notifications/x/read', { token: member })).status).toBe(404);

    const all = await api.request<{ marked: number }>('POST', '/api/v1/me/notifications/read-all', {
      token: member,
      body: {},
    });
    expect(all.body.marked).toBe(before.body.total - 1);
    const after = await api.request<UnreadCountResponse>('GET', '/api/v1/me/notifications/unread-count', {
      token: member,
    });
    expect(after.body.total).toBe(0);
    const bad = await api.request<{ errors: unknown[] }>('GET', '/api/v1/me/notifications?after=1&before=2&limit=0', {
      token: member,
    });
    expect(bad.status).toBe(422);
    expect(bad.body.errors).toHaveLength(2);
  });

  it('tells whoever asked for an audit that it is over', async () => {
    const auditor = await open(a.users.auditor.accessToken);
    const run = await api.request<{ id: string }>('POST', `/api/v1/coops/${a.slug}/audits`, {
      token: a.users.auditor.accessToken,
      body: {},
    });
    expect(run.status).toBe(202);
    const done = await eventually(
      () => auditor.notifications.find((n) => n.kind === 'audit.finished' && n.data.runId === run.body.id),
      20_000,
    );
    expect(done.data).toEqual(expect.objectContaining({ status: 'done', findingsCreated: expect.any(Number) }));
    expect(worker).toBeDefined();
  });

  it('stores a notification per recipient with increasing sequence numbers per user', async () => {
    const page = await api.request<NotificationPage>('GET', '/api/v1/me/notifications?limit=100', {
      token: a.users.admin.accessToken,
    });
    const seqs = page.body.items.map((n: NotificationResponse) => n.seq);
    expect(seqs).toEqual([...seqs].sort((x, y) => y - x));
    expect(new Set(seqs).size).toBe(seqs.length);
  });
});
