import { SLUG_MAX_LENGTH, slugProblem } from '@kotizo/domain';
import { suggestSlug } from './slug-suggestion';

describe('suggestSlug', () => {
  it.each([
    ['Coopérative des Femmes de Bouaké', 'cooperative-des-femmes-de-bouake'],
    ['  Tontine  “Espoir” N°2 ', 'tontine-espoir-n-2'],
    ["L'Œuvre d'Abobo", 'l-oeuvre-d-abobo'],
    ['GIE Sènè & Fils', 'gie-sene-fils'],
    ['2024 Épargne Solidaire', 'epargne-solidaire'],
  ])('turns %j into %j', (name, slug) => {
    expect(suggestSlug(name)).toBe(slug);
  });

  it('gives something the API accepts for ordinary names', () => {
    for (const name of ['Union des Caisses de Daloa', 'Mutuelle Ô Yopougon', 'Groupement Nafa']) {
      expect(slugProblem(suggestSlug(name))).toBeNull();
    }
  });

  it('cuts long names at the maximum length without a trailing hyphen', () => {
    const slug = suggestSlug('Association villageoise d’épargne et de crédit de Korhogo Nord');
    expect(slug.length).toBeLessThanOrEqual(SLUG_MAX_LENGTH);
    expect(slug.endsWith('-')).toBe(false);
    expect(slug.startsWith('association-villageoise-d-epargne')).toBe(true);
  });

  it('steers clear of reserved words', () => {
    expect(suggestSlug('Admin')).toBe('admin-coop');
    expect(slugProblem(suggestSlug('Federation'))).toBeNull();
  });

  it('returns an empty suggestion when the name has no letters', () => {
    expect(suggestSlug('')).toBe('');
    expect(suggestSlug('123 !!')).toBe('');
  });
});
