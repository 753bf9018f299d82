import { type DynamicModule, Global, Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { DetachedSocketServer } from './detached-socket-server.js';
import { RealtimeGateway } from './realtime.gateway.js';
import { RealtimePublisher } from './realtime-publisher.js';
import { SocketAuthenticator } from './socket-authenticator.js';
import { SocketRedis } from './socket-redis.js';

/**
 * Live events over socket.io. The API serves the sockets (the gateway, with
 * `RedisIoAdapter` set in app.factory.ts); the worker only emits. Both emit
 * through `RealtimePublisher`.
 */
@Global()
@Module({})
export class RealtimeModule {
  static forApi(): DynamicModule {
    return {
      module: RealtimeModule,
      imports: [JwtModule.register({})],
      providers: [SocketRedis, RealtimePublisher, SocketAuthenticator, RealtimeGateway],
      exports: [SocketRedis, RealtimePublisher],
    };
  }

  static forWorker(): DynamicModule {
    return {
      module: RealtimeModule,
      providers: [SocketRedis, RealtimePublisher, DetachedSocketServer],
      exports: [SocketRedis, RealtimePublisher],
    };
  }
}
