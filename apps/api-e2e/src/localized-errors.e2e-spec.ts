import type {
  ActiveRuleSetResponse,
  CreateCooperativeResponse,
  Problem,
  RuleSetValidationResponse,
} from '@kotizo/contracts';
import type { RuleSet } from '@kotizo/rules-engine';
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

  it('says a rule set’s problems in French and in English: same pointers and codes, other words', async () => {
    const url = `/api/v1/coops/${slug}/rules`;
    const active = await api.request<ActiveRuleSetResponse>('GET', url, { token: admin });
    expect(active.status).toBe(200);
    const broken = structuredClone(active.body.ruleSet) as RuleSet;
    const rule = broken.rules[0]!;
    rule.conditions = { all: [{ fact: 'movement', path: '$..amount', operator: 'isHuge', value: 1 }] };
    // Two problems at one pointer: a single entry says both.
    rule.message.fr += ' {{account.balance}} {{movement..x}}';
    const saveIn = (language: string) =>
      api.request<Problem>('PUT', `${url}/draft`, {
        token: admin,
        headers: { 'accept-language': language },
        body: { ruleSet: broken },
      });
    const fr = await saveIn('fr');
    const en = await saveIn('en');
    expect([fr.status, en.status]).toEqual([422, 422]);
    expect([fr.headers.get('content-language'), en.headers.get('content-language')]).toEqual(['fr', 'en']);
    expect([fr.body.code, fr.body.title, fr.body.detail]).toEqual([
      'validation_failed',
      'Requête non valide',
      'Le jeu de règles comporte des problèmes.',
    ]);
    expect(en.body.detail).toBe('The rule set has problems.');

    expect(withoutMessages(fr)).toEqual(withoutMessages(en));
    expect(withoutMessages(fr)).toEqual([
      {
        field: '/rules/0/conditions/all/0/operator',
        code: 'unknown_operator',
        params: { operator: 'isHuge', known: expect.stringMatching(/^equal, notEqual, /) },
      },
      { field: '/rules/0/conditions/all/0/path', code: 'path_not_simple', params: { path: '$..amount', maxSteps: 8 } },
      {
        field: '/rules/0/message/fr',
        code: 'placeholder_unknown_fact',
        params: { placeholder: '{{account.balance}}', fact: 'account', known: expect.stringContaining('movement') },
      },
    ]);
    const said = messagesOf(fr);
    expect(said['/rules/0/conditions/all/0/operator']).toMatch(
      /^opérateur inconnu : « isHuge » ; opérateurs connus : equal/,
    );
    expect(said['/rules/0/conditions/all/0/path']).toMatch(/^« \$\.\.amount » n’est pas un chemin simple : écrivez/);
    expect(said['/rules/0/message/fr']).toMatch(
      /^\{\{account\.balance\}\} : le fait « account » est inconnu ; .*; \{\{movement\.\.x\}\} : n’est pas une variable valide/,
    );
    expect(messagesOf(en)['/rules/0/conditions/all/0/operator']).toMatch(
      /^unknown operator "isHuge"; known operators:/,
    );
    for (const field of Object.keys(said)) expect(said[field]).not.toBe(messagesOf(en)[field]);
    expect((await api.request('GET', `${url}/draft`, { token: admin })).status).toBe(404);

    // Checking without saving says each problem in the language asked too.
    const checked = await api.request<RuleSetValidationResponse>('POST', `${url}/validate`, {
      token: admin,
      headers: { 'accept-language': 'fr' },
      body: { ruleSet: broken },
    });
    expect(checked.status).toBe(200);
    expect(checked.body.ok).toBe(false);
    expect(checked.body.problems.map((p) => p.path)).toEqual([
      '/rules/0/conditions/all/0/path',
      '/rules/0/conditions/all/0/operator',
      '/rules/0/message/fr',
      '/rules/0/message/fr',
    ]);
    expect(checked.body.problems[1]!.message).toBe(said['/rules/0/conditions/all/0/operator']);
    expect(checked.body.problems[3]!.message).toMatch(/^\{\{movement\.\.x\}\} : n’est pas une variable valide/);
  });
});
