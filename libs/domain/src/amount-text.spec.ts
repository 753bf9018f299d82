import { parseAmountText } from './amount-text.js';

describe('parseAmountText', () => {
  it.each([
    ['15000', 0, 15000],
    ['15 000', 0, 15000],
    ['15\u202f000 F', 0, 15000],
    ['15.000', 0, 15000],
    ['1,500,000', 0, 1_500_000],
    ['2 500 FCFA', 0, 2500],
    ['1 500,50', 2, 150050],
    ['1,500.50', 2, 150050],
    ['1.500,5', 2, 150050],
    ['12,5', 2, 1250],
    ['0,01', 2, 1],
    ['1.234', 3, 1234],
    // Three digits after a single mark read as thousands (French "10.505", English "1,234").
    ['1,234', 2, 123400],
    ['10.505', 2, 1050500],
  ])('%s with %i decimals -> %i', (text, digits, expected) => {
    expect(parseAmountText(text, digits)).toBe(expected);
  });

  it.each([
    ['', 0],
    ['abc', 0],
    ['-500', 0],
    ['0', 0],
    ['12,5', 0],
    ['1.2345', 2],
    ['12,5', 0],
    ['1e5', 0],
    ['99999999999999999999', 0],
  ])('refuses %j with %i decimals', (text, digits) => {
    expect(parseAmountText(text, digits)).toBeNull();
  });
});
