import { overviewApiParams, overviewStateFromUrl, overviewUrlParams } from './overview-query';

describe('federation overview query', () => {
  it('reads the URL, risk first and page 1 by default', () => {
    expect(overviewStateFromUrl({})).toEqual({ q: '', status: '', sort: 'risk', page: 0, size: 25 });
    expect(overviewStateFromUrl({ q: ' daloa ', status: 'suspended', sort: 'name', page: '3', size: '50' })).toEqual({
      q: 'daloa',
      status: 'suspended',
      sort: 'name',
      page: 2,
      size: 50,
    });
    expect(overviewStateFromUrl({ status: 'closed', sort: 'cash', page: '-1', size: '7' })).toEqual({
      q: '',
      status: '',
      sort: 'risk',
      page: 0,
      size: 25,
    });
  });

  it('writes the URL without the defaults, and reads it back', () => {
    const state = { q: 'daloa', status: 'active', sort: 'name', page: 1, size: 25 } as const;
    expect(overviewUrlParams(state)).toEqual({ q: 'daloa', status: 'active', sort: 'name', page: '2', size: null });
    expect(overviewUrlParams({ ...state, q: '', status: '', sort: 'risk', page: 0 })).toEqual({
      q: null,
      status: null,
      sort: null,
      page: null,
      size: null,
    });
    const url = Object.fromEntries(Object.entries(overviewUrlParams(state)).filter(([, v]) => v !== null));
    expect(overviewStateFromUrl(url)).toEqual(state);
  });

  it('asks the API for the page as limit and offset', () => {
    expect(overviewApiParams({ q: '', status: '', sort: 'risk', page: 2, size: 50 })).toEqual({
      sort: 'risk',
      limit: '50',
      offset: '100',
    });
    expect(overviewApiParams({ q: 'x', status: 'active', sort: 'name', page: 0, size: 25 })).toEqual({
      sort: 'name',
      q: 'x',
      status: 'active',
      limit: '25',
      offset: '0',
    });
  });
});
