import { changeBasisPoints, meanAmount, ratio, sumAmounts } from './arithmetic.js';

describe('arithmetic handed to the model', () => {
  it('sums amounts exactly, and refuses a sum a number cannot hold', () => {
    expect(sumAmounts([5_000, 7_500, 1])).toBe(12_501);
    expect(sumAmounts([])).toBe(0);
    expect(() => sumAmounts([Number.MAX_SAFE_INTEGER, 2])).toThrow(RangeError);
  });

  it('rounds means half up, negative ones too', () => {
    expect(meanAmount([5_000, 5_000, 5_000, 5_000, 5_000, 5_000, 7_500])).toBe(5_357);
    expect(meanAmount([1, 2])).toBe(2);
    expect(meanAmount([-1, -2])).toBe(-2);
    expect(meanAmount([])).toBe(0);
  });

  it('gives ratios with two decimals, none from zero', () => {
    expect(ratio(50_000, 5_357)).toBe(9.33);
    expect(ratio(200_000, 40_000)).toBe(5);
    expect(ratio(1, 0)).toBeNull();
  });

  it('gives changes in basis points of the previous value', () => {
    expect(changeBasisPoints(110, 100)).toBe(1_000);
    expect(changeBasisPoints(90, 100)).toBe(-1_000);
    expect(changeBasisPoints(-50, -100)).toBe(5_000);
    expect(changeBasisPoints(1, 3)).toBe(-6_667);
    expect(changeBasisPoints(5, 0)).toBeNull();
  });
});
