import { HttpTestingController } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Router } from '@angular/router';
import { TranslocoTestingModule } from '@jsverse/transloco';
import type { MeResponse } from '@kotizo/contracts';
import dashboardsFr from '../../../public/i18n/dashboards/fr.json';
import fr from '../../../public/i18n/fr.json';
import { CurrentCooperative } from '../core/abilities/current-cooperative';
import { FileDownload } from '../core/export/download';
import { Viewport } from '../core/layout/viewport';
import { aUser } from '../testing/builders';
import { anOverview } from '../testing/dashboard-builders';
import { byTestId, pageProviders, settle, text, type } from '../testing/page-testing';
import { OverviewPage } from './overview-page';

const URL = '/api/v1/federation/overview';

const transloco = () =>
  TranslocoTestingModule.forRoot({
    langs: { fr, 'dashboards/fr': dashboardsFr },
    translocoConfig: { availableLangs: ['fr'], defaultLang: 'fr' },
    preloadLangs: false,
  });

describe('OverviewPage', () => {
  let backend: HttpTestingController;
  const save = jest.fn();

  async function open(
    me: MeResponse = aUser({ federationRole: 'federation_admin' }),
    query: Record<string, string> = {},
    handset = false,
  ) {
    save.mockReset();
    TestBed.configureTestingModule({
      imports: [OverviewPage, transloco()],
      providers: [
        ...pageProviders(me),
        { provide: CurrentCooperative, useValue: { slug: () => null } },
        { provide: FileDownload, useValue: { save } },
        { provide: Viewport, useValue: { handset: signal(handset) } },
      ],
    });
    backend = TestBed.inject(HttpTestingController);
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    const fixture = TestBed.createComponent(OverviewPage);
    for (const [name, value] of Object.entries(query)) fixture.componentRef.setInput(name, value);
    await settle(fixture);
    const root = fixture.nativeElement as HTMLElement;
    const pending = () => backend.expectOne((r) => r.url === URL);
    const params = (r: ReturnType<typeof pending>) =>
      Object.fromEntries(r.request.params.keys().map((k) => [k, r.request.params.get(k)]));
    return { fixture, root, navigate, pending, params };
  }

  afterEach(() => backend.match(() => true));

  it('lists every cooperative side by side with the totals per currency, and opens their dashboards', async () => {
    const { root, fixture, pending, params } = await open();
    const get = pending();
    expect(params(get)).toEqual({ sort: 'risk', limit: '25', offset: '0' });
    get.flush(anOverview());
    await settle(fixture);
    expect(root.textContent).not.toMatch(/\bdashboards\.[a-zA-Z]/);

    const first = byTestId(root, 'overview-row-femmes-bouake');
    expect(text(first.querySelector('[data-testid="overview-par30"]')).replace(/\s/g, ' ')).toBe('25 %');
    expect(byTestId(root, 'overview-open-femmes-bouake').getAttribute('href')).toBe('/c/femmes-bouake/dashboard');
    // Never refreshed yet: no standing figures, but the money totals.
    const second = byTestId(root, 'overview-row-espoir-daloa');
    expect(text(second.querySelector('[data-testid="overview-par30"]'))).toBe('—');
    expect(text(second.querySelector('[data-testid="overview-cash"]')).replace(/\s/g, ' ')).toBe('650 000 F CFA');
    const total = byTestId(root, 'overview-total-XOF');
    expect(total.closest('tfoot')).not.toBeNull();
    expect(text(total).replace(/\s/g, ' ')).toContain('Total XOF (2 coopératives)');
    expect(text(total).replace(/\s/g, ' ')).toContain('1 000 000 F CFA');
  });

  it('shows cards on a phone, the totals last', async () => {
    const { root, fixture, pending } = await open(undefined, {}, true);
    pending().flush(anOverview());
    await settle(fixture);
    expect(root.querySelector('[data-testid="overview-table"]')).toBeNull();
    const cards = [...root.querySelectorAll('mat-card')].map((card) => card.getAttribute('data-testid'));
    expect(cards).toEqual(['overview-row-femmes-bouake', 'overview-row-espoir-daloa', 'overview-total-XOF']);
    const first = byTestId(root, 'overview-row-femmes-bouake');
    expect(first.querySelector('a')?.getAttribute('href')).toBe('/c/femmes-bouake/dashboard');
    expect(text(first.querySelector('[data-testid="overview-par30"]')).replace(/\s/g, ' ')).toBe('25 %');
  });

  it('sorts and filters through the API and keeps them in the URL', async () => {
    const { root, fixture, pending, params, navigate } = await open();
    pending().flush(anOverview());
    await settle(fixture);

    const sort = byTestId<HTMLSelectElement>(root, 'overview-sort');
    sort.value = 'name';
    sort.dispatchEvent(new Event('change'));
    await settle(fixture);
    expect(params(pending())).toEqual({ sort: 'name', limit: '25', offset: '0' });
    expect(navigate).toHaveBeenLastCalledWith(
      [],
      expect.objectContaining({ queryParams: { q: null, status: null, sort: 'name', page: null, size: null } }),
    );

    const status = byTestId<HTMLSelectElement>(root, 'overview-status');
    status.value = 'suspended';
    status.dispatchEvent(new Event('change'));
    await settle(fixture);
    expect(params(pending())).toEqual({ sort: 'name', status: 'suspended', limit: '25', offset: '0' });

    type(byTestId<HTMLInputElement>(root, 'overview-search'), 'daloa');
    await new Promise((resolve) => setTimeout(resolve, 350));
    await settle(fixture);
    expect(params(pending())).toEqual({ sort: 'name', status: 'suspended', q: 'daloa', limit: '25', offset: '0' });
    expect(navigate).toHaveBeenLastCalledWith(
      [],
      expect.objectContaining({
        queryParams: { q: 'daloa', status: 'suspended', sort: 'name', page: null, size: null },
      }),
    );
  });

  it('starts from the URL’s page and filters', async () => {
    const { pending, params } = await open(undefined, { sort: 'name', page: '3', q: 'bouake' });
    expect(params(pending())).toEqual({ sort: 'name', q: 'bouake', limit: '25', offset: '50' });
  });

  it('exports the comparison with the same filters', async () => {
    const { root, fixture, pending } = await open(undefined, { status: 'active' });
    pending().flush(anOverview());
    await settle(fixture);
    byTestId(root, 'overview-export').click();
    await settle(fixture);
    const get = backend.expectOne((r) => r.url === `${URL}/export`);
    expect(Object.fromEntries(get.request.params.keys().map((k) => [k, get.request.params.get(k)]))).toEqual({
      sort: 'risk',
      status: 'active',
      delimiter: ';',
    });
    get.flush('\uFEFFrisk_rank;slug\r\n1;femmes-bouake\r\n');
    expect(save).toHaveBeenCalledWith(
      'federation-overview.csv',
      '\uFEFFrisk_rank;slug\r\n1;femmes-bouake\r\n',
      'text/csv;charset=utf-8',
    );
  });
});
