import { Injectable } from '@nestjs/common';
import type { Server } from 'socket.io';
import { SocketRedis } from './socket-redis.js';

/**
 * Emits to socket.io rooms through the Redis adapter, so the event reaches
 * the clients of every API process, whichever process (API or worker) emits.
 */
@Injectable()
export class RealtimePublisher {
  private server: Server | null = null;

  constructor(private readonly redis: SocketRedis) {}

  attach(server: Server): void {
    this.server = server;
  }

  get ready(): boolean {
    return this.server !== null && this.redis.ready;
  }

  /**
   * Sends `event` to everyone in any of `rooms`. Returns false, having sent
   * nothing, while Redis is away: the caller keeps the event and sends it later.
   */
  emit(rooms: string | readonly string[], event: string, payload: unknown): boolean {
    if (!this.server || !this.redis.ready) return false;
    this.server.to(rooms as string | string[]).emit(event, payload);
    return true;
  }
}
