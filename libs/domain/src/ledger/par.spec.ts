import { MAX_AMOUNT_MINOR } from '../money.js';
import { portfolioAtRisk } from './par.js';
import { domainErrorCode } from './testing/builders.js';

const loan = (daysPastDue: number, outstandingPrincipal = 100_000, writtenOff = false) => ({
  outstandingPrincipal,
  daysPastDue,
  writtenOff,
});

describe('portfolioAtRisk', () => {
  it('counts loans more than 30 days past due for PAR30: 31 is at risk, 30 is not', () => {
    expect(portfolioAtRisk([loan(0), loan(29), loan(30), loan(31)])).toEqual({
      atRisk: 100_000,
      outstanding: 400_000,
      ratioBasisPoints: 2_500,
    });
    expect(portfolioAtRisk([loan(30)]).atRisk).toBe(0);
    expect(portfolioAtRisk([loan(31)]).ratioBasisPoints).toBe(10_000);
  });

  it('takes the whole outstanding principal of a loan at risk, not just its arrears', () => {
    expect(portfolioAtRisk([loan(45, 750_000), loan(0, 250_000)])).toEqual({
      atRisk: 750_000,
      outstanding: 1_000_000,
      ratioBasisPoints: 7_500,
    });
  });

  it('accepts another threshold (PAR1, PAR90)', () => {
    const loans = [loan(0), loan(1), loan(2), loan(91)];
    expect(portfolioAtRisk(loans, 1).atRisk).toBe(200_000);
    expect(portfolioAtRisk(loans, 0).atRisk).toBe(300_000);
    expect(portfolioAtRisk(loans, 90).atRisk).toBe(100_000);
  });

  it('leaves written-off loans out of both sides', () => {
    expect(portfolioAtRisk([loan(400, 900_000, true), loan(40), loan(0)])).toEqual({
      atRisk: 100_000,
      outstanding: 200_000,
      ratioBasisPoints: 5_000,
    });
  });

  it('gives 0 for an empty or fully repaid portfolio', () => {
    expect(portfolioAtRisk([])).toEqual({ atRisk: 0, outstanding: 0, ratioBasisPoints: 0 });
    expect(portfolioAtRisk([loan(60, 0)])).toEqual({ atRisk: 0, outstanding: 0, ratioBasisPoints: 0 });
  });

  it('rounds the ratio half up to a whole basis point', () => {
    expect(portfolioAtRisk([loan(31, 1), loan(0, 19_999)]).ratioBasisPoints).toBe(1); // 0.5 bp
    expect(portfolioAtRisk([loan(31, 1), loan(0, 20_000)]).ratioBasisPoints).toBe(0); // 0.49998 bp
    expect(portfolioAtRisk([loan(31, 2), loan(0, 1)]).ratioBasisPoints).toBe(6_667); // 6 666.67 bp
  });

  it('stays exact on large portfolios', () => {
    const result = portfolioAtRisk([loan(31, 333_333_333_333_333), loan(0, 666_666_666_666_667)]);
    expect(result).toEqual({ atRisk: 333_333_333_333_333, outstanding: MAX_AMOUNT_MINOR, ratioBasisPoints: 3_333 });
    expect(domainErrorCode(() => portfolioAtRisk([loan(0, MAX_AMOUNT_MINOR), loan(0, 1)]))).toBe('amount_overflow');
  });

  it('refuses negative or fractional input', () => {
    expect(domainErrorCode(() => portfolioAtRisk([loan(0, -1)]))).toBe('invalid_amount');
    expect(domainErrorCode(() => portfolioAtRisk([loan(1.5)]))).toBe('invalid_days_past_due');
    expect(domainErrorCode(() => portfolioAtRisk([loan(-1)]))).toBe('invalid_days_past_due');
    expect(domainErrorCode(() => portfolioAtRisk([], -1))).toBe('invalid_threshold');
  });
});
