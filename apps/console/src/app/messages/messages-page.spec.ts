import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { MeResponse, ThreadDetailResponse, ThreadPage, ThreadSummaryResponse } from '@kotizo/contracts';
import { REALTIME_SOCKET_FACTORY } from '../core/realtime/realtime';
import { aMembership, aUser } from '../testing/builders';
import { fakeSocketFactory } from '../testing/fake-socket';
import {
  API,
  SLUG,
  byTestId,
  frenchTransloco,
  pageProviders,
  request,
  settle,
  text,
  type,
} from '../testing/page-testing';
import { MessagesPage } from './messages-page';

const aThread = (id: string, overrides: Partial<ThreadSummaryResponse> = {}): ThreadSummaryResponse => ({
  id,
  subject: `Sujet ${id}`,
  participants: [
    { id: 'u-1', name: 'Awa Koné', role: 'member' },
    { id: 'u-2', name: 'Koffi', role: 'treasurer' },
  ],
  createdAt: '2026-11-20T09:00:00.000Z',
  lastMessageAt: '2026-11-21T09:00:00.000Z',
  lastMessage: { authorName: 'Koffi', preview: 'Bonjour' },
  unreadCount: 0,
  ...overrides,
});
const page = (items: ThreadSummaryResponse[]): ThreadPage => ({
  items,
  total: items.length,
  limit: 50,
  offset: 0,
  unreadTotal: items.reduce((sum, t) => sum + t.unreadCount, 0),
});
const member = aUser({ memberships: [aMembership({ role: 'member', memberId: 'm-1' })] });

describe('MessagesPage', () => {
  let backend: HttpTestingController;

  async function open(me: MeResponse = member) {
    const sockets = fakeSocketFactory();
    TestBed.configureTestingModule({
      imports: [MessagesPage, frenchTransloco()],
      providers: [...pageProviders(me), { provide: REALTIME_SOCKET_FACTORY, useValue: sockets.factory }],
    });
    backend = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(MessagesPage);
    fixture.componentRef.setInput('slug', SLUG);
    await settle(fixture);
    const root = fixture.nativeElement as HTMLElement;
    return { fixture, root, socket: () => sockets.sockets.at(-1)! };
  }

  afterEach(() => backend.match(() => true));

  it('lists my threads with what I have not read, and reads a thread when I open it', async () => {
    const { fixture, root } = await open();
    request(backend, 'GET', '/message-threads').flush(page([aThread('t-1', { unreadCount: 2 }), aThread('t-2')]));
    await settle(fixture);
    const rows = root.querySelectorAll<HTMLButtonElement>('[data-testid="thread-row"]');
    expect(rows).toHaveLength(2);
    expect(text(byTestId(root, 'thread-unread'))).toBe('2');

    rows[0]!.click();
    await settle(fixture);
    const detail: ThreadDetailResponse = {
      ...aThread('t-1', { unreadCount: 2 }),
      messages: [
        {
          id: 'm1',
          threadId: 't-1',
          authorId: 'u-2',
          authorName: 'Koffi',
          body: 'Bonjour',
          createdAt: '2026-11-21T09:00:00.000Z',
        },
      ],
    };
    request(backend, 'GET', '/message-threads/t-1').flush(detail);
    await settle(fixture);
    expect(root.querySelectorAll('[data-testid="thread-message"]')).toHaveLength(1);
    request(backend, 'POST', '/message-threads/t-1/read').flush(null);
    await settle(fixture);
    request(backend, 'GET', '/message-threads').flush(page([aThread('t-1'), aThread('t-2')]));
  });

  it('asks the staff to name whom they write to before sending', async () => {
    const { fixture, root } = await open(aUser({ memberships: [aMembership({ role: 'secretary' })] }));
    request(backend, 'GET', '/message-threads').flush(page([]));
    await settle(fixture);
    byTestId(root, 'new-thread').click();
    await settle(fixture);
    request(backend, 'GET', '/message-recipients').flush([{ id: 'u-9', name: 'Awa Koné', role: 'member' }]);
    type(byTestId<HTMLInputElement>(root, 'compose-subject'), 'Réunion');
    type(byTestId<HTMLTextAreaElement>(root, 'compose-body'), 'Demain à 10 h');
    await settle(fixture);

    // No recipient: the staff must name someone, checked before sending.
    byTestId<HTMLButtonElement>(root, 'compose-send').click();
    await settle(fixture);
    backend.expectNone(`${API}/message-threads`);
    expect(text(root.querySelector('mat-error'))).toBe('Ce champ est obligatoire.');
  });

  it('puts the server’s field errors under the fields they name, a member writing to the office', async () => {
    const { fixture, root } = await open();
    request(backend, 'GET', '/message-threads').flush(page([]));
    await settle(fixture);
    byTestId(root, 'new-thread').click();
    await settle(fixture);
    request(backend, 'GET', '/message-recipients').flush([{ id: 'u-2', name: 'Koffi', role: 'treasurer' }]);
    expect(text(root.querySelector('mat-hint'))).toContain('tout le bureau');
    type(byTestId<HTMLInputElement>(root, 'compose-subject'), 'Retrait');
    type(byTestId<HTMLTextAreaElement>(root, 'compose-body'), 'Puis-je retirer ?');
    await settle(fixture);
    byTestId<HTMLButtonElement>(root, 'compose-send').click();
    await settle(fixture);
    const sent = request(backend, 'POST', '/message-threads');
    expect(sent.request.body).toEqual({ subject: 'Retrait', body: 'Puis-je retirer ?' });
    sent.flush(
      {
        type: 'https://kotizo.dev/problems/validation_failed',
        title: 'Invalid request',
        status: 422,
        code: 'validation_failed',
        errors: [
          { field: 'recipientIds.0', message: 'is not in the office' },
          { field: 'body', message: 'must be at most 4000 characters' },
        ],
      },
      { status: 422, statusText: 'Unprocessable Entity' },
    );
    await settle(fixture);
    const errors = [...root.querySelectorAll('mat-error')].map((e) => text(e));
    expect(errors).toEqual(['is not in the office', 'must be at most 4000 characters']);
    expect(root.querySelector('[data-testid="compose-error"]')).toBeNull();
  });

  it('refreshes the list when a message arrives in this cooperative', async () => {
    const { fixture, socket } = await open();
    request(backend, 'GET', '/message-threads').flush(page([aThread('t-1')]));
    await settle(fixture);
    socket().emit('notification', {
      id: 'n-1',
      seq: 4,
      tenant: { cooperativeId: 'c-1', slug: SLUG },
      kind: 'message.received',
      data: { threadId: 't-1' },
      createdAt: '2026-11-21T10:00:00.000Z',
      readAt: null,
    });
    await settle(fixture);
    request(backend, 'GET', '/message-threads').flush(page([aThread('t-1', { unreadCount: 1 })]));
  });
});
