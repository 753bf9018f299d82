import { formatMinorUnits } from './format.js';

describe('formatMinorUnits', () => {
  it('shows money in the major unit, grouped the locale’s way', () => {
    expect(formatMinorUnits(150_000, 0, 'fr')).toBe('150\u202f000');
    expect(formatMinorUnits(150_000, 0, 'en')).toBe('150,000');
    expect(formatMinorUnits(4_500, 2, 'fr')).toBe('45,00');
    expect(formatMinorUnits(1_234_567_805, 2, 'en')).toBe('12,345,678.05');
    expect(formatMinorUnits(-7, 2, 'en')).toBe('-0.07');
    expect(formatMinorUnits(999, 0, 'fr')).toBe('999');
    expect(formatMinorUnits(1_000, 0, 'fr')).toBe('1\u202f000');
  });

  it('writes what is not a number as other values are written', () => {
    expect(formatMinorUnits(null, 0, 'fr')).toBe('—');
    expect(formatMinorUnits('x', 2, 'en')).toBe('x');
  });
});
