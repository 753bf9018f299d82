import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { BadRequest } from '../errors/app-error.js';

export const IDEMPOTENCY_HEADER = 'idempotency-key';

/** The request's Idempotency-Key header, or null; a malformed one is a 400. */
export const IdempotencyKey = createParamDecorator((_: unknown, ctx: ExecutionContext): string | null => {
  const value = ctx.switchToHttp().getRequest<FastifyRequest>().headers[IDEMPOTENCY_HEADER];
  if (value === undefined) return null;
  const key = Array.isArray(value) ? value[0] : value;
  if (!key || !/^[\x21-\x7e]{8,200}$/.test(key)) {
    throw new BadRequest('invalid_idempotency_key');
  }
  return key;
});
