import { createCooperativeRequest } from '@kotizo/contracts';
import { ValidationFailed } from '../errors/app-error.js';
import { ZodValidationPipe } from './zod-validation.pipe.js';

describe('ZodValidationPipe', () => {
  const pipe = new ZodValidationPipe(createCooperativeRequest);

  function errorsOf(value: unknown) {
    try {
      pipe.transform(value);
    } catch (error) {
      expect(error).toBeInstanceOf(ValidationFailed);
      return (error as ValidationFailed).errors;
    }
    throw new Error('expected a validation failure');
  }

  it('gives one entry per bad field, nested paths dotted, unknown keys named', () => {
    const errors = errorsOf({
      name: 'Ok name',
      slug: 'ok-slug',
      country: 'CI',
      admin: { name: 'A', email: 1 },
      x: 1,
      y: 2,
    });
    expect(errors).toEqual([
      { field: 'admin.email', message: 'must be a string' },
      { field: 'x', message: 'is not an allowed field' },
      { field: 'y', message: 'is not an allowed field' },
    ]);
  });

  it('says which required fields are missing from an empty body', () => {
    expect(errorsOf(undefined)?.map((e) => [e.field, e.message])).toEqual([
      ['name', 'is required'],
      ['slug', 'is required'],
      ['country', 'is required'],
      ['admin', 'is required'],
    ]);
  });

  it('returns the parsed value with defaults', () => {
    const parsed = pipe.transform({
      name: 'Coop',
      slug: 'coop-bobo',
      country: 'BF',
      admin: { name: 'A', email: 'a@b.bf' },
    });
    expect(parsed).toMatchObject({ currency: 'XOF', locale: 'fr' });
  });
});
