import { DomainError } from './domain-error.js';
import { requireIntegerInRange, requireNonNegativeAmount } from './guards.js';
import { divRoundHalfUp, toAmount } from './integer-math.js';

export interface PortfolioLoan {
  readonly outstandingPrincipal: number;
  readonly daysPastDue: number;
  /** Written-off loans have left the portfolio and are excluded (see portfolioAtRisk). */
  readonly writtenOff?: boolean;
}

export interface PortfolioAtRisk {
  /** Outstanding principal of loans more than thresholdDays past due. */
  readonly atRisk: number;
  /** Outstanding principal of every loan still in the portfolio. */
  readonly outstanding: number;
  /** atRisk / outstanding in basis points (10 000 = 100 %), rounded half up; 0 for an empty portfolio. */
  readonly ratioBasisPoints: number;
}

export const DEFAULT_PAR_THRESHOLD_DAYS = 30;

/**
 * Portfolio at risk (PAR30 by default), as microfinance reports it: the whole
 * outstanding principal of every loan with an installment MORE than
 * `thresholdDays` past due (31 days is at risk for PAR30, 30 is not), over the
 * outstanding principal of the portfolio.
 *
 * Written-off loans are left out of both sides: once written off they are no
 * longer part of the gross portfolio, and keeping them would let a cooperative
 * that never writes off look the same as one that does. Write-offs are reported
 * separately.
 */
export function portfolioAtRisk(
  loans: readonly PortfolioLoan[],
  thresholdDays: number = DEFAULT_PAR_THRESHOLD_DAYS,
): PortfolioAtRisk {
  requireIntegerInRange(thresholdDays, 0, 36_500, 'thresholdDays', 'invalid_threshold');
  // Summed in BigInt so that an absurd total is refused by toAmount, not rounded by Number.
  let atRisk = 0n;
  let outstanding = 0n;
  for (const loan of loans) {
    requireNonNegativeAmount(loan.outstandingPrincipal, 'outstandingPrincipal');
    if (!Number.isSafeInteger(loan.daysPastDue) || loan.daysPastDue < 0) {
      throw new DomainError(
        'invalid_days_past_due',
        `daysPastDue must be a whole number >= 0, got ${loan.daysPastDue}`,
      );
    }
    if (loan.writtenOff === true) continue;
    outstanding += BigInt(loan.outstandingPrincipal);
    if (loan.daysPastDue > thresholdDays) atRisk += BigInt(loan.outstandingPrincipal);
  }
  const ratio = outstanding === 0n ? 0n : divRoundHalfUp(atRisk * 10_000n, outstanding);
  return {
    atRisk: toAmount(atRisk, 'Principal at risk'),
    outstanding: toAmount(outstanding, 'Outstanding portfolio'),
    ratioBasisPoints: Number(ratio),
  };
}
