import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
// The parser express and socket.io use (here through socket.io's `accepts`): q-values, `fr-CI` for
// `fr`, `*`, `q=0` refusals.
import Negotiator from 'negotiator';
import { DEFAULT_LANGUAGE, LANGUAGES, type Language } from './catalog.js';

/**
 * The language to answer in, from an `Accept-Language` header: the best of ours the client
 * accepts, English when it accepts none of them or sends no header.
 */
export function negotiateLanguage(acceptLanguage: string | string[] | undefined): Language {
  const header = Array.isArray(acceptLanguage) ? acceptLanguage.join(', ') : acceptLanguage;
  if (!header?.trim()) return DEFAULT_LANGUAGE;
  const [best] = new Negotiator({ headers: { 'accept-language': header } }).languages([...LANGUAGES]);
  return (best as Language | undefined) ?? DEFAULT_LANGUAGE;
}

/** The language of a request (its `Accept-Language`). */
export function requestLanguage(request: Pick<FastifyRequest, 'headers'>): Language {
  return negotiateLanguage(request.headers['accept-language']);
}

/**
 * The caller's language as a handler parameter, for responses that carry words of the catalog
 * (e.g. rejected import rows: `translate(language, 'field', code, params)`).
 */
export const RequestLanguage = createParamDecorator((_: unknown, context: ExecutionContext): Language =>
  requestLanguage(context.switchToHttp().getRequest<FastifyRequest>()),
);
