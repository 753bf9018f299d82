import { dashboardQuery, federationOverviewQuery, movementsExportQuery } from './dashboards.js';

const fields = (result: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }) =>
  (result.error?.issues ?? []).map((i) => i.path.join('.')).sort();

describe('dashboard and export queries', () => {
  it('take a period, a granularity and a delimiter, all optional', () => {
    expect(dashboardQuery.parse({})).toEqual({});
    expect(dashboardQuery.parse({ from: '2025-01-01', to: '2025-01-01', granularity: 'week' })).toEqual({
      from: '2025-01-01',
      to: '2025-01-01',
      granularity: 'week',
    });
    expect(movementsExportQuery.parse({ delimiter: ',' })).toEqual({ delimiter: ',' });
  });

  it('name each bad field once', () => {
    expect(fields(dashboardQuery.safeParse({ from: '2025-02-30', granularity: 'day', extra: '1' }))).toEqual([
      '',
      'from',
      'granularity',
    ]);
    expect(fields(dashboardQuery.safeParse({ from: '2025-03-01', to: '2025-02-01' }))).toEqual(['from']);
    expect(fields(movementsExportQuery.safeParse({ delimiter: '\t' }))).toEqual(['delimiter']);
  });

  it('page the federation overview up to 1,000 cooperatives at once', () => {
    expect(federationOverviewQuery.parse({})).toEqual({ limit: 100, offset: 0 });
    expect(federationOverviewQuery.parse({ limit: '1000', sort: 'name' })).toEqual({
      limit: 1000,
      offset: 0,
      sort: 'name',
    });
    expect(fields(federationOverviewQuery.safeParse({ limit: '1001', sort: 'size' }))).toEqual(['limit', 'sort']);
  });
});
