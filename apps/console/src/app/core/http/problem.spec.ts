import { HttpErrorResponse, HttpHeaders } from '@angular/common/http';
import { FormControl, FormGroup } from '@angular/forms';
import type { Problem } from '@kotizo/contracts';
import { applyProblemToForm, fieldErrors, problemMessageKey, retryAfterSeconds, toProblem } from './problem';

const validationProblem: Problem = {
  type: 'https://kotizo.app/problems/validation',
  title: 'Validation failed',
  status: 422,
  code: 'validation_failed',
  errors: [
    { field: 'slug', message: 'is a reserved word' },
    { field: '/admin/email', message: 'must be a valid e-mail address' },
    { field: 'admin.email', message: 'is already used' },
    { field: 'unknownField', message: 'is not allowed' },
  ],
};

function cooperativeForm() {
  return new FormGroup({
    name: new FormControl('Tontine'),
    slug: new FormControl('admin'),
    admin: new FormGroup({ name: new FormControl('Awa'), email: new FormControl('x') }),
  });
}

describe('problem mapping', () => {
  it('reads a problem+json body out of an HTTP error', () => {
    const error = new HttpErrorResponse({ status: 422, error: validationProblem });
    expect(toProblem(error)).toEqual(validationProblem);
  });

  it('makes a problem of network failures and non-JSON errors', () => {
    expect(toProblem(new HttpErrorResponse({ status: 0 })).code).toBe('network');
    const gateway = toProblem(new HttpErrorResponse({ status: 502, error: '<html>' }));
    expect(gateway).toMatchObject({ status: 502, code: 'http_502' });
    expect(problemMessageKey(gateway)).toBe('errors.server');
  });

  it('groups messages by field, with dotted paths', () => {
    expect(fieldErrors(validationProblem)).toEqual({
      slug: 'is a reserved word',
      'admin.email': 'must be a valid e-mail address; is already used',
      unknownField: 'is not allowed',
    });
  });

  it('puts field errors on the matching controls and returns the rest', () => {
    const form = cooperativeForm();
    const rest = applyProblemToForm(form, validationProblem);

    expect(form.controls.slug.errors).toEqual({ server: 'is a reserved word' });
    expect(form.controls.slug.touched).toBe(true);
    expect(form.get('admin.email')?.getError('server')).toBe('must be a valid e-mail address; is already used');
    expect(form.controls.name.errors).toBeNull();
    expect(rest).toEqual([{ field: 'unknownField', message: 'is not allowed' }]);
  });

  it('shows the server’s words as sent (in the language asked), keeping the code of the unmatched ones', () => {
    const form = cooperativeForm();
    const rest = applyProblemToForm(form, {
      ...validationProblem,
      errors: [
        { field: 'slug', code: 'reserved_word', message: 'est un mot réservé' },
        { field: 'color', code: 'not_allowed', message: 'n’est pas un champ autorisé' },
      ],
    });
    expect(form.controls.slug.getError('server')).toBe('est un mot réservé');
    expect(rest).toEqual([{ field: 'color', code: 'not_allowed', message: 'n’est pas un champ autorisé' }]);
  });

  it('changes nothing for a problem without field errors', () => {
    const form = cooperativeForm();
    expect(applyProblemToForm(form, { ...validationProblem, errors: undefined })).toEqual([]);
    expect(form.valid).toBe(true);
  });

  it.each([
    [401, 'errors.unauthorized'],
    [403, 'errors.forbidden'],
    [409, 'errors.conflict'],
    [422, 'errors.validation'],
    [429, 'errors.rateLimited'],
    [500, 'errors.server'],
    [418, 'errors.generic'],
  ])('gives status %i the message %s', (status, key) => {
    expect(problemMessageKey({ type: 'about:blank', title: 't', status, code: 'c' })).toBe(key);
  });

  it('reads Retry-After in seconds or as a date', () => {
    const withHeader = (value: string) =>
      new HttpErrorResponse({ status: 429, headers: new HttpHeaders({ 'Retry-After': value }) });
    expect(retryAfterSeconds(withHeader('30'))).toBe(30);
    const now = Date.parse('2026-11-25T10:00:00Z');
    expect(retryAfterSeconds(withHeader('Wed, 25 Nov 2026 10:01:00 GMT'), now)).toBe(60);
    expect(retryAfterSeconds(new HttpErrorResponse({ status: 429 }))).toBeNull();
  });
});
