import { aDashboard } from '../testing/dashboard-builders';
import {
  bucketLabel,
  contributionsSeries,
  disbursedVsRepaid,
  expensesSeries,
  formatBasisPoints,
  severitySeries,
  toMajor,
} from './dashboard-charts';

const nbsp = (text: string) => text.replace(/\s/g, ' ');

describe('dashboard chart data', () => {
  it('plots major units and keeps the minor amount (XOF 0 digits, EUR 2)', () => {
    expect(toMajor(5_000, 0)).toBe(5_000);
    expect(toMajor(1_250, 2)).toBe(12.5);
    const eur = aDashboard({ currency: 'EUR', currencyDigits: 2 });
    expect(contributionsSeries(eur, 'fr')[0]).toEqual({ name: 'sept. 2026', value: 1_500, extra: { minor: 150_000 } });
  });

  it('gives one bar per bucket, oldest first, empty buckets included', () => {
    const d = aDashboard();
    d.series[1].contributions = 0;
    expect(contributionsSeries(d, 'fr').map((p) => [p.name, p.value])).toEqual([
      ['sept. 2026', 150_000],
      ['oct. 2026', 0],
      ['nov. 2026', 180_000],
    ]);
  });

  it('labels weeks by their first day', () => {
    expect(bucketLabel({ start: '2026-11-23' }, 'week', 'fr')).toBe('23 nov.');
    expect(bucketLabel({ start: '2026-11-23' }, 'week', 'en')).toBe('Nov 23');
    expect(bucketLabel({ start: '2026-11-01' }, 'month', 'en')).toBe('Nov 2026');
  });

  it('pairs disbursed and repaid per bucket', () => {
    const groups = disbursedVsRepaid(aDashboard(), 'fr', { disbursed: 'Versé', repaid: 'Remboursé' });
    expect(groups.map((g) => [g.name, g.series.map((p) => `${p.name}=${p.value}`)])).toEqual([
      ['sept. 2026', ['Versé=200000', 'Remboursé=0']],
      ['oct. 2026', ['Versé=0', 'Remboursé=50000']],
      ['nov. 2026', ['Versé=0', 'Remboursé=25000']],
    ]);
  });

  it('keeps expenses largest first with their labels', () => {
    expect(expensesSeries(aDashboard(), (c) => c.toUpperCase()).map((p) => [p.name, p.value])).toEqual([
      ['TRANSPORT', 20_000],
      ['SUPPLIES', 12_500],
    ]);
  });

  it('puts the most severe open cases on top', () => {
    expect(severitySeries(aDashboard().findingsBySeverity, (s) => s).map((p) => [p.name, p.value])).toEqual([
      ['critical', 1],
      ['high', 1],
      ['medium', 2],
      ['low', 0],
    ]);
  });

  it('writes PAR30 from basis points', () => {
    expect(nbsp(formatBasisPoints(1_250, 'fr'))).toBe('12,5 %');
    expect(formatBasisPoints(10_000, 'en')).toBe('100%');
    expect(formatBasisPoints(0, 'en')).toBe('0%');
  });
});
