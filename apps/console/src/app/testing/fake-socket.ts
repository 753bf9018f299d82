import type { RealtimeSocket, RealtimeSocketFactory } from '../core/realtime/realtime';

/** A socket.io client stand-in: connects at once, and lets a test play server events. */
export class FakeSocket implements RealtimeSocket {
  connected = false;
  connects = 0;
  private readonly listeners = new Map<string, ((...args: unknown[]) => void)[]>();
  private readonly anyListeners: ((event: string, payload: unknown) => void)[] = [];

  constructor(readonly token: () => string | null) {}

  connect(): void {
    this.connects += 1;
    this.connected = true;
    this.fire('connect');
  }

  disconnect(): void {
    this.connected = false;
    this.fire('disconnect', 'io client disconnect');
  }

  on(event: string, listener: (...args: never[]) => void): void {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener as (...args: unknown[]) => void]);
  }

  onAny(listener: (event: string, payload: unknown) => void): void {
    this.anyListeners.push(listener);
  }

  /** The server sends `event`. */
  emit(event: string, payload: unknown): void {
    for (const listener of this.anyListeners) listener(event, payload);
  }

  /** The connection drops (the network, the server going away). */
  drop(): void {
    this.connected = false;
    this.fire('disconnect', 'transport close');
  }

  private fire(event: string, ...args: unknown[]): void {
    for (const listener of this.listeners.get(event) ?? []) listener(...args);
  }
}

/** A factory that records the sockets it opens (`sockets.at(-1)` is the live one). */
export function fakeSocketFactory(): { factory: RealtimeSocketFactory; sockets: FakeSocket[] } {
  const sockets: FakeSocket[] = [];
  return {
    sockets,
    factory: (token) => {
      const socket = new FakeSocket(token);
      sockets.push(socket);
      return Promise.resolve(socket);
    },
  };
}
