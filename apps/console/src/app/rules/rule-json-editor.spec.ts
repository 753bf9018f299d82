import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { RuleSet } from '@kotizo/rules-engine';
import { aRuleSet } from '../testing/audit-builders';
import { SLUG, byTestId, frenchTransloco, pageProviders, request, settle, text, type } from '../testing/page-testing';
import { RuleJsonEditor } from './rule-json-editor';

describe('RuleJsonEditor', () => {
  let backend: HttpTestingController;

  async function open(canEdit = true) {
    TestBed.configureTestingModule({ imports: [RuleJsonEditor, frenchTransloco()], providers: pageProviders() });
    backend = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(RuleJsonEditor);
    fixture.componentRef.setInput('slug', SLUG);
    fixture.componentRef.setInput('ruleSet', aRuleSet());
    fixture.componentRef.setInput('canEdit', canEdit);
    const applied: RuleSet[] = [];
    fixture.componentInstance.apply.subscribe((set) => applied.push(set));
    await settle(fixture);
    const root = fixture.nativeElement as HTMLElement;
    const edit = async (change: (set: RuleSet) => unknown) => {
      type(byTestId<HTMLTextAreaElement>(root, 'rules-json'), JSON.stringify(change(aRuleSet()), null, 2));
      await settle(fixture);
    };
    const click = async (id: string) => {
      byTestId(root, id).click();
      await settle(fixture);
    };
    return { fixture, root, edit, click, applied };
  }

  afterEach(() => backend.match(() => true));

  it('lists each problem the API finds, by JSON pointer and rule', async () => {
    const { fixture, root, edit, click } = await open();
    expect(JSON.parse(byTestId<HTMLTextAreaElement>(root, 'rules-json').value)).toEqual(aRuleSet());
    await edit((set) => ({ ...set, rules: set.rules.map((r, i) => (i === 1 ? { ...r, severity: 'huge' } : r)) }));
    await click('rules-json-validate');

    const check = request(backend, 'POST', '/rules/validate');
    expect((check.request.body as { ruleSet: RuleSet }).ruleSet.rules[1]?.severity).toBe('huge');
    check.flush({
      ok: false,
      problems: [
        // Worded by the API in the language of the console (Accept-Language).
        { path: '/rules/1/severity', message: 'doit être l’une de ces valeurs : low, medium, high, critical' },
        {
          path: '/rules/0/conditions/all/0/operator',
          message: 'opérateur inconnu : « bigger » ; opérateurs connus : equal',
        },
      ],
    });
    await settle(fixture);

    const problems = [...byTestId(root, 'rules-json-problems').querySelectorAll('[data-testid="rule-problem"]')];
    expect(problems.map((p) => text(p))).toEqual([
      '/rules/1/severity (late-contribution) — doit être l’une de ces valeurs : low, medium, high, critical',
      '/rules/0/conditions/all/0/operator (large-withdrawal) — opérateur inconnu : « bigger » ; opérateurs connus : equal',
    ]);
    expect(root.querySelector('[data-testid="rules-json-ok"]')).toBeNull();
  });

  it('says when the rule set is fine', async () => {
    const { fixture, root, click } = await open();
    await click('rules-json-validate');
    request(backend, 'POST', '/rules/validate').flush({ ok: true, problems: [] });
    await settle(fixture);
    expect(text(byTestId(root, 'rules-json-ok'))).toBe('Aucun problème trouvé.');
  });

  it('points at unreadable JSON without asking the API, and hands a readable rule set to the page to save', async () => {
    const { root, click, applied } = await open();
    type(byTestId<HTMLTextAreaElement>(root, 'rules-json'), '{ "pack": ');
    await click('rules-json-validate');
    backend.expectNone(`/api/v1/coops/${SLUG}/rules/validate`);
    expect(text(byTestId(root, 'rules-json-syntax'))).toContain('JSON illisible');
    await click('rules-json-save');
    expect(applied).toEqual([]);

    type(byTestId<HTMLTextAreaElement>(root, 'rules-json'), JSON.stringify({ ...aRuleSet(), packVersion: '1.3.0' }));
    await click('rules-json-save');
    expect(applied.map((s) => s.packVersion)).toEqual(['1.3.0']);
  });
});
