import type { INestApplicationContext } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import type { Server, ServerOptions } from 'socket.io';
import { SocketRedis } from './socket-redis.js';

/** Clients only receive: a large inbound message is refused rather than buffered. */
const MAX_INBOUND_BYTES = 16 * 1024;

/**
 * socket.io on the API's own HTTP server, with the Redis adapter: an event
 * emitted by any process (an API or a worker) reaches the sockets of every
 * API process.
 */
export class RedisIoAdapter extends IoAdapter {
  private readonly redis: SocketRedis;

  constructor(app: INestApplicationContext) {
    super(app);
    this.redis = app.get(SocketRedis);
  }

  override createIOServer(port: number, options?: ServerOptions): Server {
    return super.createIOServer(port, {
      ...options,
      serveClient: false,
      maxHttpBufferSize: MAX_INBOUND_BYTES,
      adapter: this.redis.adapter(),
    } as ServerOptions) as Server;
  }

  /**
   * Closes the sockets; the HTTP server is Fastify's to close, and the adapter's Redis connections
   * SocketRedis's (its own close() sends unsubscribes without waiting, which fail once they are gone).
   */
  override async close(server: Server): Promise<void> {
    server.disconnectSockets(true);
    server.engine?.close();
  }
}
