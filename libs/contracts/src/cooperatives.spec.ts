import { createCooperativeRequest } from './cooperatives.js';
import { addCooperativeUserRequest } from './users.js';

describe('createCooperativeRequest', () => {
  const base = { name: 'Tontine', slug: 'tontine', country: 'CI', admin: { name: 'Awa', email: ' Awa@Example.CI ' } };

  it('applies the defaults and normalises the e-mail', () => {
    expect(createCooperativeRequest.parse(base)).toEqual({
      ...base,
      currency: 'XOF',
      timeZone: 'Africa/Abidjan',
      locale: 'fr',
      admin: { name: 'Awa', email: 'awa@example.ci' },
    });
  });

  it('refuses unknown fields and numbers given as strings', () => {
    expect(createCooperativeRequest.safeParse({ ...base, extra: true }).success).toBe(false);
    expect(createCooperativeRequest.safeParse({ ...base, name: 42 }).success).toBe(false);
  });
});

describe('addCooperativeUserRequest', () => {
  it('requires a known role and a strong enough password when one is given', () => {
    const person = { name: 'Moussa', email: 'moussa@x.sn' };
    expect(addCooperativeUserRequest.safeParse({ ...person, role: 'treasurer' }).success).toBe(true);
    expect(addCooperativeUserRequest.safeParse({ ...person, role: 'owner' }).success).toBe(false);
    expect(addCooperativeUserRequest.safeParse({ ...person, role: 'member', password: 'onlyletters' }).success).toBe(
      false,
    );
    expect(addCooperativeUserRequest.safeParse({ ...person, role: 'member', password: 'letters-and-1' }).success).toBe(
      true,
    );
  });
});
