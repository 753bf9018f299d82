import { type RuleDefinition, validateRuleSet } from '@kotizo/rules-engine';
import { ProblemFilter } from '../../platform/errors/problem.filter.js';
import { problemsAsFields, sayRuleSetProblem } from './rule-packs.js';

function aRule(overrides: Partial<RuleDefinition> = {}): RuleDefinition {
  return {
    id: 'large-expense',
    name: { fr: 'Grosse dépense', en: 'Large expense' },
    message: { fr: 'Dépense de {{movement.amount}}', en: 'Expense of {{movement.amount}}' },
    severity: 'high',
    scope: 'movement',
    enabled: true,
    params: { amount: { value: 'lots', label: { fr: 'Montant', en: 'Amount' } } },
    conditions: {
      all: [
        { fact: 'movement', path: '$.amount', operator: 'greaterThan', value: { param: 'amount' } },
        { fact: 'movement', path: '$..amount', operator: 'regex', value: 1 },
      ],
    },
    ...overrides,
  };
}

function problemsOf(rule: unknown) {
  const result = validateRuleSet({ pack: 'test', packVersion: '1.0.0', rules: [rule] });
  if (result.ok) throw new Error('expected the rule set to be rejected');
  return result.problems;
}

describe('problemsAsFields', () => {
  const filter = new ProblemFilter();
  // Two problems at one pointer: a fact its scope never has, and a malformed placeholder.
  const broken = aRule({ message: { fr: 'Dépense', en: 'Due {{due.amount}} {{movement..x}}' } });

  it('says the rules engine’s problems in French: one entry per pointer, with its code and params', () => {
    const { problem, language } = filter.render(problemsAsFields(problemsOf(broken)), 'fr');
    expect(language).toBe('fr');
    expect(problem).toMatchObject({ status: 422, code: 'validation_failed', title: 'Requête non valide' });
    expect(problem.detail).toBe('Le jeu de règles comporte des problèmes.');
    expect(problem.errors).toEqual([
      {
        field: '/rules/0/conditions/all/0/value',
        code: 'value_needs_number',
        params: { operator: 'greaterThan', param: 'amount' },
        message: 'greaterThan attend un nombre (paramètre « amount »)',
      },
      {
        field: '/rules/0/conditions/all/1/path',
        code: 'path_not_simple',
        params: { path: '$..amount', maxSteps: 8 },
        message: expect.stringMatching(/^« \$\.\.amount » n’est pas un chemin simple : écrivez \$\.nom/),
      },
      {
        field: '/rules/0/conditions/all/1/operator',
        code: 'unknown_operator',
        params: { operator: 'regex', known: expect.stringContaining('equal, notEqual') },
        message: expect.stringMatching(/^opérateur inconnu : « regex » ; opérateurs connus : equal, notEqual/),
      },
      {
        field: '/rules/0/message/en',
        code: 'placeholder_fact_not_in_scope',
        params: expect.objectContaining({ placeholder: '{{due.amount}}', fact: 'due', scope: 'movement' }),
        message:
          '{{due.amount}} : « due » vaut toujours null dans les règles de portée movement, qui peuvent lire : ' +
          'movement, member, loan, stats, cooperative; ' +
          '{{movement..x}} : n’est pas une variable valide : écrivez {{fait.nom}} ou {{fait.nom.sous}}',
      },
    ]);
  });

  it('says the same problems in English: same pointers, codes and params, other words', () => {
    const error = problemsAsFields(problemsOf(broken));
    const fr = filter.render(error, 'fr').problem.errors!;
    const en = filter.render(error, 'en').problem.errors!;
    expect(en.map(({ message: _, ...rest }) => rest)).toEqual(fr.map(({ message: _, ...rest }) => rest));
    expect(en.map((e) => e.message)).toEqual([
      'greaterThan needs a number (parameter "amount")',
      expect.stringMatching(/^"\$\.\.amount" is not a simple path/),
      expect.stringMatching(/^unknown operator "regex"; known operators: equal, notEqual/),
      expect.stringMatching(
        /^\{\{due\.amount\}\}: "due" is always null .*; \{\{movement\.\.x\}\}: is not a placeholder/,
      ),
    ]);
  });

  it('words the JSON Schema’s problems too, a missing translation naming its language', () => {
    const missing = { ...aRule(), name: { en: 'Large expense' }, severity: 'urgent' };
    const fr = filter.render(problemsAsFields(problemsOf(missing)), 'fr').problem.errors;
    expect(fr).toEqual([
      {
        field: '/rules/0/name/fr',
        code: 'translation_required',
        params: { language: 'fr' },
        message: 'est manquant : le texte en français est obligatoire',
      },
      {
        field: '/rules/0/severity',
        code: 'must_be_one_of',
        params: { allowed: 'low, medium, high, critical' },
        message: 'doit être l’une de ces valeurs : low, medium, high, critical',
      },
    ]);
    expect(filter.render(problemsAsFields(problemsOf({ ...aRule(), enabled: 'yes' })), 'fr').problem.errors).toEqual([
      { field: '/rules/0/enabled', code: 'must_be_boolean', message: 'doit valoir true ou false' },
    ]);
  });

  it('names the root of the rule set "/"', () => {
    const [problem] = filter.render(problemsAsFields([{ ...problemsOf(aRule())[0]!, path: '' }]), 'en').problem.errors!;
    expect(problem!.field).toBe('/');
  });

  it('says a value written in the condition without naming a parameter', () => {
    const literal = aRule({ conditions: { all: [{ fact: 'movement', operator: 'withinDays', value: -1 }] } });
    const [problem] = problemsOf(literal);
    expect(sayRuleSetProblem(problem!, 'fr')).toBe('withinDays attend un nombre entier de jours entre 0 et 36500');
    expect(sayRuleSetProblem(problem!, 'en')).toBe(problem!.message);
  });
});
