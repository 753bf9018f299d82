import { RULE_SET_PROBLEM_CODES } from '@kotizo/rules-engine';
import {
  LANGUAGES,
  type Section,
  catalogs,
  fill,
  isFormat,
  placeholderTokens,
  statusTitle,
  translate,
} from './catalog.js';

describe('message catalog', () => {
  const { en, fr } = catalogs();
  const sections = Object.keys(en) as Section[];
  const entries = sections.flatMap((section) =>
    Object.keys(en[section]).map((code) => ({ section, code, en: at(en, section, code), fr: at(fr, section, code) })),
  );

  function at(catalog: typeof en, section: Section, code: string): string | undefined {
    return (catalog[section] as Record<string, string>)[code];
  }

  it('has every code in French and English, with the same params said the same way', () => {
    expect(Object.keys(fr).sort()).toEqual([...sections].sort());
    for (const section of sections) expect(Object.keys(fr[section]).sort()).toEqual(Object.keys(en[section]).sort());
    for (const entry of entries) {
      expect({ ...entry, params: placeholderTokens(entry.fr ?? '').sort() }).toEqual({
        ...entry,
        params: placeholderTokens(entry.en ?? '').sort(),
      });
    }
  });

  it('is actually translated: no empty text, no French left in English words', () => {
    for (const entry of entries) {
      expect(entry.en?.trim()).toBeTruthy();
      expect(entry.fr?.trim()).toBeTruthy();
      expect({ ...entry, same: entry.fr === entry.en }).toEqual({ ...entry, same: false });
    }
  });

  it('words every problem of a rule set (libs/rules-engine codes are field codes)', () => {
    const missing = RULE_SET_PROBLEM_CODES.filter((code) => at(en, 'field', code) === undefined);
    expect(missing).toEqual([]);
    expect(translate('fr', 'field', 'unknown_operator', { operator: 'regex', known: 'equal, in' })).toBe(
      'opérateur inconnu : « regex » ; opérateurs connus : equal, in',
    );
    expect(translate('fr', 'field', 'translation_required', { language: 'en' })).toBe(
      'est manquant : le texte en anglais est obligatoire',
    );
  });

  it('fills params, and leaves a missing one visible', () => {
    expect(translate('en', 'field', 'too_big', { max: 1000 })).toBe('must be at most 1000');
    expect(translate('fr', 'field', 'too_big', { max: 1000 })).toBe('doit valoir au plus 1000');
    expect(translate('fr', 'problem', 'slug_taken', { slug: 'bobo' })).toBe(
      'L’identifiant « bobo » est déjà utilisé par une autre coopérative.',
    );
    expect(fill('from {from} to {to}', { from: '2026-01-01' })).toBe('from 2026-01-01 to {to}');
  });

  it('knows every format a message names', () => {
    const formats = entries.flatMap((entry) =>
      [...(entry.en ?? '').matchAll(/\{\w+, (\w+)\}/g)].map((match) => ({ ...entry, format: match[1]! })),
    );
    expect(formats.length).toBeGreaterThan(0);
    for (const entry of formats) expect({ ...entry, known: isFormat(entry.format) }).toEqual({ ...entry, known: true });
  });

  it('says money in the currency and the language, from minor units', () => {
    // Intl puts no-break spaces of its own choosing (they vary with ICU versions): read them as spaces.
    const said = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');
    const owed = { owed: 1_250_000, currency: 'XOF' };
    expect(said(translate('en', 'field', 'more_than_owed', owed))).toBe('is more than the F CFA 1,250,000 still owed');
    expect(said(translate('fr', 'field', 'more_than_owed', owed))).toBe('dépasse les 1 250 000 F CFA restant dus');
    expect(translate('en', 'problem', 'repayment_exceeds_outstanding', { owed: 150, currency: 'EUR' })).toBe(
      'Only €1.50 is still owed on this loan.',
    );
    // Without its currency an amount cannot be said: the placeholder shows, as a missing param does.
    expect(translate('en', 'field', 'more_than_owed', { owed: 100 })).toBe('is more than the {owed, money} still owed');
  });

  it('says a status in words of the language', () => {
    expect(translate('fr', 'problem', 'loan_not_running', { status: 'written_off' })).toBe(
      'Ce prêt est passé en perte : les remboursements vont à un prêt en cours.',
    );
    expect(translate('en', 'problem', 'loan_not_running', { status: 'closed' })).toBe(
      'This loan is repaid; repayments go to a running loan.',
    );
    expect(translate('fr', 'problem', 'not_degraded', { status: 'awaiting_review' })).toBe(
      'Cette enquête est en attente de décision : seule une enquête interrompue se reprend.',
    );
    // A status the words do not know yet is said as it is.
    expect(translate('en', 'problem', 'loan_not_approved', { status: 'frozen' })).toBe(
      'This loan is frozen; only an approved loan is paid out.',
    );
    expect(() => fill('{x, shouting}', { x: 'a' })).toThrow('Unknown message format "shouting"');
  });

  it('says the kind and the date format of an import row in words of the language', () => {
    expect(translate('en', 'field', 'needs_member', { kind: 'contribution' })).toBe('a contribution needs a member');
    expect(translate('fr', 'field', 'needs_member', { kind: 'penalty' })).toBe('une pénalité doit indiquer un membre');
    expect(translate('en', 'field', 'not_a_date_as', { format: 'DD/MM/YYYY' })).toBe('is not a date as DD/MM/YYYY');
    expect(translate('fr', 'field', 'not_a_date_as', { format: 'DD/MM/YYYY' })).toBe(
      'n’est pas une date au format JJ/MM/AAAA',
    );
  });

  it('titles problems by status, with a generic title for the others', () => {
    expect(LANGUAGES.map((language) => statusTitle(404, language))).toEqual(['Not found', 'Introuvable']);
    expect(statusTitle(418, 'fr')).toBe('Erreur');
  });
});
