import { seededRandom } from './seeded-random.js';

describe('seededRandom', () => {
  it('draws the same sequence for the same seed and another for another seed', () => {
    const draw = (seed: number): number[] => {
      const random = seededRandom(seed);
      return Array.from({ length: 5 }, () => random.int(0, 1_000_000));
    };
    expect(draw(42)).toEqual(draw(42));
    expect(draw(42)).not.toEqual(draw(43));
  });

  it('stays inside the requested bounds and reaches both ends', () => {
    const random = seededRandom(7);
    const small = Array.from({ length: 2_000 }, () => random.int(-3, 3));
    const big = Array.from({ length: 2_000 }, () => random.logInt(1, 1_000_000_000_000));
    expect(new Set(small)).toEqual(new Set([-3, -2, -1, 0, 1, 2, 3]));
    expect(big.filter((n) => !Number.isSafeInteger(n) || n < 1 || n > 1_000_000_000_000)).toEqual([]);
    // Spread over magnitudes: some below a thousand, some above a billion.
    expect(big.some((n) => n < 1_000) && big.some((n) => n > 1_000_000_000)).toBe(true);
  });
});
