import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Problem } from '@kotizo/contracts';
import { AppError } from './app-error.js';

const PROBLEM_BASE = 'https://kotizo.dev/problems/';

const httpCodes: Record<number, string> = {
  400: 'bad_request',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  429: 'too_many_requests',
};

/** Every error leaves the API as RFC 9457 problem details. */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const problem = this.toProblem(exception);
    problem.instance = request.url;
    if (problem.status >= 500) this.logger.error(exception);
    void reply.status(problem.status).header('content-type', 'application/problem+json').send(problem);
  }

  toProblem(exception: unknown): Problem {
    if (exception instanceof AppError) {
      return {
        type: PROBLEM_BASE + exception.code,
        title: exception.title,
        status: exception.status,
        detail: exception.detail,
        code: exception.code,
        ...(exception.errors ? { errors: exception.errors } : {}),
      };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const code = httpCodes[status] ?? (status >= 500 ? 'internal_error' : 'http_error');
      return {
        type: PROBLEM_BASE + code,
        title: exception.name.replace(/Exception$/, ''),
        status,
        detail: exception.message,
        code,
      };
    }
    const fastifyError = exception as { statusCode?: number; code?: string; message?: string };
    if (typeof fastifyError.statusCode === 'number' && fastifyError.statusCode < 500) {
      // Body parser errors (malformed JSON, wrong content type, too large).
      const status = fastifyError.statusCode;
      const code = httpCodes[status] ?? 'bad_request';
      return { type: PROBLEM_BASE + code, title: 'Bad request', status, detail: fastifyError.message, code };
    }
    return {
      type: PROBLEM_BASE + 'internal_error',
      title: 'Internal error',
      status: 500,
      detail: 'Something went wrong on our side; it has been logged.',
      code: 'internal_error',
    };
  }
}
