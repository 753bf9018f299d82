import { basisPointsToPercent, formatPercent, percentToBasisPoints } from './rate';

describe('percentToBasisPoints', () => {
  it.each([
    ['12', 1200],
    ['12,5', 1250],
    ['12.5', 1250],
    ['12,25', 1225],
    ['0,75', 75],
    ['0', 0],
    [' 24 % ', 2400],
    ['12.30', 1230],
    ['1000', 100_000],
  ])('reads %j %% a year as %i basis points', (text, expected) => {
    expect(percentToBasisPoints(text)).toEqual({ ok: true, basisPoints: expected });
  });

  it('is exact where floats are not (1.15 * 100, 0.57 * 100)', () => {
    expect(1.15 * 100).not.toBe(115);
    expect(percentToBasisPoints('1,15')).toEqual({ ok: true, basisPoints: 115 });
    expect(0.57 * 100).not.toBe(57);
    expect(percentToBasisPoints('0.57')).toEqual({ ok: true, basisPoints: 57 });
  });

  it('refuses what is not a whole number of basis points, or not a rate', () => {
    expect(percentToBasisPoints('12,345')).toEqual({ ok: false, problem: 'decimals' });
    expect(percentToBasisPoints('')).toEqual({ ok: false, problem: 'required' });
    expect(percentToBasisPoints('-1')).toEqual({ ok: false, problem: 'invalid' });
    expect(percentToBasisPoints('1e2')).toEqual({ ok: false, problem: 'invalid' });
    expect(percentToBasisPoints('12,')).toEqual({ ok: false, problem: 'invalid' });
    expect(percentToBasisPoints('1000,01')).toEqual({ ok: false, problem: 'tooHigh' });
  });
});

describe('basisPointsToPercent', () => {
  it.each([
    [1200, 'fr', '12'],
    [1250, 'fr', '12,5'],
    [1225, 'en', '12.25'],
    [75, 'fr', '0,75'],
    [5, 'en', '0.05'],
    [0, 'fr', '0'],
  ])('shows %i basis points in %s as %j', (bp, lang, expected) => {
    expect(basisPointsToPercent(bp, lang)).toBe(expected);
  });

  it('round-trips with percentToBasisPoints', () => {
    for (const bp of [0, 1, 10, 99, 100, 1230, 2400, 12_345, 100_000]) {
      expect(percentToBasisPoints(basisPointsToPercent(bp, 'fr'))).toEqual({ ok: true, basisPoints: bp });
    }
  });

  it('refuses a fractional count', () => {
    expect(() => basisPointsToPercent(12.5, 'fr')).toThrow(RangeError);
  });

  it('formats a percent for display (PAR30 too)', () => {
    expect(formatPercent(1250, 'fr')).toBe('12,5\u00a0%');
    expect(formatPercent(830, 'en')).toBe('8.3%');
  });
});
