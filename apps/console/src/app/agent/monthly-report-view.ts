import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { SEVERITY_LEVELS } from '@kotizo/contracts';
import { KzMoneyPipe } from '../core/money/money.pipe';
import { KzDatePipe } from '../core/ui/date.pipe';
import { StatusChip } from '../core/ui/status-chip';
import { CitedText } from './cited-text';
import { findingAnchor } from './citations';
import { type MonthlyReport, changePercent, changeRows, monthLabel } from './monthly-report';

const SUMMARY_KEYS = ['cashIn', 'cashOut', 'net'];

/**
 * The monthly report as tables (totals against the month before, closing balances, late
 * payers, open cases, notable findings) and its narrative with footnotes. The same view is
 * the printable page: plain tables, nothing that needs a wide screen or colour to be read.
 */
@Component({
  selector: 'kz-monthly-report-view',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, TranslocoPipe, KzDatePipe, KzMoneyPipe, StatusChip, CitedText],
  templateUrl: './monthly-report-view.html',
  styleUrl: './monthly-report-view.scss',
})
export class MonthlyReportView {
  readonly slug = input.required<string>();
  readonly report = input.required<MonthlyReport>();
  readonly lang = input.required<string>();

  protected readonly severities = [...SEVERITY_LEVELS].reverse();
  protected readonly anchor = findingAnchor;
  protected readonly rows = computed(() => changeRows(this.report()));
  protected readonly monthName = computed(() => monthLabel(this.report().month, this.lang()));
  protected readonly previousName = computed(() => monthLabel(this.report().previousMonth, this.lang()));
  /** A finding the narrative cites is among the notable ones, whose case is known. */
  protected readonly findingCase = computed(() => {
    const cases = new Map(this.report().notableFindings.map((f) => [f.id, f.caseId] as const));
    return (findingId: string) => cases.get(findingId) ?? null;
  });

  protected rowKey(key: string): string {
    return SUMMARY_KEYS.includes(key) ? `agent.report.totals.${key}` : `ledger.kind.${key}`;
  }

  protected percent(basisPoints: number | null): string {
    return changePercent(basisPoints, this.lang()) ?? '—';
  }

  protected localized(text: { fr: string; en: string }): string {
    return this.lang() === 'en' ? text.en : text.fr;
  }
}
