import { httpResource } from '@angular/common/http';
import {
  ChangeDetectionStrategy,
  Component,
  type OnDestroy,
  computed,
  inject,
  input,
  linkedSignal,
  signal,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import type { FederationOverviewResponse } from '@kotizo/contracts';
import { AbilityService } from '../core/abilities/ability.service';
import { FileDownload } from '../core/export/download';
import { problemMessageKey, toProblem } from '../core/http/problem';
import { Language } from '../core/i18n/language';
import { Viewport } from '../core/layout/viewport';
import { KzMoneyPipe } from '../core/money/money.pipe';
import { ListPaginator } from '../core/ui/list-paginator';
import { StatusChip } from '../core/ui/status-chip';
import { formatBasisPoints } from '../dashboards/dashboard-charts';
import { DashboardsApi, FEDERATION_OVERVIEW_URL, defaultDelimiter } from '../dashboards/dashboards-api';
import { provideDashboardTexts } from '../dashboards/dashboards-scope';
import {
  type OverviewState,
  overviewApiParams,
  overviewFilterParams,
  overviewStateFromUrl,
  overviewUrlParams,
} from './overview-query';

/**
 * Every cooperative side by side (`/federation/overview?q&status&sort&page`): a table on a
 * desktop, cards on a phone, sums per currency, ranked by risk or by name, and the same as CSV.
 */
@Component({
  selector: 'kz-overview-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    RouterLink,
    MatButtonModule,
    MatCardModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressBarModule,
    TranslocoPipe,
    KzMoneyPipe,
    ListPaginator,
    StatusChip,
  ],
  providers: [provideDashboardTexts()],
  styles: `
    .filters {
      display: flex;
      flex-wrap: wrap;
      gap: 8px 12px;
      align-items: center;
      margin-bottom: 16px;
    }
    .filters mat-form-field {
      flex: 1 1 180px;
    }
    .filters .search {
      flex: 2 1 240px;
    }
    .filters button {
      min-height: 44px;
    }
    .table {
      overflow-x: auto;
    }
    table {
      border-collapse: collapse;
      width: 100%;
      font: var(--mat-sys-body-medium);
    }
    th,
    td {
      padding: 8px;
      text-align: left;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
      white-space: nowrap;
    }
    thead th {
      font: var(--mat-sys-label-large);
      color: var(--mat-sys-on-surface-variant);
    }
    .num {
      text-align: right;
    }
    tfoot th,
    tfoot td {
      font-weight: 600;
      border-top: 2px solid var(--mat-sys-outline);
    }
    .cards {
      display: grid;
      gap: 12px;
    }
    .cards dl {
      display: grid;
      grid-template-columns: 1fr 1fr;
      gap: 8px 12px;
      margin: 0;
    }
    .cards dt {
      font: var(--mat-sys-label-medium);
      color: var(--mat-sys-on-surface-variant);
    }
    .cards dd {
      margin: 0;
    }
    .muted {
      color: var(--mat-sys-on-surface-variant);
    }
  `,
  template: `
    <header class="page-header">
      <h1 class="page-title">{{ 'dashboards.overview.title' | transloco }}</h1>
      @if (canExport()) {
        <button
          mat-stroked-button
          type="button"
          [disabled]="exporting()"
          (click)="exportCsv()"
          data-testid="overview-export"
        >
          <mat-icon svgIcon="download" />
          {{ 'dashboards.overview.export' | transloco }}
        </button>
      }
    </header>

    <div class="filters">
      <mat-form-field class="search" subscriptSizing="dynamic">
        <mat-label>{{ 'dashboards.overview.search' | transloco }}</mat-label>
        <mat-icon matPrefix svgIcon="search" />
        <input
          matInput
          type="search"
          #searchInput
          [value]="state().q"
          (input)="onSearch(searchInput.value)"
          data-testid="overview-search"
        />
      </mat-form-field>
      <mat-form-field subscriptSizing="dynamic">
        <mat-label>{{ 'dashboards.overview.status' | transloco }}</mat-label>
        <select
          matNativeControl
          #statusInput
          [value]="state().status"
          (change)="update({ status: asStatus(statusInput.value) })"
          data-testid="overview-status"
        >
          <option value="">{{ 'dashboards.overview.allStatuses' | transloco }}</option>
          <option value="active">{{ 'status.active' | transloco }}</option>
          <option value="suspended">{{ 'status.suspended' | transloco }}</option>
        </select>
      </mat-form-field>
      <mat-form-field subscriptSizing="dynamic">
        <mat-label>{{ 'dashboards.overview.sort' | transloco }}</mat-label>
        <select
          matNativeControl
          #sortInput
          [value]="state().sort"
          (change)="update({ sort: sortInput.value === 'name' ? 'name' : 'risk' })"
          data-testid="overview-sort"
        >
          <option value="risk">{{ 'dashboards.overview.byRisk' | transloco }}</option>
          <option value="name">{{ 'dashboards.overview.byName' | transloco }}</option>
        </select>
      </mat-form-field>
    </div>

    @if (overview.isLoading()) {
      <mat-progress-bar mode="indeterminate" />
    }
    @if (overview.error()) {
      <p class="kz-error-box" role="alert">{{ errorKey() | transloco }}</p>
    }
    @if (exportErrorKey(); as key) {
      <p class="kz-error-box" role="alert" data-testid="overview-export-error">{{ key | transloco }}</p>
    }
    @if (overview.hasValue()) {
      @let page = overview.value();
      @if (page.items.length === 0) {
        <p class="muted" data-testid="overview-empty">{{ 'dashboards.overview.empty' | transloco }}</p>
      } @else if (handset()) {
        <div class="cards">
          @for (row of page.items; track row.cooperativeId) {
            <mat-card appearance="outlined" [attr.data-testid]="'overview-row-' + row.slug">
              <mat-card-header>
                <mat-card-title>
                  <a [routerLink]="['/c', row.slug, 'dashboard']">{{ row.name }}</a>
                </mat-card-title>
                <mat-card-subtitle>#{{ row.riskRank }} · {{ row.currency }}</mat-card-subtitle>
              </mat-card-header>
              <mat-card-content>
                <dl>
                  <div>
                    <dt>{{ 'dashboards.overview.col.par30' | transloco }}</dt>
                    <dd data-testid="overview-par30">{{ par30(row) }}</dd>
                  </div>
                  <div>
                    <dt>{{ 'dashboards.overview.col.critical' | transloco }}</dt>
                    <dd>{{ row.standing?.openCases?.critical ?? '—' }}</dd>
                  </div>
                  <div>
                    <dt>{{ 'dashboards.overview.col.lateDues' | transloco }}</dt>
                    <dd>{{ row.standing?.lateDues?.periods ?? '—' }}</dd>
                  </div>
                  <div>
                    <dt>{{ 'dashboards.overview.col.outstanding' | transloco }}</dt>
                    <dd>
                      {{ row.standing ? (row.standing.portfolio.outstanding | kzMoney: row.currency : lang()) : '—' }}
                    </dd>
                  </div>
                  <div>
                    <dt>{{ 'dashboards.overview.col.cash' | transloco }}</dt>
                    <dd>{{ row.totals.cash | kzMoney: row.currency : lang() }}</dd>
                  </div>
                  <div>
                    <dt>{{ 'dashboards.overview.col.members' | transloco }}</dt>
                    <dd>{{ row.standing?.members?.active ?? '—' }}</dd>
                  </div>
                </dl>
              </mat-card-content>
              <mat-card-actions align="end">
                <kz-status-chip [status]="row.status" />
              </mat-card-actions>
            </mat-card>
          }
          @for (t of page.byCurrency; track t.currency) {
            <mat-card appearance="outlined" [attr.data-testid]="'overview-total-' + t.currency">
              <mat-card-header>
                <mat-card-title>{{
                  'dashboards.overview.totals' | transloco: { currency: t.currency, count: t.cooperatives }
                }}</mat-card-title>
              </mat-card-header>
              <mat-card-content>
                <dl>
                  <div>
                    <dt>{{ 'dashboards.overview.col.par30' | transloco }}</dt>
                    <dd>{{ percent(t.portfolio.par30BasisPoints) }}</dd>
                  </div>
                  <div>
                    <dt>{{ 'dashboards.overview.col.outstanding' | transloco }}</dt>
                    <dd>{{ t.portfolio.outstanding | kzMoney: t.currency : lang() }}</dd>
                  </div>
                  <div>
                    <dt>{{ 'dashboards.overview.col.cash' | transloco }}</dt>
                    <dd>{{ t.totals.cash | kzMoney: t.currency : lang() }}</dd>
                  </div>
                  <div>
                    <dt>{{ 'dashboards.overview.col.contributions' | transloco }}</dt>
                    <dd>{{ t.totals.contributions | kzMoney: t.currency : lang() }}</dd>
                  </div>
                </dl>
              </mat-card-content>
            </mat-card>
          }
        </div>
      } @else {
        <div class="table">
          <table data-testid="overview-table">
            <thead>
              <tr>
                <th scope="col" class="num">{{ 'dashboards.overview.col.rank' | transloco }}</th>
                <th scope="col">{{ 'dashboards.overview.col.name' | transloco }}</th>
                <th scope="col">{{ 'dashboards.overview.col.status' | transloco }}</th>
                <th scope="col" class="num">{{ 'dashboards.overview.col.par30' | transloco }}</th>
                <th scope="col" class="num">{{ 'dashboards.overview.col.critical' | transloco }}</th>
                <th scope="col" class="num">{{ 'dashboards.overview.col.lateDues' | transloco }}</th>
                <th scope="col" class="num">{{ 'dashboards.overview.col.outstanding' | transloco }}</th>
                <th scope="col" class="num">{{ 'dashboards.overview.col.cash' | transloco }}</th>
                <th scope="col" class="num">{{ 'dashboards.overview.col.contributions' | transloco }}</th>
                <th scope="col" class="num">{{ 'dashboards.overview.col.members' | transloco }}</th>
              </tr>
            </thead>
            <tbody>
              @for (row of page.items; track row.cooperativeId) {
                <tr [attr.data-testid]="'overview-row-' + row.slug">
                  <td class="num">{{ row.riskRank }}</td>
                  <th scope="row">
                    <a [routerLink]="['/c', row.slug, 'dashboard']" [attr.data-testid]="'overview-open-' + row.slug">{{
                      row.name
                    }}</a>
                  </th>
                  <td><kz-status-chip [status]="row.status" /></td>
                  <td class="num" data-testid="overview-par30">{{ par30(row) }}</td>
                  <td class="num">{{ row.standing?.openCases?.critical ?? '—' }}</td>
                  <td class="num">{{ row.standing?.lateDues?.periods ?? '—' }}</td>
                  <td class="num">
                    {{ row.standing ? (row.standing.portfolio.outstanding | kzMoney: row.currency : lang()) : '—' }}
                  </td>
                  <td class="num" data-testid="overview-cash">
                    {{ row.totals.cash | kzMoney: row.currency : lang() }}
                  </td>
                  <td class="num">{{ row.totals.contributions | kzMoney: row.currency : lang() }}</td>
                  <td class="num">{{ row.standing?.members?.active ?? '—' }}</td>
                </tr>
              }
            </tbody>
            <tfoot>
              @for (t of page.byCurrency; track t.currency) {
                <tr [attr.data-testid]="'overview-total-' + t.currency">
                  <td></td>
                  <th scope="row" colspan="2">
                    {{ 'dashboards.overview.totals' | transloco: { currency: t.currency, count: t.cooperatives } }}
                  </th>
                  <td class="num">{{ percent(t.portfolio.par30BasisPoints) }}</td>
                  <td class="num">{{ t.openCases.critical }}</td>
                  <td class="num">{{ t.lateDues.periods }}</td>
                  <td class="num">{{ t.portfolio.outstanding | kzMoney: t.currency : lang() }}</td>
                  <td class="num">{{ t.totals.cash | kzMoney: t.currency : lang() }}</td>
                  <td class="num">{{ t.totals.contributions | kzMoney: t.currency : lang() }}</td>
                  <td class="num">{{ t.members.active }}</td>
                </tr>
              }
            </tfoot>
          </table>
        </div>
      }
      <kz-list-paginator
        [total]="page.total"
        [count]="page.items.length"
        [pageIndex]="state().page"
        (pageIndexChange)="update({ page: $event })"
        [pageSize]="state().size"
        (pageSizeChange)="update({ size: $event, page: 0 })"
      />
    }
  `,
})
export class OverviewPage implements OnDestroy {
  /** The URL's query string, bound by the router. */
  readonly q = input<string | undefined>();
  readonly status = input<string | undefined>();
  readonly sort = input<string | undefined>();
  readonly page = input<string | undefined>();
  readonly size = input<string | undefined>();

  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly api = inject(DashboardsApi);
  private readonly files = inject(FileDownload);
  private readonly abilities = inject(AbilityService);
  protected readonly lang = inject(Language).current;
  protected readonly handset = inject(Viewport).handset;

