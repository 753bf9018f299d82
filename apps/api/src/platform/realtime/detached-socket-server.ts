import { Injectable, type OnModuleInit } from '@nestjs/common';
import { Server } from 'socket.io';
import { RealtimePublisher } from './realtime-publisher.js';
import { SocketRedis } from './socket-redis.js';

/**
 * The worker's socket.io server: no HTTP, no clients, only the Redis adapter,
 * so what the worker emits goes out to the clients of every API process.
 */
@Injectable()
export class DetachedSocketServer implements OnModuleInit {
  constructor(
    private readonly redis: SocketRedis,
    private readonly publisher: RealtimePublisher,
  ) {}

  onModuleInit(): void {
    this.publisher.attach(new Server({ adapter: this.redis.adapter(), serveClient: false }));
  }

  // Nothing to close: there are no sockets, and SocketRedis quits the adapter's connections (the
  // adapter's own close() sends unsubscribes it does not wait for, which fail once they are gone).
}
