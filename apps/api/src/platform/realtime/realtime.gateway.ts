import { Inject, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import {
  type OnGatewayConnection,
  type OnGatewayDisconnect,
  type OnGatewayInit,
  WebSocketGateway,
  WebSocketServer,
} from '@nestjs/websockets';
import type { Server, Socket } from 'socket.io';
import { type AuthExpiredEvent, SOCKET_EVENTS } from '@kotizo/contracts';
import { ENV } from '../config/config.module.js';
import type { Env } from '../config/env.schema.js';
import { PgListener } from '../database/pg-listener.js';
import { RealtimePublisher } from './realtime-publisher.js';
import { roomsFor } from './rooms.js';
import {
  type SocketAccess,
  SocketAuthenticator,
  SocketAuthFailure,
  type SocketPrincipal,
} from './socket-authenticator.js';
import { SocketRedis } from './socket-redis.js';

interface SocketData {
  principal: SocketPrincipal;
  expiry?: NodeJS.Timeout;
}

type KotizoSocket = Socket<Record<string, never>, Record<string, (payload: unknown) => void>, never, SocketData>;

/** NOTIFY channel of the federation triggers: `session:<id>`, `user:<id>`, `cooperative:<id>`. */
export const ACCESS_CHANNEL = 'kotizo_access';
/** Safety net behind the triggers (a NOTIFY missed while the listening connection was down). */
const ACCESS_CHECK_MS = 60_000;
/** setTimeout's limit; access tokens live minutes, not weeks. */
const MAX_TIMER_MS = 2_147_483_647;

/**
 * The socket.io gateway: the handshake carries the access token (`auth:
 * { token }`), checked like an HTTP request's; the server puts the socket in
 * its rooms (user, each cooperative and role there) and drops it when the
 * token expires, the session ends or the user is deactivated. Clients only
 * listen: there are no client messages to handle.
 */
@WebSocketGateway({ serveClient: false })
export class RealtimeGateway
  implements OnGatewayInit, OnGatewayConnection, OnGatewayDisconnect, OnApplicationBootstrap, OnApplicationShutdown
{
  private readonly logger = new Logger(RealtimeGateway.name);
  @WebSocketServer() private server!: Server;
  private readonly byUser = new Map<string, Set<KotizoSocket>>();
  private readonly listener: PgListener;
  private checkTimer: NodeJS.Timeout | null = null;
  private stopReconnectWatch: (() => void) | null = null;

  constructor(
    private readonly auth: SocketAuthenticator,
    private readonly publisher: RealtimePublisher,
    private readonly redis: SocketRedis,
    @Inject(ENV) env: Env,
  ) {
    this.listener = new PgListener({
      url: env.DATABASE_URL,
      channels: [ACCESS_CHANNEL],
      name: 'SocketAccessWatch',
      onNotify: (_, payload) => void this.onAccessChange(payload),
      onConnect: () => void this.recheck(this.allSockets()),
    });
  }

  afterInit(server: Server): void {
    server.use((socket, next) => {
      const token = (socket.handshake.auth as { token?: unknown } | undefined)?.token;
      this.auth.authenticate(token).then(
        (principal) => {
          (socket.data as SocketData).principal = principal;
          next();
        },
        (error: unknown) => {
          if (!(error instanceof SocketAuthFailure)) this.logger.error({ err: error }, 'socket handshake failed');
          const code = error instanceof SocketAuthFailure ? error.code : 'internal_error';
          next(Object.assign(new Error(code), { data: { code } }));
        },
      );
    });
    this.publisher.attach(server);
    // Events published while this process had no subscription are lost for its clients: tell them to catch up.
    this.stopReconnectWatch = this.redis.onReconnect(() =>
      server.local.emit(SOCKET_EVENTS.resync, { reason: 'redis_reconnected' }),
    );
  }

  handleConnection(socket: KotizoSocket): void {
    const principal = socket.data.principal;
    void socket.join(roomsFor(principal));
    let sockets = this.byUser.get(principal.userId);
    if (!sockets) this.byUser.set(principal.userId, (sockets = new Set()));
    sockets.add(socket);
    const ttl = Math.min(Math.max(principal.expiresAt - Date.now(), 0), MAX_TIMER_MS);
    socket.data.expiry = setTimeout(() => this.expire(socket, 'token_expired'), ttl);
  }

  handleDisconnect(socket: KotizoSocket): void {
    const principal = socket.data.principal;
    if (socket.data.expiry) clearTimeout(socket.data.expiry);
    if (!principal) return;
    const sockets = this.byUser.get(principal.userId);
    sockets?.delete(socket);
    if (sockets?.size === 0) this.byUser.delete(principal.userId);
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.listener.start();
    this.checkTimer = setInterval(() => void this.recheck(this.allSockets()), ACCESS_CHECK_MS);
    this.checkTimer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.checkTimer) clearInterval(this.checkTimer);
    this.stopReconnectWatch?.();
    await this.listener.stop();
  }

  /** Sockets connected to this process right now (for tests and the periodic check). */
  allSockets(): KotizoSocket[] {
    return [...this.byUser.values()].flatMap((set) => [...set]);
  }

  private async onAccessChange(payload: string): Promise<void> {
    const [kind, id] = payload.split(':');
    if (!id) return;
    let sockets: KotizoSocket[] = [];
    if (kind === 'user') sockets = [...(this.byUser.get(id) ?? [])];
    else if (kind === 'session') sockets = this.allSockets().filter((s) => s.data.principal.sessionId === id);
    else if (kind === 'cooperative') {
      // Members of that cooperative, and anyone who may just have regained access to it.
      sockets = this.allSockets();
    }
    await this.recheck(sockets);
  }

  /** Reads the sockets' access again: drops those whose session ended, moves the others to their current rooms. */
  private async recheck(sockets: KotizoSocket[]): Promise<void> {
    if (sockets.length === 0) return;
    try {
      const pairs = sockets.map((s) => ({ userId: s.data.principal.userId, sessionId: s.data.principal.sessionId }));
      const access = await this.auth.accessOf(pairs);
      for (const socket of sockets) {
        const current = access.get(socket.data.principal.sessionId);
        if (!current) this.expire(socket, 'session_ended');
        else this.reroom(socket, current);
      }
    } catch (error) {
      this.logger.error({ err: error }, 'socket access check failed');
    }
  }

  private reroom(socket: KotizoSocket, access: SocketAccess): void {
    const principal = { ...socket.data.principal, ...access };
    socket.data.principal = principal;
    const wanted = new Set(roomsFor(principal));
    for (const room of socket.rooms) {
      if (room !== socket.id && !wanted.has(room)) void socket.leave(room);
    }
    void socket.join([...wanted]);
  }

  private expire(socket: KotizoSocket, code: AuthExpiredEvent['code']): void {
    if (socket.disconnected) return;
    socket.emit(SOCKET_EVENTS.authExpired, { code } satisfies AuthExpiredEvent);
    socket.disconnect(true);
  }
}
