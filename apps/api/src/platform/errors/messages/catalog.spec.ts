import { LANGUAGES, type Section, catalogs, fill, placeholders, statusTitle, translate } from './catalog.js';

describe('message catalog', () => {
  const { en, fr } = catalogs();
  const sections = Object.keys(en) as Section[];
  const entries = sections.flatMap((section) =>
    Object.keys(en[section]).map((code) => ({ section, code, en: at(en, section, code), fr: at(fr, section, code) })),
  );

  function at(catalog: typeof en, section: Section, code: string): string | undefined {
    return (catalog[section] as Record<string, string>)[code];
  }

  it('has every code in French and English, with the same params', () => {
    expect(Object.keys(fr).sort()).toEqual([...sections].sort());
    for (const section of sections) expect(Object.keys(fr[section]).sort()).toEqual(Object.keys(en[section]).sort());
    for (const entry of entries) {
      expect({ ...entry, params: placeholders(entry.fr ?? '').sort() }).toEqual({
        ...entry,
        params: placeholders(entry.en ?? '').sort(),
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

  it('fills params, and leaves a missing one visible', () => {
    expect(translate('en', 'field', 'too_big', { max: 1000 })).toBe('must be at most 1000');
    expect(translate('fr', 'field', 'too_big', { max: 1000 })).toBe('doit valoir au plus 1000');
    expect(translate('fr', 'problem', 'slug_taken', { slug: 'bobo' })).toBe(
      'L’identifiant « bobo » est déjà utilisé par une autre coopérative.',
    );
    expect(fill('from {from} to {to}', { from: '2026-01-01' })).toBe('from 2026-01-01 to {to}');
  });

  it('titles problems by status, with a generic title for the others', () => {
    expect(LANGUAGES.map((language) => statusTitle(404, language))).toEqual(['Not found', 'Introuvable']);
    expect(statusTitle(418, 'fr')).toBe('Erreur');
  });
});
