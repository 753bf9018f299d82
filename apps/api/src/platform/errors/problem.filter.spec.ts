import { HttpException, NotFoundException } from '@nestjs/common';
import { ThrottlerException } from '@nestjs/throttler';
import { AppError, Conflict, NotFound, ValidationFailed, fieldError } from './app-error.js';
import { ProblemFilter } from './problem.filter.js';

describe('ProblemFilter', () => {
  const filter = new ProblemFilter();

  it('maps application errors with their code and field errors', () => {
    const problem = filter.toProblem(new ValidationFailed([fieldError('slug', 'reserved_word')]));
    expect(problem).toMatchObject({
      status: 422,
      code: 'validation_failed',
      title: 'Invalid request',
      detail: 'The request has invalid fields.',
      errors: [{ field: 'slug', code: 'reserved_word', message: 'is a reserved word' }],
    });
    expect(filter.toProblem(new Conflict('slug_taken', { params: { slug: 'bobo' } }))).toMatchObject({
      status: 409,
      code: 'slug_taken',
      detail: 'The slug "bobo" is already used by another cooperative.',
    });
  });

  it('says title, detail and field messages in the language asked, codes and params unchanged', () => {
    const error = new Conflict('slug_taken', {
      params: { slug: 'bobo' },
      errors: [fieldError('slug', 'slug_taken'), fieldError('name', 'too_long', { max: 120 })],
    });
    const fr = filter.render(error, 'fr');
    expect(fr.language).toBe('fr');
    expect(fr.problem).toEqual({
      type: 'https://kotizo.dev/problems/slug_taken',
      title: 'Conflit',
      status: 409,
      detail: 'L’identifiant « bobo » est déjà utilisé par une autre coopérative.',
      code: 'slug_taken',
      errors: [
        { field: 'slug', code: 'slug_taken', message: 'est déjà utilisé par une autre coopérative' },
        { field: 'name', code: 'too_long', params: { max: 120 }, message: 'doit compter au plus 120 caractères' },
      ],
    });
    expect(filter.render(new NotFound('member'), 'fr').problem).toMatchObject({
      code: 'not_found',
      title: 'Introuvable',
      detail: 'Ce membre est introuvable.',
    });
  });

  it('answers in English, all of it, while some words are not in the catalog yet', () => {
    const legacy = filter.render(
      new AppError(422, 'repayment_exceeds_outstanding', 'Repayment too large', 'Only 10 is still owed.', [
        { field: 'amount', message: 'is more than the 10 still owed' },
      ]),
      'fr',
    );
    expect(legacy.language).toBe('en');
    expect(legacy.problem).toMatchObject({
      title: 'Repayment too large',
      detail: 'Only 10 is still owed.',
      errors: [{ field: 'amount', message: 'is more than the 10 still owed' }],
    });
    expect(legacy.problem.errors![0]).not.toHaveProperty('code');
    const mixed = filter.render(new ValidationFailed([{ field: 'x', message: 'is odd' }]), 'fr');
    expect(mixed).toMatchObject({ language: 'en', problem: { title: 'Invalid request' } });
    expect(filter.render(new NotFound('The loan'), 'fr')).toMatchObject({
      language: 'en',
      problem: { detail: 'The loan was not found.' },
    });
  });

  it('maps framework errors (unknown route, rate limit, body parser) in the language asked', () => {
    expect(filter.toProblem(new NotFoundException())).toMatchObject({ status: 404, code: 'not_found' });
    expect(filter.toProblem(new ThrottlerException())).toMatchObject({ status: 429, code: 'too_many_requests' });
    expect(filter.toProblem({ statusCode: 415, message: 'Unsupported Media Type' })).toMatchObject({ status: 415 });
    expect(filter.toProblem(new HttpException('teapot', 418))).toMatchObject({ status: 418, code: 'http_error' });
    expect(filter.render(new ThrottlerException(), 'fr').problem).toMatchObject({
      title: 'Trop de requêtes',
      detail: 'Trop de requêtes : patientez un instant, puis réessayez.',
    });
    expect(filter.render({ statusCode: 400, message: 'Unexpected token' }, 'fr').problem).toMatchObject({
      code: 'bad_request',
      title: 'Requête invalide',
    });
  });

  it('hides the details of unexpected errors', () => {
    const problem = filter.toProblem(new Error('password=hunter2 leaked in a stack'));
    expect(problem).toMatchObject({ status: 500, code: 'internal_error' });
    expect(JSON.stringify(problem)).not.toContain('hunter2');
    expect(filter.render(new Error('x'), 'fr').problem.detail).toBe(
      'Une erreur s’est produite de notre côté ; elle a été consignée.',
    );
  });
});
