import { Almanac } from 'json-rules-engine';
import { type Facts } from './facts.js';
import { factReader, isSimplePath, splitPath } from './fact-path.js';

describe('simple paths', () => {
  it('accept $.name, $.name.sub and $.list[0]', () => {
    for (const path of ['$.amount', '$.d30.mean', '$.h24.sameAmount', '$.tags[0]', '$.a[12].b', '$._x1']) {
      expect([path, isSimplePath(path)]).toEqual([path, true]);
    }
    expect(splitPath('$.a[12].b')).toEqual(['a', '12', 'b']);
  });

  it('reject JSONPath expressions', () => {
    for (const path of [
      '$',
      '',
      'amount',
      '$..amount',
      '$.*',
      '$.a[*]',
      '$.a[-1]',
      '$.a[01]',
      '$.a[0,1]',
      '$.a[0:2]',
      '$.a[?(@.x > 1)]',
      '$.a[(@.length-1)]',
      "$['amount']",
      '$.a.^',
      '$.a~',
      '$.a.@string()',
      '$.a.b.c.d.e.f.g.h.i',
    ]) {
      expect([path, isSimplePath(path)]).toEqual([path, false]);
    }
  });
});

describe('factReader', () => {
  // Objects with the awkward cases: nulls, falsy values, strings, lists, inherited names.
  // (An undefined fact is never handed over: both engines get absent facts as null.)
  const values: unknown[] = [
    null,
    0,
    '',
    'text',
    false,
    [],
    [5, 6],
    {},
    { a: null },
    { a: 0 },
    { a: '' },
    { a: 'str' },
    { a: false },
    { a: [] },
    { a: [7, { b: 2 }] },
    { a: { b: null } },
    { a: { b: { c: 3 } } },
    { a: { b: [1] } },
    { a: undefined },
    { 0: 'zero', a: { 0: 'x' } },
  ];
  const paths = [
    undefined,
    '$.a',
    '$.a.b',
    '$.a.b.c',
    '$.a[0]',
    '$.a[1].b',
    '$.a.length',
    '$[0]',
    '$.constructor',
    '$.a.toString',
    '$.__proto__',
  ];

  it("reads like json-rules-engine's almanac (JSONPath-Plus), on every value and path", async () => {
    for (const value of values) {
      for (const path of paths) {
        expect(path === undefined || isSimplePath(path)).toBe(true);
        const almanac = new Almanac();
        almanac.addFact('movement', value);
        const expected = await almanac.factValue('movement', {}, path);
        const actual = factReader('movement', path)({ movement: value } as unknown as Facts);
        expect([value, path, actual]).toEqual([value, path, expected]);
      }
    }
  });

  it('reads a missing top-level fact as null', () => {
    expect(factReader('loan', '$.status')({} as Facts)).toBeNull();
    expect(factReader('loan', undefined)({} as Facts)).toBeNull();
  });
});
