import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, input, linkedSignal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { BarChartModule, type Color, ScaleType } from '@swimlane/ngx-charts';
import type { DashboardGranularity, DashboardResponse } from '@kotizo/contracts';
import { CooperativeDetails } from '../cooperative/cooperative-details';
import { problemMessageKey, toProblem } from '../core/http/problem';
import { Language } from '../core/i18n/language';
import { KzMoneyPipe } from '../core/money/money.pipe';
import { KzDayPipe } from '../core/ui/day.pipe';
import {
  SEVERITY_COLORS,
  bucketLabel,
  contributionsSeries,
  disbursedVsRepaid,
  expensesSeries,
  formatBasisPoints,
  severitySeries,
} from './dashboard-charts';
import {
  PERIOD_PRESETS,
  type Period,
  type PeriodPreset,
  periodFromQuery,
  periodQuery,
  presetOf,
  presetPeriod,
} from './dashboard-period';
import { dashboardUrl } from './dashboards-api';
import { provideDashboardTexts } from './dashboards-scope';
import { ExportCard } from './export-card';

const scheme = (domain: string[]): Color => ({ name: 'kotizo', selectable: true, group: ScaleType.Ordinal, domain });

/**
 * The figures of a period (`/c/:slug/dashboard?from&to&granularity`): totals, cash, portfolio,
 * members and open cases, four charts each followed by its data as a table, and the exports.
 */
