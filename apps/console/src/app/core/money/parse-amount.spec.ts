import { MAX_AMOUNT_MINOR } from '@kotizo/domain';
import { currencySymbol, formatAmountInput, parseAmount } from './parse-amount';

const minor = (text: string, currency: string) => {
  const parsed = parseAmount(text, currency);
  return parsed.ok ? parsed.minor : parsed.problem;
};

describe('parseAmount', () => {
  it.each([
    ['15 000', 'XOF', 15_000],
    ['15000', 'XOF', 15_000],
    ['  5 000 ', 'XOF', 5_000],
    ['1 500 000', 'XOF', 1_500_000],
    ['1.500.000', 'XOF', 1_500_000],
    ['1,500,000', 'XOF', 1_500_000],
    ['15\u202f000', 'XOF', 15_000],
    ['15\u00a0000', 'XOF', 15_000],
    ['007', 'XOF', 7],
    ['1 500,50', 'EUR', 150_050],
    ['1 500,5', 'EUR', 150_050],
    ['1500.50', 'EUR', 150_050],
    ['1.500,50', 'EUR', 150_050],
    ['1,500.50', 'EUR', 150_050],
    ['0,01', 'EUR', 1],
    ['12', 'EUR', 1_200],
  ])('reads %j in %s as %i minor units', (text, currency, expected) => {
    expect(minor(text, currency)).toBe(expected);
  });

  it.each([
    ['15,5', 'XOF'],
    ['15.000', 'XOF'],
    ['15 000,00', 'XOF'],
    ['1,505', 'EUR'],
    ['1 500,505', 'EUR'],
  ])('refuses %j in %s: more decimals than the currency has', (text, currency) => {
    expect(parseAmount(text, currency)).toEqual({
      ok: false,
      problem: 'decimals',
      digits: currency === 'XOF' ? 0 : 2,
    });
  });

  it.each([
    '-500',
    '5e3',
    '12 34',
    '1 5000',
    '1.50.0',
    '1.500 000',
    'abc',
    '5 000 F',
    ',5',
    '15,',
    '1,2.3.4',
    'Infinity',
  ])('refuses the malformed %j', (text) => {
    expect(minor(text, 'XOF')).toBe('invalid');
  });

  it('says when the field is empty, zero or beyond the maximum', () => {
    expect(minor('   ', 'XOF')).toBe('required');
    expect(minor('0', 'XOF')).toBe('zero');
    expect(minor('0,00', 'EUR')).toBe('zero');
    expect(minor(String(MAX_AMOUNT_MINOR), 'XOF')).toBe(MAX_AMOUNT_MINOR);
    expect(minor(String(MAX_AMOUNT_MINOR + 1), 'XOF')).toBe('tooLarge');
    expect(minor('99999999999999999999999', 'XOF')).toBe('tooLarge');
  });

  it('never goes through a float (0.1 + 0.2 style errors)', () => {
    expect(minor('0,29', 'EUR')).toBe(29);
    expect(minor('1 234 567 890 123,45', 'EUR')).toBe(123_456_789_012_345);
  });
});

describe('formatAmountInput', () => {
  it('writes an amount as the user would type it, and parseAmount reads it back', () => {
    expect(formatAmountInput(204_000, 'XOF', 'fr').replace(/\s/g, ' ')).toBe('204 000');
    expect(formatAmountInput(150_050, 'EUR', 'fr').replace(/\s/g, ' ')).toBe('1 500,50');
    expect(formatAmountInput(5, 'EUR', 'en')).toBe('0.05');
    for (const [amount, currency, lang] of [
      [204_000, 'XOF', 'fr'],
      [150_050, 'EUR', 'fr'],
      [7, 'USD', 'en'],
    ] as const) {
      expect(parseAmount(formatAmountInput(amount, currency, lang), currency)).toEqual({ ok: true, minor: amount });
    }
  });
});

describe('currencySymbol', () => {
  it('gives the sign shown next to the amount field', () => {
    expect(currencySymbol('XOF', 'fr').replace(/\s/g, ' ')).toBe('F CFA');
    expect(currencySymbol('EUR', 'fr')).toBe('€');
  });
});
