import { cooperativeLocation } from './current-cooperative';

describe('cooperativeLocation', () => {
  it('reads the slug and the page of a cooperative URL', () => {
    expect(cooperativeLocation('/c/femmes-bouake')).toEqual({ slug: 'femmes-bouake', section: '' });
    expect(cooperativeLocation('/c/femmes-bouake/users?x=1#top')).toEqual({
      slug: 'femmes-bouake',
      section: 'users',
    });
  });

  it('is null outside a cooperative', () => {
    expect(cooperativeLocation('/federation/cooperatives')).toBeNull();
    expect(cooperativeLocation('/c')).toBeNull();
    expect(cooperativeLocation('/')).toBeNull();
  });
});