@Component({
  selector: 'kz-dashboard-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    RouterLink,
    MatButtonModule,
    MatCardModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    TranslocoPipe,
    BarChartModule,
    KzMoneyPipe,
    KzDayPipe,
    ExportCard,
  ],
  providers: [provideDashboardTexts()],
  styles: `
    .period {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px 12px;
      margin-bottom: 16px;
    }
    .presets {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
    }
    .presets button,
    .period button {
      min-height: 44px;
    }
    .presets button.selected {
      background: var(--mat-sys-secondary-container);
      color: var(--mat-sys-on-secondary-container);
    }
    .period mat-form-field {
      flex: 1 1 150px;
      max-width: 200px;
    }
    .kpis {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(150px, 1fr));
      gap: 12px;
      margin: 0 0 16px;
    }
    .kpi {
      padding: 12px;
      border-radius: 12px;
      border: 1px solid var(--mat-sys-outline-variant);
    }
    .kpi dt {
      font: var(--mat-sys-label-medium);
      color: var(--mat-sys-on-surface-variant);
    }
    .kpi dd {
      margin: 4px 0 0;
      font: var(--mat-sys-title-medium);
      overflow-wrap: anywhere;
    }
    .kpi .sub {
      display: block;
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
    .charts {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(min(100%, 420px), 1fr));
      gap: 16px;
      margin-bottom: 16px;
    }
    .chart {
      display: flow-root;
      height: 260px;
      width: 100%;
    }
    .legend {
      display: flex;
      flex-wrap: wrap;
      gap: 4px 16px;
      list-style: none;
      margin: 0 0 8px;
      padding: 0;
      font: var(--mat-sys-body-small);
    }
    .swatch {
      display: inline-block;
      width: 12px;
      height: 12px;
      border-radius: 2px;
      margin-right: 6px;
      vertical-align: middle;
    }
    h2 {
      font: var(--mat-sys-title-medium);
      margin: 0 0 8px;
    }
    details {
      margin-top: 8px;
    }
    summary {
      cursor: pointer;
      min-height: 44px;
      display: flex;
      align-items: center;
      color: var(--mat-sys-primary);
    }
    .data {
      overflow-x: auto;
    }
    table {
      border-collapse: collapse;
      width: 100%;
      font: var(--mat-sys-body-medium);
    }
    th,
    td {
      padding: 6px 8px;
      text-align: left;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
    }
    td.num,
    th.num {
      text-align: right;
      white-space: nowrap;
    }
    .empty {
      color: var(--mat-sys-on-surface-variant);
    }
    @media (max-width: 599.98px) {
      .period mat-form-field {
        max-width: none;
      }
      .presets button {
        flex: 1 1 auto;
      }
    }
  `,
  template: `
    <header class="page-header">
      <h1 class="page-title">{{ 'dashboards.title' | transloco }}</h1>
      <a mat-button [routerLink]="['/c', slug(), 'journal']">{{ 'dashboards.journal' | transloco }}</a>
    </header>

    <form class="period" (submit)="$event.preventDefault()" [attr.aria-label]="'dashboards.period.label' | transloco">
      <div class="presets" role="group" [attr.aria-label]="'dashboards.period.presets' | transloco">
        @for (p of presets; track p) {
          <button
            type="button"
            mat-stroked-button
            [class.selected]="preset() === p"
            [attr.aria-pressed]="preset() === p"
            (click)="pick(p)"
            [attr.data-testid]="'preset-' + p"
          >
            {{ 'dashboards.period.' + p | transloco }}
          </button>
        }
      </div>
      <mat-form-field subscriptSizing="dynamic">
        <mat-label>{{ 'dashboards.period.from' | transloco }}</mat-label>
        <input
          matInput
          type="date"
          #fromInput
          [value]="period().from"
          [max]="period().to"
          (change)="setDates(fromInput.value, period().to)"
          data-testid="period-from"
        />
      </mat-form-field>
      <mat-form-field subscriptSizing="dynamic">
        <mat-label>{{ 'dashboards.period.to' | transloco }}</mat-label>
        <input
          matInput
          type="date"
          #toInput
          [value]="period().to"
          [min]="period().from"
          (change)="setDates(period().from, toInput.value)"
          data-testid="period-to"
        />
      </mat-form-field>
      <mat-form-field subscriptSizing="dynamic">
        <mat-label>{{ 'dashboards.period.granularity' | transloco }}</mat-label>
        <select
          matNativeControl
          #granularityInput
          [value]="period().granularity"
          (change)="setGranularity(granularityInput.value)"
          data-testid="period-granularity"
        >
          <option value="month">{{ 'dashboards.period.byMonth' | transloco }}</option>
          <option value="week">{{ 'dashboards.period.byWeek' | transloco }}</option>
        </select>
      </mat-form-field>
    </form>

    @if (dashboard.isLoading()) {
      <mat-progress-bar mode="indeterminate" />
    }
    @if (dashboard.error()) {
      <p class="kz-error-box" role="alert" data-testid="dashboard-error">{{ errorKey() | transloco }}</p>
    }
    @if (dashboard.hasValue()) {
      @let d = dashboard.value();
      @let cur = d.currency;
      <p class="empty" data-testid="dashboard-period">
        {{
          'dashboards.period.shown'
            | transloco: { from: (d.period.from | kzDay: lang()), to: (d.period.to | kzDay: lang()) }
        }}
      </p>
      <dl class="kpis" data-testid="kpis">
        @for (k of moneyKpis; track k) {
          <div class="kpi" [attr.data-testid]="'kpi-' + k">
            <dt>{{ 'dashboards.kpi.' + k | transloco }}</dt>
            <dd>{{ d.totals[k] | kzMoney: cur : lang() }}</dd>
          </div>
        }
        <div class="kpi" data-testid="kpi-cash">
          <dt>{{ 'dashboards.kpi.cash' | transloco }}</dt>
          <dd>
            {{ d.cash.closing | kzMoney: cur : lang() }}
            <span class="sub">{{
              'dashboards.kpi.opening' | transloco: { amount: (d.cash.opening | kzMoney: cur : lang()) }
            }}</span>
          </dd>
        </div>
        <div class="kpi" data-testid="kpi-outstanding">
          <dt>{{ 'dashboards.kpi.outstanding' | transloco }}</dt>
          <dd>
            {{ d.portfolio.outstanding | kzMoney: cur : lang() }}
            <span class="sub">{{
              'dashboards.kpi.loans' | transloco: { active: d.portfolio.activeLoans, late: d.portfolio.lateLoans }
            }}</span>
          </dd>
        </div>
        <div class="kpi" data-testid="kpi-par30">
          <dt>{{ 'dashboards.kpi.par30' | transloco }}</dt>
          <dd>
            {{ par30() }}
            <span class="sub">{{ d.portfolio.atRisk30 | kzMoney: cur : lang() }}</span>
          </dd>
        </div>
        <div class="kpi" data-testid="kpi-members">
          <dt>{{ 'dashboards.kpi.members' | transloco }}</dt>
          <dd>
            {{ 'dashboards.kpi.active' | transloco: { count: d.members.active } }}
            <span class="sub">{{ 'dashboards.kpi.suspended' | transloco: { count: d.members.suspended } }}</span>
          </dd>
        </div>
        <div class="kpi" data-testid="kpi-cases">
          <dt>{{ 'dashboards.kpi.openCases' | transloco }}</dt>
          <dd>
            {{ openCases() }}
            <span class="sub">
              @for (s of d.findingsBySeverity; track s.severity; let last = $last) {
                {{ 'severity.' + s.severity | transloco }} {{ s.openCases }}{{ last ? '' : ' · ' }}
              }
            </span>
          </dd>
        </div>
      </dl>

      <div class="charts">
        <mat-card appearance="outlined">
          <mat-card-content>
            <h2 id="chart-contributions">{{ 'dashboards.charts.contributions' | transloco }}</h2>
            <div class="chart" aria-hidden="true">
              <ngx-charts-bar-vertical
                [results]="contributions()"
                [scheme]="primaryScheme"
                [xAxis]="true"
                [yAxis]="true"
                [yAxisTickFormatting]="compact"
                [maxXAxisTickLength]="10"
                [animations]="false"
              />
            </div>
            <details data-testid="data-contributions">
              <summary>{{ 'dashboards.seeData' | transloco }}</summary>
              <div class="data">
                <table aria-labelledby="chart-contributions">
                  <thead>
                    <tr>
                      <th scope="col">{{ 'dashboards.table.period' | transloco }}</th>
                      <th scope="col" class="num">{{ 'dashboards.kpi.contributions' | transloco }}</th>
                      <th scope="col" class="num">{{ 'dashboards.table.cashAtEnd' | transloco }}</th>
                    </tr>
                  </thead>
                  <tbody>
                    @for (b of d.series; track b.start) {
                      <tr>
                        <th scope="row">{{ label(b, d.period.granularity) }}</th>
                        <td class="num">{{ b.contributions | kzMoney: cur : lang() }}</td>
                        <td class="num">{{ b.cash | kzMoney: cur : lang() }}</td>
                      </tr>
                    }
                  </tbody>
                </table>
              </div>
            </details>
          </mat-card-content>
        </mat-card>

        <mat-card appearance="outlined">
          <mat-card-content>
            <h2 id="chart-loans">{{ 'dashboards.charts.loans' | transloco }}</h2>
            <ul class="legend" aria-hidden="true">
              <li>
                <span class="swatch" [style.background]="loansScheme.domain[0]"></span
                >{{ 'dashboards.kpi.loansDisbursed' | transloco }}
              </li>
              <li>
                <span class="swatch" [style.background]="loansScheme.domain[1]"></span
                >{{ 'dashboards.kpi.repayments' | transloco }}
              </li>
            </ul>
            <div class="chart" aria-hidden="true">
              <ngx-charts-bar-vertical-2d
                [results]="loans()"
                [scheme]="loansScheme"
                [xAxis]="true"
                [yAxis]="true"
                [yAxisTickFormatting]="compact"
                [maxXAxisTickLength]="10"
                [animations]="false"
              />
            </div>
            <details data-testid="data-loans">
              <summary>{{ 'dashboards.seeData' | transloco }}</summary>
              <div class="data">
                <table aria-labelledby="chart-loans">
                  <thead>
                    <tr>
                      <th scope="col">{{ 'dashboards.table.period' | transloco }}</th>
                      <th scope="col" class="num">{{ 'dashboards.kpi.loansDisbursed' | transloco }}</th>
                      <th scope="col" class="num">{{ 'dashboards.kpi.repayments' | transloco }}</th>
                    </tr>
                  </thead>
                  <tbody>
                    @for (b of d.series; track b.start) {
                      <tr>
                        <th scope="row">{{ label(b, d.period.granularity) }}</th>
                        <td class="num">{{ b.loansDisbursed | kzMoney: cur : lang() }}</td>
                        <td class="num">{{ b.repayments | kzMoney: cur : lang() }}</td>
                      </tr>
                    }
                  </tbody>
                </table>
              </div>
            </details>
          </mat-card-content>
        </mat-card>

        <mat-card appearance="outlined">
          <mat-card-content>
            <h2 id="chart-expenses">{{ 'dashboards.charts.expenses' | transloco }}</h2>
            @if (d.expensesByCategory.length === 0) {
              <p class="empty" data-testid="no-expenses">{{ 'dashboards.noExpenses' | transloco }}</p>
            } @else {
              <div class="chart" aria-hidden="true">
                <ngx-charts-bar-horizontal
                  [results]="expenses()"
                  [scheme]="primaryScheme"
                  [xAxis]="true"
                  [yAxis]="true"
                  [xAxisTickFormatting]="compact"
                  [maxYAxisTickLength]="12"
                  [animations]="false"
                />
              </div>
              <details data-testid="data-expenses">
                <summary>{{ 'dashboards.seeData' | transloco }}</summary>
                <div class="data">
                  <table aria-labelledby="chart-expenses">
                    <thead>
                      <tr>
                        <th scope="col">{{ 'dashboards.table.category' | transloco }}</th>
                        <th scope="col" class="num">{{ 'dashboards.table.amount' | transloco }}</th>
                        <th scope="col" class="num">{{ 'dashboards.table.entries' | transloco }}</th>
                      </tr>
                    </thead>
                    <tbody>
                      @for (c of d.expensesByCategory; track c.category) {
                        <tr>
                          <th scope="row">{{ categoryLabel(c.category) }}</th>
                          <td class="num">{{ c.amount | kzMoney: cur : lang() }}</td>
                          <td class="num">{{ c.entries }}</td>
                        </tr>
                      }
                    </tbody>
                  </table>
                </div>
              </details>
            }
          </mat-card-content>
        </mat-card>

        <mat-card appearance="outlined">
          <mat-card-content>
            <h2 id="chart-severity">{{ 'dashboards.charts.severity' | transloco }}</h2>
            <div class="chart" aria-hidden="true">
              <ngx-charts-bar-horizontal
                [results]="severities()"
                [scheme]="severityScheme()"
                [xAxis]="true"
                [yAxis]="true"
                [xAxisTickFormatting]="wholeNumbers"
                [animations]="false"
              />
            </div>
            <details data-testid="data-severity">
              <summary>{{ 'dashboards.seeData' | transloco }}</summary>
              <div class="data">
                <table aria-labelledby="chart-severity">
                  <thead>
                    <tr>
                      <th scope="col">{{ 'dashboards.table.severity' | transloco }}</th>
                      <th scope="col" class="num">{{ 'dashboards.table.openCases' | transloco }}</th>
                      <th scope="col" class="num">{{ 'dashboards.table.findings' | transloco }}</th>
                    </tr>
                  </thead>
                  <tbody>
                    @for (s of d.findingsBySeverity; track s.severity) {
                      <tr>
                        <th scope="row">{{ 'severity.' + s.severity | transloco }}</th>
                        <td class="num">{{ s.openCases }}</td>
                        <td class="num">{{ s.findings }}</td>
                      </tr>
                    }
                  </tbody>
                </table>
              </div>
            </details>
          </mat-card-content>
        </mat-card>
      </div>
    }

    <kz-export-card [slug]="slug()" [lang]="lang()" [period]="period()" />
  `,
})
export class DashboardPage {
  /** From the route (`/c/:slug`) and its query string, bound by the router. */
  readonly slug = input.required<string>();
  readonly from = input<string | undefined>();
  readonly to = input<string | undefined>();
  readonly granularity = input<string | undefined>();

  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly transloco = inject(TranslocoService);
  private readonly details = inject(CooperativeDetails);
  protected readonly lang = inject(Language).current;

