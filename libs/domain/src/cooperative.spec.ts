import { schemaNameForSlug, slugProblem } from './cooperative.js';

describe('cooperative slugs', () => {
  it.each([
    ['tontine-yopougon', null],
    ['gic2', null],
    ['ab', 'too_short'],
    ['a'.repeat(41), 'too_long'],
    ['Tontine', 'pattern'],
    ['my coop', 'pattern'],
    ['../etc', 'pattern'],
    ['coop--double', 'pattern'],
    ['-lead', 'pattern'],
    ['9lives', 'pattern'],
    ['coop_x', 'pattern'],
    ['admin', 'reserved'],
    ['public', 'reserved'],
  ])('%s -> %s', (slug, problem) => {
    expect(slugProblem(slug)).toBe(problem);
  });

  it('maps a slug to its schema and refuses to map a bad one', () => {
    expect(schemaNameForSlug('tontine-yopougon')).toBe('coop_tontine_yopougon');
    expect(() => schemaNameForSlug('x; drop schema federation')).toThrow(/Invalid cooperative slug/);
  });
});
