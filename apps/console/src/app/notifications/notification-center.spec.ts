import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import type { MeResponse, NotificationPage, NotificationResponse } from '@kotizo/contracts';
import { of } from 'rxjs';
import { Session } from '../core/auth/session';
import { REALTIME_SOCKET_FACTORY } from '../core/realtime/realtime';
import { aUser } from '../testing/builders';
import { fakeSocketFactory } from '../testing/fake-socket';
import { NotificationCenter } from './notification-center';
import { NOTIFICATIONS_URL } from './notifications-api';

const a = (seq: number, overrides: Partial<NotificationResponse> = {}): NotificationResponse => ({
  id: `n-${seq}`,
  seq,
  tenant: { cooperativeId: 'c-1', slug: 'femmes-bouake' },
  kind: 'message.received',
  data: { threadId: 't-1' },
  createdAt: '2026-11-25T10:00:00.000Z',
  readAt: null,
  ...overrides,
});
const page = (items: NotificationResponse[], unreadCount: number): NotificationPage => ({
  items,
  hasMore: false,
  unreadCount,
});

describe('NotificationCenter', () => {
  let backend: HttpTestingController;
  let sockets: ReturnType<typeof fakeSocketFactory>;
  const me = signal<MeResponse | null>(null);
  const refreshAccessToken = jest.fn(() => of('fresh-token'));

  async function start(): Promise<NotificationCenter> {
    sockets = fakeSocketFactory();
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: Session, useValue: { me, refreshAccessToken } },
        { provide: REALTIME_SOCKET_FACTORY, useValue: sockets.factory },
      ],
    });
    backend = TestBed.inject(HttpTestingController);
    const center = TestBed.inject(NotificationCenter);
    me.set(aUser());
    TestBed.tick();
    // The socket client loads in its own chunk.
    await new Promise((resolve) => setTimeout(resolve, 0));
    return center;
  }
  const socket = () => sockets.sockets.at(-1)!;
  const list = () => backend.expectOne((r) => r.url === NOTIFICATIONS_URL);

  afterEach(() => {
    backend.verify();
    me.set(null);
  });

  it('loads the latest notifications and the unread count, then counts new ones live, once each', async () => {
    const center = await start();
    const first = list();
    expect(first.request.params.get('limit')).toBe('10');
    first.flush(page([a(2), a(1, { readAt: '2026-11-25T11:00:00.000Z' })], 1));
    expect(center.unreadCount()).toBe(1);

    socket().emit('notification', a(3));
    socket().emit('notification', a(3));
    expect(center.unreadCount()).toBe(2);
    expect(center.recent().map((n) => n.seq)).toEqual([3, 2, 1]);
  });

  it('catches up after a reconnection with what came after the last seq seen', async () => {
    const center = await start();
    list().flush(page([a(5)], 1));
    socket().drop();
    socket().connect();
    const catchUp = list();
    expect(catchUp.request.params.get('after')).toBe('5');
    catchUp.flush(page([a(6), a(7)], 3));
    expect(center.recent().map((n) => n.seq)).toEqual([7, 6, 5]);
    expect(center.unreadCount()).toBe(3);

    // The server lost Redis for a while: same catch-up.
    socket().emit('resync', { reason: 'redis_reconnected' });
    expect(list().request.params.get('after')).toBe('7');
  });

  it('marks one read at once, and all up to the last seen', async () => {
    const center = await start();
    list().flush(page([a(2), a(1)], 2));
    center.markRead(center.recent()[0]!);
    expect(center.unreadCount()).toBe(1);
    expect(center.recent()[0]!.readAt).not.toBeNull();
    backend.expectOne(`${NOTIFICATIONS_URL}/n-2/read`).flush(null);

    center.markAllRead();
    const all = backend.expectOne(`${NOTIFICATIONS_URL}/read-all`);
    expect(all.request.body).toEqual({ upToSeq: 2 });
    all.flush({ marked: 1 });
    backend.expectOne(`${NOTIFICATIONS_URL}/unread-count`).flush({ total: 0, byCooperative: [] });
    expect(center.unreadCount()).toBe(0);
    expect(center.recent().every((n) => n.readAt)).toBe(true);
  });

  it('refreshes the token and reconnects when the server says it expired', async () => {
    await start();
    list().flush(page([], 0));
    const before = socket().connects;
    socket().emit('auth.expired', { code: 'token_expired' });
    expect(refreshAccessToken).toHaveBeenCalled();
    expect(socket().connects).toBe(before + 1);
    // Back again: what came meanwhile is fetched.
    expect(list().request.params.get('after')).toBe('0');
  });
});
