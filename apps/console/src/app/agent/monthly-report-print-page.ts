import { DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, ViewEncapsulation, computed, inject, input } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { of } from 'rxjs';
import { Language } from '../core/i18n/language';
import { KzDatePipe } from '../core/ui/date.pipe';
import { LoadStatus } from '../core/ui/load-status';
import { provideAgentTexts } from './agent-scope';
import { AssistantApi } from './assistant-api';
import { monthLabel } from './monthly-report';
import { MonthlyReportView } from './monthly-report-view';

/**
 * The monthly report as a page to print (`/c/:slug/assistant/report/:month`): the report last
 * written for that month, or a new one. Printed, only the report is kept (no toolbar, menu or
 * buttons), black on white, sized for A4. The print rules are global on purpose (they must
 * reach the shell), and Angular removes them with this page.
 */
@Component({
  selector: 'kz-monthly-report-print-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  providers: [provideAgentTexts()],
  encapsulation: ViewEncapsulation.None,
  imports: [RouterLink, MatButtonModule, MatIconModule, TranslocoPipe, KzDatePipe, LoadStatus, MonthlyReportView],
  styleUrl: './monthly-report-print-page.scss',
  template: `
    <header class="page-header kz-no-print">
      <a
        mat-icon-button
        [routerLink]="['/c', slug(), 'assistant']"
        [attr.aria-label]="'common.back' | transloco"
        data-testid="back"
      >
        <mat-icon svgIcon="back" />
      </a>
      <h1 class="page-title">{{ 'agent.report.printTitle' | transloco }}</h1>
      <button
        mat-flat-button
        type="button"
        (click)="print()"
        [disabled]="!report.hasValue()"
        data-testid="monthly-report-print-now"
      >
        <mat-icon svgIcon="print" />
        {{ 'agent.report.print' | transloco }}
      </button>
    </header>
    <kz-load-status [loading]="report.isLoading()" [error]="report.error()" />
    @if (report.hasValue()) {
      @let r = report.value();
      <article class="kz-print-sheet" data-testid="monthly-report-sheet">
        <h2 class="sheet-title">
          {{ 'agent.report.title' | transloco: { month: monthName(), name: r.cooperative.name } }}
        </h2>
        <p class="sheet-meta">
          {{ 'agent.report.period' | transloco: { from: (r.from | kzDate: lang()), to: (r.to | kzDate: lang()) } }}
          · {{ 'agent.report.generatedAt' | transloco: { date: (r.generatedAt | kzDate: lang() : true) } }}
        </p>
        <kz-monthly-report-view [slug]="slug()" [report]="r" [lang]="lang()" />
      </article>
    }
  `,
})
export class MonthlyReportPrintPage {
  /** From the route, bound by the router. */
  readonly slug = input.required<string>();
  readonly month = input.required<string>();

  private readonly api = inject(AssistantApi);
  private readonly document = inject(DOCUMENT);
  protected readonly lang = inject(Language).current;

  protected readonly report = rxResource({
    params: () => ({ slug: this.slug(), month: this.month(), locale: this.lang() === 'en' ? 'en' : 'fr' }) as const,
    stream: ({ params }) => {
      const last = this.api.lastReport(params.slug, params.month, params.locale);
      return last ? of(last) : this.api.monthlyReport(params.slug, params.month, params.locale);
    },
  });
  protected readonly monthName = computed(() => monthLabel(this.month(), this.lang()));

  protected print(): void {
    this.document.defaultView?.print();
  }
}
