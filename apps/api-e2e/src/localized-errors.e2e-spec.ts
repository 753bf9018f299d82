import type { CreateCooperativeResponse, Problem } from '@kotizo/contracts';
import { ApiHarness, type ApiResponse } from '../../api/src/testing/api-harness.js';

describe('errors in the language of the request', () => {
  let api: ApiHarness;
  let fed: string;
  let admin: string;
  const slug = 'daloa';

  beforeAll(async () => {
    api = await ApiHarness.start('localized-errors');
    fed = (await api.loginFederationAdmin()).accessToken;
    const created = await api.request<CreateCooperativeResponse>('POST', '/api/v1/coops', {
      token: fed,
      body: { name: 'Coop Daloa', slug, country: 'CI', admin: { name: 'Admin Daloa', email: 'admin@daloa.test' } },
    });
    expect(created.status).toBe(201);
    admin = (await api.login('admin@daloa.test', created.body.admin.temporaryPassword!)).accessToken;
  });
  afterAll(async () => {
    await api.stop();
  });

  const badCooperative = {
    name: 'A',
    slug: 'Bad_Slug',
    country: 'CIV',
    admin: { name: 'Awa', email: 'not-an-address' },
    color: 'red',
  };
  const createIn = (language: string | undefined) =>
    api.request<Problem>('POST', '/api/v1/coops', {
      token: fed,
      body: badCooperative,
      ...(language === undefined ? {} : { headers: { 'accept-language': language } }),
    });
  const withoutMessages = (res: ApiResponse<Problem>) =>
    res.body.errors!.map(({ message: _, ...rest }) => rest).sort((a, b) => a.field.localeCompare(b.field));
  const messagesOf = (res: ApiResponse<Problem>) =>
    Object.fromEntries(res.body.errors!.map((e) => [e.field, e.message]));

  it('says the same bad request in French and in English: same fields and codes, other words', async () => {
    const fr = await createIn('fr');
    const en = await createIn('en');
    expect([fr.status, en.status]).toEqual([422, 422]);
    expect(fr.headers.get('content-type')).toContain('application/problem+json');
    expect([fr.headers.get('content-language'), en.headers.get('content-language')]).toEqual(['fr', 'en']);
    expect(fr.headers.get('vary')).toContain('Accept-Language');

    expect(withoutMessages(fr)).toEqual(withoutMessages(en));
    expect(withoutMessages(en)).toEqual([
      { field: 'admin.email', code: 'email_format' },
      { field: 'color', code: 'not_allowed' },
      { field: 'country', code: 'country_code' },
      { field: 'name', code: 'too_short', params: { min: 2 } },
      { field: 'slug', code: 'slug_format' },
    ]);
    expect(messagesOf(en)).toMatchObject({ name: 'must be at least 2 characters', color: 'is not an allowed field' });
    expect(messagesOf(fr)).toMatchObject({
      name: 'doit compter au moins 2 caractères',
      color: 'n’est pas un champ autorisé',
      'admin.email': 'doit être une adresse e-mail valide',
    });
    for (const field of Object.keys(messagesOf(en))) expect(messagesOf(fr)[field]).not.toBe(messagesOf(en)[field]);
    expect([fr.body.code, fr.body.title, fr.body.detail]).toEqual([
      'validation_failed',
      'Requête non valide',
      'La requête contient des champs non valides.',
    ]);
    expect([en.body.code, en.body.title]).toEqual(['validation_failed', 'Invalid request']);
  });

  it('answers in English without a header, or for a language it does not speak', async () => {
    const en = await createIn('en');
    for (const language of [undefined, 'de-DE, es;q=0.5', 'fr;q=0, *']) {
      const res = await createIn(language);
      expect(res.headers.get('content-language')).toBe('en');
      expect(res.body).toEqual(en.body);
    }
  });

  it('honours q-values and regional variants', async () => {
    const res = await createIn('en;q=0.3, fr-CI;q=0.8');
    expect(res.headers.get('content-language')).toBe('fr');
    expect(messagesOf(res)['name']).toBe('doit compter au moins 2 caractères');
  });

  it('says the errors of the services, not-founds included, in French', async () => {
    const fr = { 'accept-language': 'fr-CI, fr;q=0.9, en;q=0.5' };
    const stranger = await api.request<Problem>('POST', `/api/v1/coops/${slug}/transactions`, {
      token: admin,
      headers: fr,
      body: {
        kind: 'contribution',
        memberId: '00000000-0000-4000-8000-000000000000',
        amount: 2500,
        channel: 'cash',
        occurredOn: '2999-01-01',
      },
    });
    expect(stranger.status).toBe(422);
    expect(stranger.headers.get('content-language')).toBe('fr');
    expect(stranger.body.errors).toEqual([
      { field: 'memberId', code: 'not_a_member', message: 'n’est pas membre de cette coopérative' },
    ]);

    const missing = await api.request<Problem>(
      'GET',
      `/api/v1/coops/${slug}/transactions/00000000-0000-4000-8000-000000000000`,
      { token: admin, headers: fr },
    );
    expect(missing.body).toMatchObject({
      status: 404,
      code: 'not_found',
      title: 'Introuvable',
      detail: 'Ce mouvement est introuvable.',
    });

    const taken = await api.request<Problem>('POST', '/api/v1/coops', {
      token: fed,
      headers: fr,
      body: { name: 'Autre', slug, country: 'CI', admin: { name: 'B', email: 'b@daloa.test' } },
    });
    expect(taken.body).toMatchObject({
      status: 409,
      code: 'slug_taken',
      detail: 'L’identifiant « daloa » est déjà utilisé par une autre coopérative.',
      errors: [{ field: 'slug', code: 'slug_taken', message: 'est déjà utilisé par une autre coopérative' }],
    });
  });

  it('says the framework’s refusals in French too: no token, unknown route, unreadable body', async () => {
    const fr = { 'accept-language': 'fr' };
    const anonymous = await api.request<Problem>('GET', '/api/v1/me', { headers: fr });
    expect(anonymous.headers.get('content-language')).toBe('fr');
    expect(anonymous.body).toMatchObject({
      status: 401,
      code: 'unauthenticated',
      detail: 'Connectez-vous pour continuer.',
    });

    const nowhere = await api.request<Problem>('GET', '/api/v1/nowhere', { token: fed, headers: fr });
    expect(nowhere.body).toMatchObject({ status: 404, code: 'not_found', title: 'Introuvable' });

    const unreadable = await api.request<Problem>('POST', '/api/v1/auth/login', {
      headers: { ...fr, 'content-type': 'application/json' },
      rawBody: '{"email": ',
    });
    expect(unreadable.body).toMatchObject({ status: 400, code: 'bad_request', title: 'Requête invalide' });
    expect(unreadable.headers.get('content-language')).toBe('fr');
  });
});