  protected readonly presets = PERIOD_PRESETS;
  protected readonly moneyKpis = [
    'contributions',
    'loansDisbursed',
    'repayments',
    'expenses',
    'penalties',
    'income',
  ] as const;
  private readonly today = computed(() => this.details.today());

  /** The period shown: the URL's, until the user picks another one (which goes to the URL too). */
  protected readonly period = linkedSignal<Period>(() =>
    periodFromQuery({ from: this.from(), to: this.to(), granularity: this.granularity() }, this.today()),
  );
  protected readonly preset = computed(() => presetOf(this.period(), this.today()));

  protected readonly dashboard = httpResource<DashboardResponse>(() => ({
    url: dashboardUrl(this.slug()),
    params: periodQuery(this.period()),
  }));
  protected readonly errorKey = computed(() => problemMessageKey(toProblem(this.dashboard.error())));
  private readonly data = computed(() => (this.dashboard.hasValue() ? this.dashboard.value() : null));

  protected readonly contributions = computed(() => {
    const d = this.data();
    return d ? contributionsSeries(d, this.lang()) : [];
  });
  protected readonly loans = computed(() => {
    const d = this.data();
    this.lang();
    return d
      ? disbursedVsRepaid(d, this.lang(), {
          disbursed: this.transloco.translate('ledger.kind.loan_disbursement'),
          repaid: this.transloco.translate('ledger.kind.repayment'),
        })
      : [];
  });
  protected readonly expenses = computed(() => {
    const d = this.data();
    this.lang();
    return d ? expensesSeries(d, (c) => this.categoryLabel(c)) : [];
  });
  protected readonly severities = computed(() => {
    const d = this.data();
    this.lang();
    return d ? severitySeries(d.findingsBySeverity, (s) => this.transloco.translate(`severity.${s}`)) : [];
  });
  protected readonly severityScheme = computed(() => {
    const d = this.data();
    return scheme(d ? [...d.findingsBySeverity].reverse().map((s) => SEVERITY_COLORS[s.severity] ?? '#5f6368') : []);
  });
  protected readonly par30 = computed(() => {
    const d = this.data();
    return d ? formatBasisPoints(d.portfolio.par30BasisPoints, this.lang()) : '';
  });
  protected readonly openCases = computed(
    () => this.data()?.findingsBySeverity.reduce((n, s) => n + s.openCases, 0) ?? 0,
  );

