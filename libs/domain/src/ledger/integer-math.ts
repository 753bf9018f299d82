import { MAX_AMOUNT_MINOR } from '../money.js';
import { DomainError } from './domain-error.js';

/*
 * Money arithmetic runs on BigInt: a principal near 10^12 times a rate in basis
 * points times a term already passes 2^53, where Number silently loses francs.
 */

/** numerator / denominator rounded to the nearest integer, halves up. Both non-negative. */
export function divRoundHalfUp(numerator: bigint, denominator: bigint): bigint {
  if (denominator <= 0n || numerator < 0n)
    throw new RangeError('divRoundHalfUp expects a non-negative numerator and a positive denominator');
  return (2n * numerator + denominator) / (2n * denominator);
}

/** Back to a Number once the arithmetic is done, refusing anything a ledger cannot hold. */
export function toAmount(value: bigint, what: string): number {
  if (value < 0n || value > BigInt(MAX_AMOUNT_MINOR)) {
    throw new DomainError('amount_overflow', `${what} (${value}) is outside 0..${MAX_AMOUNT_MINOR} minor units`);
  }
  return Number(value);
}

/**
 * Splits total into `parts` equal whole shares; the division remainder goes on the
 * last share, so that every share but the last is the same round figure members
 * expect (100000 over 3 -> 33333, 33333, 33334) and nothing is lost or created.
 */
export function splitRemainderLast(total: bigint, parts: number): bigint[] {
  const count = BigInt(parts);
  const share = total / count;
  const shares = Array.from({ length: parts }, () => share);
  shares[parts - 1] = total - share * (count - 1n);
  return shares;
}
