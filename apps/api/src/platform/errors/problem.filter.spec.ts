import { HttpException, NotFoundException } from '@nestjs/common';
import { ThrottlerException } from '@nestjs/throttler';
import { Conflict, ValidationFailed } from './app-error.js';
import { ProblemFilter } from './problem.filter.js';

describe('ProblemFilter', () => {
  const filter = new ProblemFilter();

  it('maps application errors with their code and field errors', () => {
    const problem = filter.toProblem(new ValidationFailed([{ field: 'slug', message: 'is reserved' }]));
    expect(problem).toMatchObject({ status: 422, code: 'validation_failed', errors: [{ field: 'slug' }] });
    expect(filter.toProblem(new Conflict('slug_taken', 'taken'))).toMatchObject({ status: 409, code: 'slug_taken' });
  });

  it('maps framework errors (unknown route, rate limit, body parser)', () => {
    expect(filter.toProblem(new NotFoundException())).toMatchObject({ status: 404, code: 'not_found' });
    expect(filter.toProblem(new ThrottlerException())).toMatchObject({ status: 429, code: 'too_many_requests' });
    expect(filter.toProblem({ statusCode: 415, message: 'Unsupported Media Type' })).toMatchObject({ status: 415 });
    expect(filter.toProblem(new HttpException('teapot', 418))).toMatchObject({ status: 418, code: 'http_error' });
  });

  it('hides the details of unexpected errors', () => {
    const problem = filter.toProblem(new Error('password=hunter2 leaked in a stack'));
    expect(problem).toMatchObject({ status: 500, code: 'internal_error' });
    expect(JSON.stringify(problem)).not.toContain('hunter2');
  });
});
