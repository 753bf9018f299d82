import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Problem } from '@kotizo/contracts';
import { AppError } from './app-error.js';
import { requestLanguage } from './messages/accept-language.js';
import { DEFAULT_LANGUAGE, type Language, type ProblemCode, statusTitle, translate } from './messages/catalog.js';

const PROBLEM_BASE = 'https://kotizo.dev/problems/';

const httpCodes: Record<number, ProblemCode> = {
  400: 'bad_request',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  429: 'too_many_requests',
};

/** A problem, and the language its words are in. */
export interface RenderedProblem {
  problem: Problem;
  language: Language;
}

/**
 * Every error leaves the API as RFC 9457 problem details, in the language the request's
 * `Accept-Language` prefers (English when none of ours), told by `Content-Language`.
 */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const { problem, language } = this.render(exception, requestLanguage(request));
    problem.instance = request.url;
    if (problem.status >= 500) this.logger.error(exception);
    void reply
      .status(problem.status)
      .header('content-type', 'application/problem+json')
      .header('content-language', language)
      .header('vary', withVary(reply.getHeader('vary'), 'Accept-Language'))
      .send(problem);
  }

  toProblem(exception: unknown, language: Language = DEFAULT_LANGUAGE): Problem {
    return this.render(exception, language).problem;
  }

  render(exception: unknown, wanted: Language): RenderedProblem {
    if (exception instanceof AppError) {
      // Words not yet in the catalog are English: then the whole problem is, so it speaks one language.
      const language = exception.translated ? wanted : DEFAULT_LANGUAGE;
      const errors = exception.fieldErrorsIn(language);
      const problem: Problem = {
        type: PROBLEM_BASE + exception.code,
        title: exception.titleIn(language),
        status: exception.status,
        detail: exception.detailIn(language),
        code: exception.code,
        ...(errors ? { errors } : {}),
      };
      return { problem, language };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      return { problem: this.generic(status, httpCodes[status] ?? this.unnamed(status), wanted), language: wanted };
    }
    const fastifyError = exception as { statusCode?: number };
    if (typeof fastifyError.statusCode === 'number' && fastifyError.statusCode < 500) {
      // Body parser errors (malformed JSON, wrong content type, too large).
      const status = fastifyError.statusCode;
      return { problem: this.generic(status, httpCodes[status] ?? 'bad_request', wanted), language: wanted };
    }
    return { problem: this.generic(500, 'internal_error', wanted), language: wanted };
  }

  private unnamed(status: number): ProblemCode {
    return status >= 500 ? 'internal_error' : 'http_error';
  }

  /** The framework's own errors: their English text is replaced by the catalog's for the code. */
  private generic(status: number, code: ProblemCode, language: Language): Problem {
    return {
      type: PROBLEM_BASE + code,
      title: statusTitle(status, language),
      status,
      detail: translate(language, 'problem', code),
      code,
    };
  }
}

/** A `Vary` header that also names `field`. */
function withVary(current: number | string | string[] | undefined, field: string): string {
  const fields = (Array.isArray(current) ? current.join(',') : String(current ?? ''))
    .split(',')
    .map((f) => f.trim())
    .filter(Boolean);
  if (fields.includes('*') || fields.some((f) => f.toLowerCase() === field.toLowerCase())) return fields.join(', ');
  return [...fields, field].join(', ');
}
