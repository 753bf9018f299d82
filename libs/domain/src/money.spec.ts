import { formatMoney, isCurrencyCode, isValidAmountMinor, MAX_AMOUNT_MINOR, minorUnitDigits } from './money.js';

const nbsp = /[\u00a0\u202f]/g;

describe('money', () => {
  it('knows each currency’s minor unit', () => {
    expect(minorUnitDigits('XOF')).toBe(0);
    expect(minorUnitDigits('XAF')).toBe(0);
    expect(minorUnitDigits('EUR')).toBe(2);
    expect(minorUnitDigits('KWD')).toBe(3);
  });

  it('formats XOF without decimals and EUR with two, in the locale', () => {
    expect(formatMoney(15000, 'XOF', 'fr-CI').replace(nbsp, ' ')).toBe('15 000 F CFA');
    expect(formatMoney(150, 'EUR', 'fr-FR').replace(nbsp, ' ')).toBe('1,50 €');
    expect(formatMoney(150, 'EUR', 'en')).toBe('€1.50');
  });

  it('refuses a fraction of a minor unit', () => {
    expect(() => formatMoney(10.5, 'XOF', 'fr')).toThrow(RangeError);
  });

  it('accepts only positive safe integers up to the maximum', () => {
    expect(isValidAmountMinor(1)).toBe(true);
    expect(isValidAmountMinor(MAX_AMOUNT_MINOR)).toBe(true);
    for (const bad of [0, -5, 1.5, MAX_AMOUNT_MINOR + 1, 2 ** 53, Number.NaN])
      expect(isValidAmountMinor(bad)).toBe(false);
  });

  it('recognises ISO 4217 codes only', () => {
    expect(isCurrencyCode('XOF')).toBe(true);
    expect(isCurrencyCode('xof')).toBe(false);
    expect(isCurrencyCode('FCFA')).toBe(false);
    expect(isCurrencyCode('ZZZ')).toBe(false);
  });
});
