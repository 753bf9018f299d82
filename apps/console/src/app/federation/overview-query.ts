import { FEDERATION_SORTS, type FederationSort } from '@kotizo/contracts';

export const OVERVIEW_PAGE_SIZE = 25;

/** What the overview shows: search, status, sort and page, all kept in the URL. */
export interface OverviewState {
  q: string;
  /** Empty for every status. */
  status: '' | 'active' | 'suspended';
  sort: FederationSort;
  /** From 0. */
  page: number;
  size: number;
}

export interface OverviewUrl {
  q?: string | null;
  status?: string | null;
  sort?: string | null;
  page?: string | null;
  size?: string | null;
}

/** The state in `?q&status&sort&page&size`, each part checked; risk first by default. */
export function overviewStateFromUrl(url: OverviewUrl): OverviewState {
  const page = Number(url.page);
  const size = Number(url.size);
  return {
    q: url.q?.trim() ?? '',
    status: url.status === 'active' || url.status === 'suspended' ? url.status : '',
    sort: (FEDERATION_SORTS as readonly string[]).includes(url.sort ?? '') ? (url.sort as FederationSort) : 'risk',
    page: Number.isInteger(page) && page > 0 ? page - 1 : 0,
    size: [25, 50, 100].includes(size) ? size : OVERVIEW_PAGE_SIZE,
  };
}

/** The URL's query string of a state: defaults left out, pages counted from 1 for humans. */
export function overviewUrlParams(state: OverviewState): Record<string, string | null> {
  return {
    q: state.q.trim() || null,
    status: state.status || null,
    sort: state.sort === 'risk' ? null : state.sort,
    page: state.page > 0 ? String(state.page + 1) : null,
    size: state.size === OVERVIEW_PAGE_SIZE ? null : String(state.size),
  };
}

/** The filters the list and its export share. */
export function overviewFilterParams(state: OverviewState): Record<string, string> {
  const params: Record<string, string> = { sort: state.sort };
  const q = state.q.trim();
  if (q) params['q'] = q;
  if (state.status) params['status'] = state.status;
  return params;
}

/** `GET /federation/overview`'s query string. */
export function overviewApiParams(state: OverviewState): Record<string, string> {
  return {
    ...overviewFilterParams(state),
    limit: String(state.size),
    offset: String(state.page * state.size),
  };
}
