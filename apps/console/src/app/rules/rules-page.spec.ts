import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { MeResponse, RuleSetDraftResponse } from '@kotizo/contracts';
import type { RuleSet } from '@kotizo/rules-engine';
import { aDraft, aRuleSet, anActiveRuleSet } from '../testing/audit-builders';
import { aUser } from '../testing/builders';
import {
  API,
  SLUG,
  asRole,
  byTestId,
  frenchTransloco,
  pageProviders,
  request,
  settle,
  text,
  type,
} from '../testing/page-testing';
import { RulesPage } from './rules-page';

const notFound = { type: 'about:blank', title: 'Not found', status: 404, code: 'not_found' };

describe('RulesPage', () => {
  let backend: HttpTestingController;

  async function open(draft: RuleSetDraftResponse | null, me: MeResponse = asRole('auditor')) {
    TestBed.configureTestingModule({ imports: [RulesPage, frenchTransloco()], providers: pageProviders(me) });
    backend = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(RulesPage);
    fixture.componentRef.setInput('slug', SLUG);
    await settle(fixture);
    request(backend, 'GET', '/rules').flush(anActiveRuleSet());
    const draftRequest = request(backend, 'GET', '/rules/draft');
    if (draft) draftRequest.flush(draft);
    else draftRequest.flush(notFound, { status: 404, statusText: 'Not Found' });
    request(backend, 'GET', '/rules/versions').flush([]);
    for (const r of backend.match(`${API}/rules/pack-update`)) {
      r.flush({ pack: 'tontine', currentVersion: '1.2.0', latestVersion: '1.2.0', available: false, changes: [] });
    }
    await settle(fixture);
    for (const r of backend.match((req) => req.url === `${API}/users`)) {
      r.flush({ items: [], total: 0, limit: 100, offset: 0 });
    }
    await settle(fixture);
    const root = fixture.nativeElement as HTMLElement;
    const toggle = async (ruleId: string) => {
      byTestId(root, `rule-enabled-${ruleId}`).querySelector('button')?.click();
      await settle(fixture);
    };
    const setParam = async (ruleId: string, name: string, value: string) => {
      type(byTestId<HTMLInputElement>(root, `rule-param-${ruleId}-${name}`), value);
      await settle(fixture);
    };
    return { fixture, root, toggle, setParam };
  }

  afterEach(() => backend.match(() => true));

  const saveRequest = () => request(backend, 'PUT', '/rules/draft');
  const sentRules = (body: unknown) => (body as { ruleSet: RuleSet }).ruleSet.rules;

  it('creates the draft from the rules in force on the first edit, and builds on it afterwards', async () => {
    const { fixture, root, toggle, setParam } = await open(null);
    expect(root.querySelector('[data-testid="no-draft"]')).not.toBeNull();
    expect(root.querySelector('[data-testid="activate-draft"]')).toBeNull();

    await toggle('large-withdrawal');
    const first = saveRequest();
    const expected = aRuleSet();
    expected.rules[0] = { ...expected.rules[0]!, enabled: false };
    expect(first.request.body).toEqual({ ruleSet: expected });
    first.flush(
      aDraft({
        ruleSet: expected,
        changes: [{ ruleId: 'large-withdrawal', change: 'changed', fields: ['enabled'] }],
      }),
    );
    await settle(fixture);
    expect(text(byTestId(root, 'draft'))).toContain('Brouillon en cours');
    expect(text(byTestId(root, 'rule-changes'))).toContain('Règle « Retrait inhabituel » modifiée : activation');
    expect(byTestId(root, 'rule-row-large-withdrawal').querySelector('[data-testid="rule-changed"]')).not.toBeNull();
    expect(byTestId<HTMLButtonElement>(root, 'activate-draft').disabled).toBe(false);

    await setParam('large-withdrawal', 'multiple', '5');
    const second = saveRequest();
    const [rule] = sentRules(second.request.body);
    expect(rule?.enabled).toBe(false);
    expect(rule?.params['multiple']?.value).toBe(5);
  });

  it('checks a threshold’s bounds before saving, and shows the API’s refusal on the field', async () => {
    const { fixture, root, setParam } = await open(aDraft());
    await setParam('large-withdrawal', 'multiple', '11');
    backend.expectNone((r) => r.method === 'PUT');
    const row = byTestId(root, 'rule-row-large-withdrawal');
    expect(text(byTestId(row, 'rule-param-error'))).toBe('Entre 1 et 10.');

    await setParam('large-withdrawal', 'multiple', '4');
    expect(row.querySelector('[data-testid="rule-param-error"]')).toBeNull();
    saveRequest().flush(
      {
        type: 'about:blank',
        title: 'Requête non valide',
        status: 422,
        code: 'validation_failed',
        // Worded by the API in the language of the console (Accept-Language).
        errors: [
          {
            field: '/rules/0/params/multiple/value',
            code: 'param_above_max',
            params: { value: 4, max: 3 },
            message: '4 dépasse le maximum 3',
          },
        ],
      },
      { status: 422, statusText: 'Unprocessable Entity' },
    );
    await settle(fixture);
    expect(text(byTestId(row, 'rule-param-error'))).toBe('4 dépasse le maximum 3');
    expect(text(byTestId(root, 'draft-save-state'))).toContain('Brouillon non enregistré');
    expect(byTestId<HTMLButtonElement>(root, 'activate-draft').disabled).toBe(true);
  });

  it('disables activation for the draft’s author and says why', async () => {
    const { root } = await open(aDraft({ canActivate: false }));
    expect(byTestId<HTMLButtonElement>(root, 'activate-draft').disabled).toBe(true);
    expect(text(byTestId(root, 'activate-blocked'))).toContain('un autre administrateur ou auditeur doit l’activer');
  });

  it('activates the draft with a note once confirmed, then shows the new version in force', async () => {
    const { fixture, root } = await open(aDraft());
    expect(root.querySelector('[data-testid="activate-blocked"]')).toBeNull();
    byTestId(root, 'activate-draft').click();
    await settle(fixture);
    type(byTestId<HTMLTextAreaElement>(document.body, 'activate-note'), 'Seuil revu en assemblée');
    byTestId(document.body, 'activate-confirm').click();
    await settle(fixture);
    const activation = request(backend, 'POST', '/rules/draft/activate');
    expect(activation.request.body).toEqual({ note: 'Seuil revu en assemblée' });
    activation.flush(anActiveRuleSet({ version: 5 }));
    await settle(fixture);
    expect(text(byTestId(root, 'active-version'))).toContain('n° 5');
    expect(root.querySelector('[data-testid="no-draft"]')).not.toBeNull();
    request(backend, 'GET', '/rules/versions');
  });

  it('shows the rules read-only to a federation auditor: no switch, no activation, no backtest', async () => {
    const { root } = await open(aDraft(), aUser({ federationRole: 'federation_auditor' }));
    expect(root.querySelector('[data-testid="rule-row-large-withdrawal"]')).not.toBeNull();
    expect(byTestId(root, 'rule-enabled-large-withdrawal').querySelector('button')?.disabled).toBe(true);
    expect(byTestId<HTMLInputElement>(root, 'rule-param-large-withdrawal-multiple').disabled).toBe(true);
    expect(root.querySelector('[data-testid="activate-draft"]')).toBeNull();
    expect(root.querySelector('[data-testid="discard-draft"]')).toBeNull();
    expect(root.querySelector('[data-testid="backtest"]')).toBeNull();
  });
});
