import { z } from 'zod';
import {
  createCooperativeRequest,
  createMemberRequest,
  createThreadRequest,
  recordTransactionRequest,
  requestLoanRequest,
} from '@kotizo/contracts';
import { MAX_AMOUNT_MINOR } from '@kotizo/domain';
import { ValidationFailed } from '../errors/app-error.js';
import type { Language } from '../errors/messages/catalog.js';
import { ZodValidationPipe } from './zod-validation.pipe.js';

function errorsOf(schema: z.ZodType, value: unknown, language: Language = 'en') {
  try {
    new ZodValidationPipe(schema).transform(value);
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationFailed);
    expect((error as ValidationFailed).translated).toBe(true);
    return (error as ValidationFailed).fieldErrorsIn(language);
  }
  throw new Error('expected a validation failure');
}

const messages = (schema: z.ZodType, value: unknown, language: Language) =>
  Object.fromEntries(errorsOf(schema, value, language)!.map((e) => [e.field, e.message]));

describe('ZodValidationPipe', () => {
  const coop = { name: 'Ok name', slug: 'ok-slug', country: 'CI', admin: { name: 'A', email: 'a@b.ci' } };

  it('gives one entry per bad field, nested paths dotted, unknown keys named, each with a code', () => {
    expect(errorsOf(createCooperativeRequest, { ...coop, admin: { name: 'A', email: 1 }, x: 1, y: 2 })).toEqual([
      { field: 'admin.email', code: 'must_be_string', message: 'must be a string' },
      { field: 'x', code: 'not_allowed', message: 'is not an allowed field' },
      { field: 'y', code: 'not_allowed', message: 'is not an allowed field' },
    ]);
  });

  it('says which required fields are missing from an empty body', () => {
    expect(errorsOf(createCooperativeRequest, undefined)?.map((e) => [e.field, e.code, e.message])).toEqual([
      ['name', 'required', 'is required'],
      ['slug', 'required', 'is required'],
      ['country', 'required', 'is required'],
      ['admin', 'required', 'is required'],
    ]);
  });

  it('says the same in French, with the same codes and params', () => {
    const body = { ...coop, name: 'A', slug: 'Bad_Slug', admin: { name: 'A', email: 'nope' }, x: 1 };
    const en = errorsOf(createCooperativeRequest, body, 'en')!;
    const fr = errorsOf(createCooperativeRequest, body, 'fr')!;
    expect(fr.map(({ message: _, ...rest }) => rest)).toEqual(en.map(({ message: _, ...rest }) => rest));
    expect(Object.fromEntries(en.map((e) => [e.field, [e.code, e.params, e.message]]))).toEqual({
      name: ['too_short', { min: 2 }, 'must be at least 2 characters'],
      slug: ['slug_format', undefined, 'must be lowercase letters, digits and single hyphens, starting with a letter'],
      'admin.email': ['email_format', undefined, 'must be a valid e-mail address'],
      x: ['not_allowed', undefined, 'is not an allowed field'],
    });
    expect(Object.fromEntries(fr.map((e) => [e.field, e.message]))).toEqual({
      name: 'doit compter au moins 2 caractères',
      slug: 'doit contenir des lettres minuscules, des chiffres et des tirets simples, en commençant par une lettre',
      'admin.email': 'doit être une adresse e-mail valide',
      x: 'n’est pas un champ autorisé',
    });
  });

  it('words the size limits and refinements of the contracts, values as params', () => {
    const amount = { ...{ kind: 'expense', channel: 'cash', category: 'rent' }, amount: MAX_AMOUNT_MINOR + 1 };
    expect(errorsOf(recordTransactionRequest, amount)).toEqual([
      {
        field: 'amount',
        code: 'too_big',
        params: { max: MAX_AMOUNT_MINOR },
        message: `must be at most ${MAX_AMOUNT_MINOR}`,
      },
    ]);
    expect(messages(recordTransactionRequest, { ...amount, amount: 1.5 }, 'fr')).toEqual({
      amount: 'doit être un nombre entier de la plus petite unité de la devise',
    });
    expect(messages(createThreadRequest, { subject: 'x'.repeat(151), body: ' ' }, 'fr')).toEqual({
      subject: 'doit compter au plus 150 caractères',
      body: 'ne doit pas être vide',
    });
    expect(messages(createCooperativeRequest, { ...coop, slug: 'ab' }, 'fr')).toEqual({
      slug: 'doit compter au moins 3 caractères',
    });
  });

  it('says a loan problem found by a refinement in either language', () => {
    const member = '0190a000-0000-7000-8000-000000000001';
    const loan = {
      memberId: member,
      principal: 10_000,
      annualRateBasisPoints: 1200,
      method: 'flat',
      installments: 6,
      frequency: 'monthly',
      purpose: 'Stock',
      guarantorIds: [member],
    };
    expect(errorsOf(requestLoanRequest, loan)).toEqual([
      { field: 'guarantorIds', code: 'guarantor_is_borrower', message: 'the borrower cannot guarantee their own loan' },
    ]);
    expect(messages(requestLoanRequest, loan, 'fr')).toEqual({
      guarantorIds: 'l’emprunteur ne peut pas garantir son propre prêt',
    });
    // The number schema's own message ("must be a number") is not what its size check says.
    expect(errorsOf(requestLoanRequest, { ...loan, installments: 0, guarantorIds: [] })).toEqual([
      { field: 'installments', code: 'too_small', params: { min: 1 }, message: 'must be at least 1' },
    ]);
    expect(messages(requestLoanRequest, { ...loan, installments: 1.5, guarantorIds: [] }, 'fr')).toEqual({
      installments: 'doit être un nombre entier',
    });
  });

  it('uses zod’s own words, in the language asked, where we have none', () => {
    const schema = z.strictObject({ kind: z.enum(['a', 'b']), id: z.uuid() });
    const en = errorsOf(schema, { kind: 'c', id: 'x' }, 'en')!;
    const fr = errorsOf(schema, { kind: 'c', id: 'x' }, 'fr')!;
    expect(en.map((e) => [e.code, e.params])).toEqual([
      ['invalid_value', { values: 'a, b' }],
      ['invalid_format', { format: 'uuid' }],
    ]);
    expect(en.map((e) => e.message)).toEqual(['Invalid option: expected one of "a"|"b"', 'Invalid UUID']);
    expect(fr.map((e) => e.message)).toEqual(['Option invalide : une valeur parmi "a"|"b" attendue', 'UUID invalide']);
  });

  it('joins several problems of one field, keeping the first one’s code', () => {
    const errors = errorsOf(createMemberRequest, { fullName: 'A', phone: '12', joinedOn: '2026-13-01' }, 'fr')!;
    expect(errors.find((e) => e.field === 'fullName')).toMatchObject({ code: 'too_short' });
    const password = z.strictObject({
      password: z
        .string()
        .min(10)
        .refine((v) => /\d/.test(v), 'must contain a letter and a digit'),
    });
    expect(errorsOf(password, { password: 'short' }, 'fr')).toEqual([
      {
        field: 'password',
        code: 'too_short',
        params: { min: 10 },
        message: 'doit compter au moins 10 caractères; doit contenir une lettre et un chiffre',
      },
    ]);
  });

  it('returns the parsed value with defaults', () => {
    const parsed = new ZodValidationPipe(createCooperativeRequest).transform({
      name: 'Coop',
      slug: 'coop-bobo',
      country: 'BF',
      admin: { name: 'A', email: 'a@b.bf' },
    });
    expect(parsed).toMatchObject({ currency: 'XOF', locale: 'fr' });
  });
});
