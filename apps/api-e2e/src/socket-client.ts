import { io, type Socket } from 'socket.io-client';
import type { NotificationPage, NotificationResponse } from '@kotizo/contracts';
import type { ApiHarness } from '../../api/src/testing/api-harness.js';

/**
 * A real socket.io client, as the console uses it: the access token in the
 * handshake's `auth`, websocket transport, every event it receives kept in
 * order, and the console's catch-up (`GET /me/notifications?after=`) on a
 * `resync` or a reconnection, de-duplicated by id.
 */
export class TestSocket {
  readonly events: { event: string; payload: unknown }[] = [];
  private readonly notificationsById = new Map<string, NotificationResponse>();
  private lastSeq = 0;

  private constructor(
    readonly socket: Socket,
    private readonly api: ApiHarness,
    private readonly token: () => string,
  ) {
    socket.onAny((event: string, payload: unknown) => {
      this.events.push({ event, payload });
      if (event === 'notification') this.keep([payload as NotificationResponse]);
      if (event === 'resync') void this.catchUp();
    });
  }

  /** Connects and resolves once the server accepted the handshake; rejects with the server's code otherwise. */
  static connect(api: ApiHarness, token: string | (() => string), baseUrl = api.baseUrl): Promise<TestSocket> {
    const tokenOf = typeof token === 'string' ? () => token : token;
    const socket = io(baseUrl, {
      auth: (cb) => cb({ token: tokenOf() }),
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
    });
    const client = new TestSocket(socket, api, tokenOf);
    return new Promise((resolve, reject) => {
      socket.once('connect', () => resolve(client));
      socket.once('connect_error', (error) => {
        socket.close();
        reject(error);
      });
    });
  }

  /** The code a refused handshake gave (`connect_error`'s message). */
  static async refusal(api: ApiHarness, token: unknown): Promise<string> {
    const socket = io(api.baseUrl, {
      auth: token === undefined ? {} : { token },
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
    });
    return new Promise((resolve, reject) => {
      socket.once('connect', () => {
        socket.close();
        reject(new Error('the server accepted the connection'));
      });
      socket.once('connect_error', (error) => {
        socket.close();
        resolve(error.message);
      });
    });
  }

  /** Every notification received live or caught up, once each, in seq order. */
  get notifications(): NotificationResponse[] {
    return [...this.notificationsById.values()].sort((a, b) => a.seq - b.seq);
  }

  of<T>(event: string): T[] {
    return this.events.filter((e) => e.event === event).map((e) => e.payload as T);
  }

  /** Reconnects (a new handshake with the current token), then catches up on what was missed. */
  async reconnect(): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      this.socket.once('connect', () => resolve());
      this.socket.once('connect_error', reject);
      this.socket.connect();
    });
    await this.catchUp();
  }

  async catchUp(): Promise<NotificationResponse[]> {
    const page = await this.api.request<NotificationPage>(
      'GET',
      `/api/v1/me/notifications?after=${this.lastSeq}&limit=100`,
      {
        token: this.token(),
      },
    );
    if (page.status !== 200) throw new Error(`catch-up: ${page.status} ${JSON.stringify(page.body)}`);
    this.keep(page.body.items);
    return page.body.items;
  }

  close(): void {
    this.socket.close();
  }

  private keep(items: NotificationResponse[]): void {
    for (const n of items) {
      this.notificationsById.set(n.id, n);
      this.lastSeq = Math.max(this.lastSeq, n.seq);
    }
  }
}

/** Waits until `check` returns a value other than undefined/false, or fails after `ms`. */
export async function eventually<T>(
  check: () => T | undefined | false | Promise<T | undefined | false>,
  ms = 10_000,
): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`not true within ${ms} ms: ${check.toString().slice(0, 200)}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** Lets events in flight arrive, to assert that something did not. */
export const settle = (ms = 500): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
