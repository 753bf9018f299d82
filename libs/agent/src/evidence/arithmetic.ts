/*
 * The few sums and ratios the agent hands to a model. Amounts are integers
 * in minor units; sums run on BigInt so that nothing is lost past 2^53.
 */

/** numerator / denominator rounded to the nearest integer, halves up; both non-negative, denominator > 0. */
function divRoundHalfUp(numerator: bigint, denominator: bigint): bigint {
  return (2n * numerator + denominator) / (2n * denominator);
}

export function sumAmounts(amounts: readonly number[]): number {
  const total = amounts.reduce((acc, a) => acc + BigInt(a), 0n);
  const n = Number(total);
  if (!Number.isSafeInteger(n))
    throw new RangeError(`a sum of amounts (${total}) is beyond what a number holds exactly`);
  return n;
}

/** The mean, rounded to the nearest unit (halves up); 0 for no values. */
export function meanAmount(amounts: readonly number[]): number {
  if (amounts.length === 0) return 0;
  const total = amounts.reduce((acc, a) => acc + BigInt(a), 0n);
  const negative = total < 0n;
  const mean = divRoundHalfUp(negative ? -total : total, BigInt(amounts.length));
  return Number(negative ? -mean : mean);
}

/** a / b with two decimals (halves up), for figures such as "3.25 times the mean"; null when b is 0. */
export function ratio(a: number, b: number): number | null {
  if (b === 0 || a < 0 || b < 0) return null;
  return Number(divRoundHalfUp(BigInt(a) * 100n, BigInt(b))) / 100;
}

/** Change from `previous` to `current` in basis points of `previous` (1 % = 100); null from 0. */
export function changeBasisPoints(current: number, previous: number): number | null {
  if (previous === 0) return null;
  const diff = BigInt(current) - BigInt(previous);
  const base = BigInt(Math.abs(previous));
  const bp = divRoundHalfUp((diff < 0n ? -diff : diff) * 10_000n, base);
  return Number(diff < 0n ? -bp : bp);
}
