import { amountCell, decimalMarkFor, NumericCell, percentCell, signedAmountCell } from './csv-cells.js';

describe('CSV number cells', () => {
  it('writes minor units as major units with the decimal mark of the delimiter', () => {
    expect(decimalMarkFor(';')).toBe(',');
    expect(decimalMarkFor(',')).toBe('.');
    expect(amountCell(5_000, 0, ',')).toBe('5000');
    expect(amountCell(150, 2, ',')).toBe('1,50');
    expect(amountCell(150, 2, '.')).toBe('1.50');
    expect(amountCell(5, 2, ',')).toBe('0,05');
    expect(amountCell(0, 2, '.')).toBe('0.00');
    expect(amountCell(1_234, 3, '.')).toBe('1.234');
    expect(amountCell(1_000_000_000_000_000, 2, ',')).toBe('10000000000000,00');
    expect(percentCell(1_200, ',')).toBe('12,00');
    expect(percentCell(7_952, '.')).toBe('79.52');
  });

  it('refuses what is not a whole non-negative amount', () => {
    expect(() => amountCell(-1, 0, ',')).toThrow(RangeError);
    expect(() => amountCell(1.5, 2, ',')).toThrow(RangeError);
  });

  it('keeps the sign of a signed amount in a plain number cell, and nothing else gets one', () => {
    expect(signedAmountCell(-150, 2, ',').text).toBe('-1,50');
    expect(signedAmountCell(-7, 0, '.').text).toBe('-7');
    expect(signedAmountCell(42, 2, '.').text).toBe('0.42');
    expect(() => new NumericCell('-1+1')).toThrow(RangeError);
    expect(() => new NumericCell('=1')).toThrow(RangeError);
    expect(() => new NumericCell('-1,5;=cmd')).toThrow(RangeError);
  });
});
