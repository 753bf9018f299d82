import type { INestApplicationContext } from '@nestjs/common';
import type { MessageRecipient, MessageResponse, Problem, ThreadDetailResponse, ThreadPage } from '@kotizo/contracts';
import { ApiHarness } from '../../api/src/testing/api-harness.js';
import { cooperativeWithEveryRole, type CoopFixture } from './fixtures.js';
import { eventually, TestSocket } from './socket-client.js';

describe('messages between members and the office', () => {
  let api: ApiHarness;
  let worker: INestApplicationContext;
  let a: CoopFixture;
  let b: CoopFixture;
  const threads = (coop: CoopFixture) => `/api/v1/coops/${coop.slug}/message-threads`;

  beforeAll(async () => {
    api = await ApiHarness.start('messages');
    const fed = await api.loginFederationAdmin();
    a = await cooperativeWithEveryRole(api, fed.accessToken, 'msg-a');
    b = await cooperativeWithEveryRole(api, fed.accessToken, 'msg-b');
    worker = await api.startWorker();
  });
  afterAll(async () => {
    await api.stop();
  });

  async function unread(token: string): Promise<number> {
    const page = await api.request<ThreadPage>('GET', threads(a), { token });
    expect(page.status).toBe(200);
    return page.body.unreadTotal;
  }

  it('lets a member write to the office, who is told at once and answers', async () => {
    const secretary = await TestSocket.connect(api, a.users.secretary.accessToken);
    try {
      const recipients = await api.request<MessageRecipient[]>('GET', `/api/v1/coops/${a.slug}/message-recipients`, {
        token: a.users.member.accessToken,
      });
      expect(recipients.body.map((r) => r.role).sort()).toEqual(['admin', 'secretary', 'treasurer']);

      const treasurerUnread = await unread(a.users.treasurer.accessToken);
      const created = await api.request<ThreadDetailResponse>('POST', threads(a), {
        token: a.users.member.accessToken,
        body: { subject: '  Retrait anticipé ', body: 'Puis-je retirer mon épargne avant la fin du cycle ?' },
      });
      expect(created.status).toBe(201);
      expect(created.body.subject).toBe('Retrait anticipé');
      expect(created.body.participants.map((p) => p.id).sort()).toEqual(
        [a.users.member.id, a.users.admin.id, a.users.treasurer.id, a.users.secretary.id].sort(),
      );
      expect(created.body.unreadCount).toBe(0);

      const told = await eventually(() =>
        secretary.notifications.find((n) => n.kind === 'message.received' && n.data.threadId === created.body.id),
      );
      expect(told.data).toEqual(
        expect.objectContaining({
          subject: 'Retrait anticipé',
          authorName: `member ${a.slug}`,
          preview: expect.any(String),
        }),
      );
      expect(await unread(a.users.treasurer.accessToken)).toBe(treasurerUnread + 1);
      expect(await unread(a.users.member.accessToken)).toBe(0);

      const reply = await api.request<MessageResponse>('POST', `${threads(a)}/${created.body.id}/messages`, {
        token: a.users.treasurer.accessToken,
        body: { body: 'Oui, à la prochaine réunion.' },
      });
      expect(reply.status).toBe(201);
      expect(await unread(a.users.member.accessToken)).toBe(1);
      const detail = await api.request<ThreadDetailResponse>('GET', `${threads(a)}/${created.body.id}`, {
        token: a.users.member.accessToken,
      });
      expect(detail.body.messages.map((m) => m.body)).toEqual([
        'Puis-je retirer mon épargne avant la fin du cycle ?',
        'Oui, à la prochaine réunion.',
      ]);
      const read = await api.request('POST', `${threads(a)}/${created.body.id}/read`, {
        token: a.users.member.accessToken,
      });
      expect(read.status).toBe(204);
      expect(await unread(a.users.member.accessToken)).toBe(0);
      // The treasurer read the thread by answering in it.
      expect(await unread(a.users.treasurer.accessToken)).toBe(treasurerUnread);
      const onlyUnread = await api.request<ThreadPage>('GET', `${threads(a)}?unread=true`, {
        token: a.users.admin.accessToken,
      });
      expect(onlyUnread.body.items.map((t) => t.id)).toContain(created.body.id);

      // Someone not in the thread neither lists it nor opens it.
      const auditor = a.users.auditor.accessToken;
      const list = await api.request<ThreadPage>('GET', threads(a), { token: auditor });
      expect(list.body.items.map((t) => t.id)).not.toContain(created.body.id);
      expect((await api.request('GET', `${threads(a)}/${created.body.id}`, { token: auditor })).status).toBe(404);
      const intrusion = await api.request('POST', `${threads(a)}/${created.body.id}/messages`, {
        token: auditor,
        body: { body: 'Je lis par-dessus votre épaule' },
      });
      expect(intrusion.status).toBe(404);
    } finally {
      secretary.close();
    }
  });

  it('lets the office write to a member by name', async () => {
    const res = await api.request<ThreadDetailResponse>('POST', threads(a), {
      token: a.users.admin.accessToken,
      body: { subject: 'Cotisation', body: 'Votre cotisation de mars est arrivée.', recipientIds: [a.users.member.id] },
    });
    expect(res.status).toBe(201);
    expect(res.body.participants.map((p) => p.role).sort()).toEqual(['admin', 'member']);
    expect(worker).toBeDefined();
  });

  it('refuses bad input with one problem entry per field', async () => {
    const post = (token: string, body: unknown) => api.request<Problem>('POST', threads(a), { token, body });
    const fields = (problem: Problem) => Object.fromEntries((problem.errors ?? []).map((e) => [e.field, e.message]));

    const empty = await post(a.users.member.accessToken, { subject: '', body: '   ' });
    expect(empty.status).toBe(422);
    expect(empty.headers.get('content-type')).toContain('application/problem+json');
    expect(fields(empty.body)).toEqual({ subject: 'must not be empty', body: 'must not be empty' });

    const oversized = await post(a.users.member.accessToken, { subject: 'x'.repeat(151), body: 'y'.repeat(4_001) });
    expect(fields(oversized.body)).toEqual({
      subject: 'must be at most 150 characters',
      body: 'must be at most 4000 characters',
    });
    const missing = await post(a.users.member.accessToken, { extra: true });
    expect(fields(missing.body)).toEqual({
      subject: 'is required',
      body: 'is required',
      extra: 'is not an allowed field',
    });

    // Someone of another cooperative, an unknown id and a malformed one: each named by its position.
    const strangers = await post(a.users.admin.accessToken, {
      subject: 'Bonjour',
      body: 'Bonjour',
      recipientIds: [a.users.member.id, b.users.member.id, '00000000-0000-4000-8000-000000000000'],
    });
    expect(strangers.status).toBe(422);
    expect(fields(strangers.body)).toEqual({
      'recipientIds.1': 'is not a user of this cooperative',
      'recipientIds.2': 'is not a user of this cooperative',
    });
    const malformed = await post(a.users.admin.accessToken, {
      subject: 'Bonjour',
      body: 'Bonjour',
      recipientIds: ['x'],
    });
    expect(fields(malformed.body)).toEqual({ 'recipientIds.0': 'must be a user id' });

    // A member writes to the office, not to other members; the staff name whom they write to.
    const memberToMember = await post(a.users.member.accessToken, {
      subject: 'Bonjour',
      body: 'Bonjour',
      recipientIds: [a.users.auditor.id],
    });
    expect(fields(memberToMember.body)).toEqual({
      'recipientIds.0': 'is not in the office: members write to the admin, treasurer or secretary',
    });
    const nobody = await post(a.users.treasurer.accessToken, { subject: 'Bonjour', body: 'Bonjour' });
    expect(fields(nobody.body)).toEqual({ recipientIds: 'must name at least one person' });

    const thread = (await api.request<ThreadPage>('GET', threads(a), { token: a.users.member.accessToken })).body
      .items[0]!;
    const emptyReply = await api.request<Problem>('POST', `${threads(a)}/${thread.id}/messages`, {
      token: a.users.member.accessToken,
      body: { body: '' },
    });
    expect(emptyReply.status).toBe(422);
    expect(fields(emptyReply.body)).toEqual({ body: 'must not be empty' });
    const longReply = await api.request<Problem>('POST', `${threads(a)}/${thread.id}/messages`, {
      token: a.users.member.accessToken,
      body: { body: 'z'.repeat(4_001) },
    });
    expect(fields(longReply.body)).toEqual({ body: 'must be at most 4000 characters' });
  });

  it('keeps each cooperative’s threads to itself', async () => {
    const theirs = await api.request<ThreadDetailResponse>('POST', threads(b), {
      token: b.users.member.accessToken,
      body: { subject: 'Chez B', body: 'Message de B' },
    });
    expect(theirs.status).toBe(201);
    const viaOwnUrl = await api.request('GET', `${threads(a)}/${theirs.body.id}`, { token: a.users.admin.accessToken });
    expect(viaOwnUrl.status).toBe(404);
    const viaTheirUrl = await api.request('GET', `${threads(b)}/${theirs.body.id}`, {
      token: a.users.admin.accessToken,
    });
    expect(viaTheirUrl.status).toBe(403);
  });
});
