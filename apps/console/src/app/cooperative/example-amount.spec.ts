import { exampleAmount } from './example-amount';

// Intl separates French thousands with a narrow no-break space.
const normalize = (text: string) => text.replace(/\s/g, ' ');

describe('exampleAmount', () => {
  it('shows XOF without decimals, in the cooperative’s language', () => {
    expect(normalize(exampleAmount('XOF', 'fr'))).toBe('150 000 F CFA');
  });

  it('keeps the minor unit of currencies that have one', () => {
    expect(normalize(exampleAmount('EUR', 'fr'))).toBe('150 000,00 €');
    expect(exampleAmount('USD', 'en')).toBe('$150,000.00');
  });
});
