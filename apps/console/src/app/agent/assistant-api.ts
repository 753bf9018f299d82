import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  AssistantThreadResponse,
  AssistantTurnResponse,
  ExplainRequest,
  ExplanationResponse,
} from '@kotizo/contracts';
import { type Observable, tap } from 'rxjs';
import { cooperativeUrl } from '../cooperative/cooperative-api';
import type { MonthlyReport } from './monthly-report';

export const explainUrl = (slug: string) => `${cooperativeUrl(slug)}/assistant/explain`;
export const monthlyReportUrl = (slug: string) => `${cooperativeUrl(slug)}/assistant/monthly-report`;
export const monthlyReportCsvUrl = (slug: string) => `${cooperativeUrl(slug)}/assistant/monthly-report.csv`;

export const threadsUrl = (slug: string) => `${cooperativeUrl(slug)}/assistant/threads`;
export const threadUrl = (slug: string, threadId: string) => `${threadsUrl(slug)}/${encodeURIComponent(threadId)}`;
export const threadMessagesUrl = (slug: string, threadId: string) => `${threadUrl(slug, threadId)}/messages`;

export type ReportLocale = 'fr' | 'en';

/** The CSV's separator: Excel in French wants ";" (the comma is the decimal mark there). */
export const csvDelimiter = (locale: ReportLocale) => (locale === 'fr' ? ';' : ',');

/**
 * The assistant: explanations of a movement, a balance or the cash, and the monthly report.
 * A report written by a model costs tokens, so the last one is kept for its printable page.
 */
@Injectable({ providedIn: 'root' })
export class AssistantApi {
  private readonly http = inject(HttpClient);
  /** Only the last report: enough for its printable page, and no store of the books in memory. */
  private last: { key: string; report: MonthlyReport } | null = null;

  explain(slug: string, body: ExplainRequest): Observable<ExplanationResponse> {
    return this.http.post<ExplanationResponse>(explainUrl(slug), body);
  }

  monthlyReport(slug: string, month: string, locale: ReportLocale): Observable<MonthlyReport> {
    return this.http
      .get<MonthlyReport>(monthlyReportUrl(slug), { params: { month, locale } })
      .pipe(tap((report) => (this.last = { key: reportKey(slug, month, locale), report })));
  }

  /** The caller's own conversations, newest first. */
  threads(slug: string): Observable<AssistantThreadResponse[]> {
    return this.http.get<AssistantThreadResponse[]>(threadsUrl(slug));
  }

  createThread(slug: string, title?: string): Observable<AssistantThreadResponse> {
    return this.http.post<AssistantThreadResponse>(threadsUrl(slug), title ? { title } : {});
  }

  /** A conversation's turns, oldest first. */
  thread(slug: string, threadId: string): Observable<AssistantTurnResponse[]> {
    return this.http.get<AssistantTurnResponse[]>(threadUrl(slug, threadId));
  }

  /** The report written last for this month and language, if any. */
  lastReport(slug: string, month: string, locale: ReportLocale): MonthlyReport | null {
    return this.last?.key === reportKey(slug, month, locale) ? this.last.report : null;
  }

  /** The report as CSV text (section, item, value), with the language's separator. */
  monthlyReportCsv(slug: string, month: string, locale: ReportLocale): Observable<string> {
    return this.http.get(monthlyReportCsvUrl(slug), {
      params: { month, locale, delimiter: csvDelimiter(locale) },
      responseType: 'text',
    });
  }
}

const reportKey = (slug: string, month: string, locale: string) => `${slug}|${month}|${locale}`;