  protected readonly primaryScheme = scheme(['#1b6c4f']);
  protected readonly loansScheme = scheme(['#1b6c4f', '#e8710a']);
  /** Counts of cases: no "0.5" ticks. */
  protected readonly wholeNumbers = (value: number) => (Number.isInteger(value) ? String(value) : '');
  protected readonly compact = (value: number) =>
    new Intl.NumberFormat(this.lang(), { notation: 'compact', maximumFractionDigits: 1 }).format(value);

  protected label(bucket: { start: string }, granularity: DashboardGranularity): string {
    return bucketLabel(bucket, granularity, this.lang());
  }

  protected categoryLabel(category: string): string {
    const key = `ledger.category.${category}`;
    const text = this.transloco.translate(key);
    return text === key ? category : text;
  }

  protected pick(preset: PeriodPreset): void {
    this.choose(presetPeriod(preset, this.today(), this.period().granularity));
  }

  protected setDates(from: string, to: string): void {
    if (!from || !to || from > to) return;
    this.choose({ ...this.period(), from, to });
  }

  protected setGranularity(value: string): void {
    this.choose({
      ...this.period(),
      granularity: value === 'week' ? 'week' : ('month' satisfies DashboardGranularity),
    });
  }

  private choose(period: Period): void {
    this.period.set(period);
    void this.router.navigate([], { relativeTo: this.route, queryParams: periodQuery(period), replaceUrl: true });
  }
}
