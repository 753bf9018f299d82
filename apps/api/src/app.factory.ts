import { RequestMethod, VersioningType } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module.js';
import type { Env } from './platform/config/env.schema.js';
import { REQUEST_ID_HEADER, requestIdFrom } from './platform/observability/logging.module.js';
import { RedisIoAdapter } from './platform/realtime/redis-io.adapter.js';

/** Builds the HTTP application (used by main.ts and by the end-to-end tests). */
export async function createApi(env: Env): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    genReqId: requestIdFrom,
    bodyLimit: 1_048_576,
    trustProxy: true,
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(env), adapter, {
    bufferLogs: true,
    abortOnError: false,
  });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  // socket.io on the same port, with the Redis adapter: events reach the clients of every API process.
  app.useWebSocketAdapter(new RedisIoAdapter(app));
  app.setGlobalPrefix('api', { exclude: [{ path: 'health', method: RequestMethod.GET }] });
  app.enableVersioning({ type: VersioningType.URI, defaultVersion: '1' });
  // CSV imports arrive as the raw body, handed on as the request stream itself: the import reads it as it
  // arrives and never holds the file (its own size limit applies, see imports.service.ts).
  app
    .getHttpAdapter()
    .getInstance()
    .addContentTypeParser(['text/csv', 'application/octet-stream'], (_req, payload, done) => {
      done(null, payload);
    });
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onSend', async (request, reply) => {
      void reply.header(REQUEST_ID_HEADER, request.id);
    });

  const openApi = new DocumentBuilder()
    .setTitle('Kotizo API')
    .setDescription(
      'Books and audits of cooperatives. Errors are application/problem+json, in French or English ' +
        'after Accept-Language (Content-Language names it), each field error with a stable code and its params.',
    )
    .setVersion('1')
    .addBearerAuth()
    .build();
  SwaggerModule.setup('api/docs', app, () => SwaggerModule.createDocument(app, openApi));
  await app.init();
  return app;
}
