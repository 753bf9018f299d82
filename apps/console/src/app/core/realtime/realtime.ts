import { DestroyRef, Injectable, InjectionToken, type Signal, effect, inject, signal } from '@angular/core';
import { type AuthExpiredEvent, SOCKET_AUTH_ERRORS, SOCKET_EVENTS } from '@kotizo/contracts';
import { type Observable, Subject, filter, map } from 'rxjs';
import { Session } from '../auth/session';
import { TokenStore } from '../auth/token-store';

/** The part of a socket.io client the console uses (a fake stands in for it in tests). */
export interface RealtimeSocket {
  readonly connected: boolean;
  connect(): void;
  disconnect(): void;
  on(event: string, listener: (...args: never[]) => void): void;
  onAny(listener: (event: string, payload: unknown) => void): void;
}

/** Opens a socket whose handshake reads the current access token each time it (re)connects. */
export type RealtimeSocketFactory = (token: () => string | null) => Promise<RealtimeSocket>;

export const REALTIME_SOCKET_FACTORY = new InjectionToken<RealtimeSocketFactory>('REALTIME_SOCKET_FACTORY', {
  providedIn: 'root',
  factory: () => async (token) => {
    // Loaded after the first render, in its own chunk: the page does not wait for the socket.
    const { io } = await import('socket.io-client');
    return io({
      path: '/socket.io',
      // The token travels in the handshake, never in the URL; a function, so reconnections send the fresh one.
      auth: (cb) => cb({ token: token() }),
      transports: ['websocket', 'polling'],
      autoConnect: false,
    }) as unknown as RealtimeSocket;
  },
});

export interface RealtimeEvent {
  event: string;
  payload: unknown;
}

/** Delays between attempts after the server refused the token (refreshing it in between). */
const RETRY_MS = [1_000, 5_000, 15_000, 60_000];

/**
 * The console's one socket.io connection, open while someone is signed in. The server puts it
 * in its rooms; the console only listens. When the access token expires (the server says
 * `auth.expired` and disconnects, or refuses the handshake) it refreshes the token once and
 * reconnects. `reconnected` ticks after every reconnection and `resync`: listeners then catch up
 * from the stored notifications (`?after=<last seq>`), since live events may have been missed.
 */
@Injectable({ providedIn: 'root' })
export class Realtime {
  private readonly session = inject(Session);
  private readonly tokens = inject(TokenStore);
  private readonly factory = inject(REALTIME_SOCKET_FACTORY);
  private readonly events$ = new Subject<RealtimeEvent>();
  private readonly caughtUp$ = new Subject<void>();
  private readonly isConnected = signal(false);
  private socket: RealtimeSocket | null = null;
  /** Bumped by every open and close, so a socket that finishes loading after a sign-out is dropped. */
  private generation = 0;
  private everConnected = false;
  private failures = 0;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;

  readonly connected: Signal<boolean> = this.isConnected.asReadonly();
  /** After a reconnection or a server `resync`: what was pushed meanwhile may be missing. */
  readonly reconnected: Observable<void> = this.caughtUp$.asObservable();

  constructor() {
    effect(() => (this.session.me() ? this.open() : this.close()));
    inject(DestroyRef).onDestroy(() => this.close());
  }

  /** Payloads of one event, e.g. `on<NotificationEvent>('notification')`. */
  on<T>(event: string): Observable<T> {
    return this.events$.pipe(
      filter((e) => e.event === event),
      map((e) => e.payload as T),
    );
  }

  private open(): void {
    if (this.socket || this.generation % 2 === 1) return;
    const generation = ++this.generation;
    void this.factory(() => this.tokens.accessToken()).then(
      (socket) => {
        if (generation === this.generation) this.attach(socket);
      },
      () => undefined, // the chunk did not load (offline): the bell still works from HTTP
    );
  }

  private attach(socket: RealtimeSocket): void {
    this.socket = socket;
    socket.on('connect', () => {
      this.isConnected.set(true);
      this.failures = 0;
      if (this.everConnected) this.caughtUp$.next();
      this.everConnected = true;
    });
    // socket.io reconnects by itself after a network loss; after the server ended it (auth.expired), renew() does.
    socket.on('disconnect', () => this.isConnected.set(false));
    socket.on('connect_error', ((error: { message?: string }) => {
      const code = error?.message ?? '';
      if ((SOCKET_AUTH_ERRORS as readonly string[]).includes(code)) this.renew();
    }) as (...args: never[]) => void);
    socket.onAny((event, payload) => {
      if (event === SOCKET_EVENTS.authExpired) {
        const code = (payload as AuthExpiredEvent | undefined)?.code;
        if (code === 'access_changed') return;
        // The server is about to drop the connection: close it ourselves, then come back with a fresh token.
        socket.disconnect();
        this.renew();
        return;
      }
      if (event === SOCKET_EVENTS.resync) this.caughtUp$.next();
      this.events$.next({ event, payload });
    });
    // Without a token yet (a reload), the server refuses with `unauthenticated`: renew() then refreshes it.
    socket.connect();
  }

  private close(): void {
    if (this.generation % 2 === 1) this.generation += 1;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    this.socket?.disconnect();
    this.socket = null;
    this.everConnected = false;
    this.isConnected.set(false);
  }

  /** A fresh access token (one refresh shared with the HTTP calls), then connect again; backs off on failures. */
  private renew(): void {
    if (this.retryTimer || !this.socket) return;
    const delay = RETRY_MS[Math.min(this.failures, RETRY_MS.length - 1)]!;
    const attempt = () => {
      this.retryTimer = null;
      if (!this.socket) return;
      this.failures += 1;
      this.session.refreshAccessToken().subscribe({
        next: () => {
          if (this.socket && !this.socket.connected) this.socket.connect();
        },
        // The refresh token was refused: the HTTP side signs the user out.
        error: () => undefined,
      });
    };
    if (this.failures === 0) attempt();
    else this.retryTimer = setTimeout(attempt, delay);
  }
}
