import { Module, RequestMethod } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { ENV } from '../config/config.module.js';
import type { Env } from '../config/env.schema.js';

export const REQUEST_ID_HEADER = 'x-request-id';

/** Accept a caller's request id if it looks like one; otherwise make one. */
export function requestIdFrom(req: IncomingMessage): string {
  const header = req.headers[REQUEST_ID_HEADER];
  const given = Array.isArray(header) ? header[0] : header;
  return given && /^[\w.:-]{8,128}$/.test(given) ? given : randomUUID();
}

/** Structured JSON logs (pino) with the request id and, once resolved, the tenant. */
@Module({
  imports: [
    LoggerModule.forRootAsync({
      inject: [ENV],
      useFactory: (env: Env) => ({
        forRoutes: [{ path: '{*path}', method: RequestMethod.ALL }],
        pinoHttp: {
          level: env.LOG_LEVEL,
          genReqId: (req: IncomingMessage) => (req as IncomingMessage & { id?: string }).id ?? requestIdFrom(req),
          customProps: (req: IncomingMessage) => ({ tenant: (req as IncomingMessage & { tenant?: string }).tenant }),
          redact: ['req.headers.authorization', 'req.headers.cookie'],
          autoLogging: { ignore: (req: IncomingMessage) => req.url === '/health' },
          ...(env.LOG_PRETTY ? { transport: { target: 'pino-pretty', options: { singleLine: true } } } : {}),
        },
      }),
    }),
  ],
})
export class LoggingModule {}
