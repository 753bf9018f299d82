import type {
  ImportMapping,
  ImportPreviewResponse,
  ImportUploadResponse,
  LoanResponse,
  Problem,
} from '@kotizo/contracts';
import { addDays, formatMoney, localDate } from '@kotizo/domain';
import { ApiHarness } from '../../api/src/testing/api-harness.js';
import { type CoopFixture, cooperativeWithEveryRole } from './fixtures.js';

/** The feature modules' errors (loans, investigations, exports, CSV imports) in French and English. */
describe('errors of the features in the language of the request', () => {
  let api: ApiHarness;
  let fed: string;

  beforeAll(async () => {
    api = await ApiHarness.start('localized-feature-errors');
    fed = (await api.loginFederationAdmin()).accessToken;
  });
  afterAll(async () => {
    await api.stop();
  });

  describe('in the loans, the investigations and the exports', () => {
    const fr = { 'accept-language': 'fr' };
    let coop: CoopFixture;
    const url = (rest: string) => `/api/v1/coops/${coop.slug}${rest}`;

    beforeAll(async () => {
      // A loan requested by the treasurer, an investigation queued with no worker to run it, no contribution plan.
      coop = await cooperativeWithEveryRole(api, fed, 'soubre');
    });

    it('refuses a loan decided by its requester, in French', async () => {
      const self = await api.request<Problem>('POST', url(`/loans/${coop.loanId}/decision`), {
        token: coop.users.treasurer.accessToken,
        headers: fr,
        body: { decision: 'approve' },
      });
      expect(self.headers.get('content-language')).toBe('fr');
      expect(self.body).toMatchObject({
        status: 403,
        code: 'self_approval',
        title: 'Accès refusé',
        detail: 'Un prêt est décidé par une autre personne que celle qui l’a demandé.',
      });
    });

    it('says a loan’s status and what is still owed in French, the amount in the cooperative’s currency', async () => {
      const admin = coop.users.admin.accessToken;
      const treasurer = coop.users.treasurer.accessToken;
      await api.request('POST', url(`/loans/${coop.loanId}/decision`), { token: admin, body: { decision: 'approve' } });
      const disbursed = await api.request<LoanResponse>('POST', url(`/loans/${coop.loanId}/disbursement`), {
        token: treasurer,
        body: { channel: 'cash' },
      });
      expect(disbursed.body.status).toBe('disbursed');

      const decided = await api.request<Problem>('POST', url(`/loans/${coop.loanId}/decision`), {
        token: admin,
        headers: fr,
        body: { decision: 'reject' },
      });
      expect(decided.body).toMatchObject({
        status: 409,
        code: 'loan_not_requested',
        title: 'Conflit',
        detail: 'Ce prêt est en cours : seule une demande de prêt peut être décidée.',
      });

      const owed = disbursed.body.position!.outstandingTotal;
      const tooMuch = await api.request<Problem>('POST', url(`/loans/${coop.loanId}/repayments`), {
        token: treasurer,
        headers: fr,
        body: { amount: owed + 1, channel: 'cash' },
      });
      const said = formatMoney(owed, disbursed.body.currency, 'fr');
      expect(said).toMatch(/CFA$/);
      expect(tooMuch.headers.get('content-language')).toBe('fr');
      expect(tooMuch.body).toMatchObject({
        status: 422,
        code: 'repayment_exceeds_outstanding',
        title: 'Requête non valide',
        detail: `Il ne reste que ${said} à rembourser sur ce prêt.`,
      });
      expect(tooMuch.body.errors).toEqual([
        {
          field: 'amount',
          code: 'more_than_owed',
          params: { owed, currency: disbursed.body.currency },
          message: `dépasse les ${said} restant dus`,
        },
      ]);
    });

    it('refuses a second investigation of a case in French', async () => {
      const twice = await api.request<Problem>('POST', url(`/cases/${coop.caseId}/investigations`), {
        token: coop.users.auditor.accessToken,
        headers: fr,
        body: {},
      });
      expect(twice.headers.get('content-language')).toBe('fr');
      expect(twice.body).toMatchObject({
        status: 409,
        code: 'investigation_in_progress',
        detail: 'Une enquête sur ce dossier est déjà en cours : suivez-la ou statuez sur son rapport.',
      });
    });

    it('refuses the dues export without a contribution plan in French', async () => {
      const noPlan = await api.request<Problem>('GET', url('/exports/dues'), {
        token: coop.users.admin.accessToken,
        headers: fr,
      });
      expect(noPlan.headers.get('content-language')).toBe('fr');
      expect(noPlan.body).toMatchObject({
        status: 409,
        code: 'no_contribution_plan',
        title: 'Conflit',
        detail: 'Définissez d’abord le plan de cotisation.',
      });
    });
  });

  describe('in the CSV imports', () => {
    let coop: CoopFixture;
    let treasurer: string;
    const base = () => `/api/v1/coops/${coop.slug}/imports`;
    const today = localDate(new Date(), 'Africa/Abidjan');
    const yesterday = addDays(today, -1);
    // Line 2 is good; 3 is wrong everywhere; 4 is in the future; 5 repeats the reference of line 2.
    const file = [
      'date;member_number;kind;amount;channel;reference;memo',
      `${yesterday};1;contribution;2000;cash;X-1;`,
      '31/02/2026;99;gift;douze;pigeon;X-2;',
      `${addDays(today, 3)};1;contribution;2000;cash;X-3;`,
      `${yesterday};1;contribution;2000;cash;X-1;`,
    ].join('\n');

    beforeAll(async () => {
      coop = await cooperativeWithEveryRole(api, fed, 'sassandra');
      treasurer = coop.users.treasurer.accessToken;
    });

    const uploaded = async () => {
      const up = await api.request<ImportUploadResponse>('POST', base(), {
        token: treasurer,
        rawBody: file,
        headers: { 'content-type': 'text/csv' },
      });
      expect(up.status).toBe(201);
      return { id: up.body.id, mapping: up.body.suggestedMapping! };
    };
    const send = (step: 'preview' | 'commit', id: string, mapping: ImportMapping, language: string) =>
      api.request<ImportPreviewResponse>('POST', `${base()}/${id}/${step}`, {
        token: treasurer,
        headers: { 'accept-language': language },
        body: { mapping },
      });
    const withoutMessages = (body: ImportPreviewResponse) =>
      body.rejected.map((r) => ({ line: r.line, errors: r.errors.map(({ message: _, ...rest }) => rest) }));

    it('says why each row of a preview is rejected in French, with the same codes as in English', async () => {
      const { id, mapping } = await uploaded();
      const fr = await send('preview', id, mapping, 'fr');
      const en = await send('preview', id, mapping, 'en');
      expect([fr.status, en.status]).toEqual([200, 200]);
      expect(fr.body).toMatchObject({ rows: 4, valid: 1, committable: false });
      expect(withoutMessages(fr.body)).toEqual(withoutMessages(en.body));
      expect(fr.body.rejected).toEqual([
        {
          line: 3,
          errors: [
            {
              field: 'date',
              code: 'not_a_date_as',
              params: { format: 'YYYY-MM-DD' },
              message: 'n’est pas une date au format AAAA-MM-JJ',
            },
            {
              field: 'amount',
              code: 'not_a_positive_amount',
              message: 'n’est pas un montant positif dans la devise de la coopérative',
            },
            {
              field: 'kind',
              code: 'not_an_import_kind',
              params: { value: 'gift' },
              message: '« gift » n’est ni cotisation, ni pénalité, ni recette, ni dépense',
            },
            {
              field: 'channel',
              code: 'not_an_import_channel',
              params: { value: 'pigeon' },
              message: '« pigeon » n’est ni espèces, ni mobile money, ni banque',
            },
            {
              field: 'memberNumber',
              code: 'no_member_number',
              params: { number: '99' },
              message: 'aucun membre ne porte le numéro 99',
            },
          ],
        },
        { line: 4, errors: [{ field: 'date', code: 'in_future', message: 'ne peut pas être dans le futur' }] },
        {
          line: 5,
          errors: [
            {
              field: 'reference',
              code: 'reference_repeated',
              params: { line: 2 },
              message: 'figure déjà à la ligne 2 de ce fichier',
            },
          ],
        },
      ]);
      expect(en.body.rejected[0]!.errors[0]!.message).toBe('is not a date as YYYY-MM-DD');
    });

    it('refuses to commit a file with a rejected row, in French', async () => {
      const { id, mapping } = await uploaded();
      const refused = await send('commit', id, mapping, 'fr');
      expect(refused.status).toBe(422);
      expect(refused.headers.get('content-language')).toBe('fr');
      const problem = refused.body as unknown as Problem;
      expect(problem).toMatchObject({
        status: 422,
        code: 'import_has_rejected_rows',
        title: 'Requête non valide',
        detail:
          'La ligne 3 ne peut pas être importée ; consultez l’aperçu du fichier pour voir toutes les lignes rejetées.',
      });
      expect(problem.errors).toContainEqual({
        field: 'line 3: memberNumber',
        code: 'no_member_number',
        params: { number: '99' },
        message: 'aucun membre ne porte le numéro 99',
      });
    });
  });
});