  protected readonly state = linkedSignal<OverviewState>(() =>
    overviewStateFromUrl({
      q: this.q(),
      status: this.status(),
      sort: this.sort(),
      page: this.page(),
      size: this.size(),
    }),
  );
  protected readonly overview = httpResource<FederationOverviewResponse>(() => ({
    url: FEDERATION_OVERVIEW_URL,
    params: overviewApiParams(this.state()),
  }));
  protected readonly errorKey = computed(() => problemMessageKey(toProblem(this.overview.error())));
  protected readonly canExport = computed(() => this.abilities.federationAbility().can('export', 'Report'));
  protected readonly exporting = signal(false);
  protected readonly exportErrorKey = signal<string | null>(null);
  private searchTimer: ReturnType<typeof setTimeout> | undefined;

  ngOnDestroy(): void {
    clearTimeout(this.searchTimer);
  }

  protected par30(row: FederationOverviewResponse['items'][number]): string {
    return row.standing ? this.percent(row.standing.portfolio.par30BasisPoints) : '—';
  }

  protected percent(basisPoints: number): string {
    return formatBasisPoints(basisPoints, this.lang());
  }

  protected asStatus(value: string): OverviewState['status'] {
    return value === 'active' || value === 'suspended' ? value : '';
  }

  protected onSearch(text: string): void {
    clearTimeout(this.searchTimer);
    this.searchTimer = setTimeout(() => this.update({ q: text }), 300);
  }

  /** A new filter or sort starts over at the first page; the URL follows. */
  protected update(change: Partial<OverviewState>): void {
    const next = { ...this.state(), page: 0, ...change };
    this.state.set(next);
    void this.router.navigate([], { relativeTo: this.route, queryParams: overviewUrlParams(next), replaceUrl: true });
  }

  protected exportCsv(): void {
    if (this.exporting()) return;
    this.exporting.set(true);
    this.exportErrorKey.set(null);
    const params = { ...overviewFilterParams(this.state()), delimiter: defaultDelimiter(this.lang()) };
    this.api.csv(`${FEDERATION_OVERVIEW_URL}/export`, params, 'federation-overview.csv').subscribe({
      next: ({ filename, content }) => {
        this.exporting.set(false);
        this.files.save(filename, content, 'text/csv;charset=utf-8');
      },
      error: (error: unknown) => {
        this.exporting.set(false);
        this.exportErrorKey.set(problemMessageKey(toProblem(error)));
      },
    });
  }
}
