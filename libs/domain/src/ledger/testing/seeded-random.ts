/**
 * A small deterministic PRNG (mulberry32) for property-style tests: the same seed
 * always draws the same cases, so a failure names its seed and can be replayed.
 * Test support only; not exported from the library.
 */
export interface SeededRandom {
  /** Uniform in [0, 1) with 53 random bits. */
  fraction(): number;
  /** Uniform integer in [min, max], both included (safe integers). */
  int(min: number, max: number): number;
  /** Integer in [min, max] spread evenly over orders of magnitude, so 7 and 7e11 both come up. */
  logInt(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  chance(probability: number): boolean;
}

export function seededRandom(seed: number): SeededRandom {
  let state = seed >>> 0;
  const next32 = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
  const fraction = (): number => ((next32() >>> 5) * 67_108_864 + (next32() >>> 6)) / 9_007_199_254_740_992;
  const int = (min: number, max: number): number => min + Math.floor(fraction() * (max - min + 1));
  return {
    fraction,
    int,
    logInt: (min, max) =>
      Math.min(
        max,
        Math.max(min, Math.floor(Math.exp(Math.log(min) + fraction() * (Math.log(max + 1) - Math.log(min))))),
      ),
    pick: (items) => {
      const item = items[int(0, items.length - 1)];
      if (item === undefined) throw new RangeError('pick from an empty list');
      return item;
    },
    chance: (probability) => fraction() < probability,
  };
}
