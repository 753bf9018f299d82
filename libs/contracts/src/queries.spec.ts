import { listCooperativesQuery } from './queries.js';

describe('paging queries', () => {
  it('defaults and parses whole numbers given as text', () => {
    expect(listCooperativesQuery.parse({})).toEqual({ limit: 20, offset: 0 });
    expect(listCooperativesQuery.parse({ limit: '5', offset: '10', status: 'active' })).toEqual({
      limit: 5,
      offset: 10,
      status: 'active',
    });
  });

  it.each([{ limit: '0' }, { limit: '101' }, { limit: '2.5' }, { offset: '-1' }, { order: 'name' }])(
    'refuses %j',
    (q) => {
      expect(listCooperativesQuery.safeParse(q).success).toBe(false);
    },
  );
});
