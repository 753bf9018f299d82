import type { RecordKind } from '../evidence/evidence.js';
import { type CheckContext, checkDraft, knownNumbers, numbersIn, settleDraft } from './claim-checker.js';
import type { ReportDraft } from './report-schema.js';

const ctx = (ids: Record<string, RecordKind>, numbers: number[]): CheckContext => ({
  citable: new Map(Object.entries(ids)),
  numbers: new Set(numbers),
});

const draft = (claims: ReportDraft['claims'], summary = 'Résumé.', recommendedActions: string[] = []): ReportDraft => ({
  summary,
  riskLevel: 'medium',
  claims,
  recommendedActions,
});

describe('numbersIn', () => {
  it.each([
    ['150 000 F CFA', [150000]],
    ['150\u202f000 F CFA', [150000]],
    ['F CFA 150,000', [150000]],
    ['1.500,00 €', [1500, 0]],
    ['3,25 fois', [3, 25]],
    ['le 2026-11-20', [2026, 11, 20]],
    ['id a0000002-0000-4000-8000-000000000007 et 12', [12]],
    ['n° 107 et 108', [107, 108]],
  ])('%s', (text, numbers) => {
    expect(numbersIn(text)).toEqual(numbers);
  });
});

describe('knownNumbers', () => {
  it('takes numbers from values and texts, and amounts in major units for currencies with cents', () => {
    const known = knownNumbers({ amount: 150_000, memo: 'reçu 4521', nested: [{ x: 7 }] }, [], 'EUR');
    expect(known.has(1500)).toBe(true);
    expect(known.has(150000)).toBe(true);
    expect(known.has(4521)).toBe(true);
    expect(known.has(9999)).toBe(false);
  });

  it('knows a ratio figure written as a percentage', () => {
    const known = knownNumbers(
      {},
      [{ key: 'r', value: 3.25, unit: 'ratio', label: { fr: '', en: '' }, sources: [] }],
      'XOF',
    );
    expect(known.has(325)).toBe(true);
  });
});

const c = ctx({ t1: 'transaction', f1: 'finding' }, [50000, 107]);

describe('checkDraft', () => {
  it('accepts claims that cite what was read and state known figures', () => {
    expect(
      checkDraft(draft([{ text: 'Le mouvement n° 107 est de 50 000 F CFA.', citedIds: ['t1', 'f1'] }]), c),
    ).toEqual([]);
  });

  it('names each problem and where it is', () => {
    const problems = checkDraft(
      draft(
        [
          { text: 'Sans source.', citedIds: [] },
          { text: 'Source inventée.', citedIds: ['t1', 'zz'] },
          { text: 'Il manque 73 000 F CFA.', citedIds: ['t1'] },
          { text: 'Il y a 12 jours.', citedIds: ['t1'] },
        ],
        'Perte de 999 999 F CFA.',
        ['Récupérer 40 000 F CFA.'],
      ),
      c,
    );
    expect(problems).toEqual([
      { where: 'summary', kind: 'unbacked-number', detail: 'numbers found in no record or figure: 999999' },
      { where: 'claims.0', kind: 'no-citation', detail: 'the claim cites no record' },
      { where: 'claims.1', kind: 'unknown-id', detail: 'cites ids the investigation never read: zz' },
      { where: 'claims.2', kind: 'unbacked-number', detail: 'numbers found in no record or figure: 73000' },
      { where: 'recommendedActions.0', kind: 'unbacked-number', detail: 'numbers found in no record or figure: 40000' },
    ]);
  });

  it('checks the text once sanitised, so a URL cannot smuggle numbers or ids', () => {
    expect(checkDraft(draft([{ text: 'Voir ![x](https://e.example/123456.png).', citedIds: ['t1'] }]), c)).toEqual([]);
  });
});

describe('settleDraft', () => {
  it('removes bad claims, keeps good ones with the kind of each citation, masks unbacked numbers', () => {
    const settled = settleDraft(
      draft(
        [
          { text: 'Bon : 50 000 F CFA.', citedIds: ['t1', 't1', 'f1'] },
          { text: 'Mauvais.', citedIds: ['zz'] },
        ],
        'Perte de 999 999 F CFA sur 50 000 F CFA.',
      ),
      c,
    );
    expect(settled.claims).toEqual([
      {
        text: 'Bon : 50 000 F CFA.',
        citedIds: ['t1', 'f1'],
        citations: [
          { id: 't1', kind: 'transaction' },
          { id: 'f1', kind: 'finding' },
        ],
      },
    ]);
    expect(settled.removedClaims).toEqual([
      {
        claim: { text: 'Mauvais.', citedIds: ['zz'] },
        problems: [{ where: 'claims.1', kind: 'unknown-id', detail: 'cites ids the investigation never read: zz' }],
      },
    ]);
    expect(settled.summary).toBe('Perte de […] F CFA sur 50 000 F CFA.');
    expect(settled.warnings).toHaveLength(1);
  });
});
