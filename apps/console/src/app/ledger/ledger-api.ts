import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  LedgerVerification,
  RecordTransactionRequest,
  ReverseTransactionRequest,
  TransactionResponse,
} from '@kotizo/contracts';
import { type Observable, tap } from 'rxjs';
import { cooperativeUrl } from '../cooperative/cooperative-api';
import { type SubmissionKey, retryTransient } from '../core/http/idempotency';

export const transactionsUrl = (slug: string) => `${cooperativeUrl(slug)}/transactions`;
export const transactionUrl = (slug: string, id: string) => `${transactionsUrl(slug)}/${encodeURIComponent(id)}`;
export const balancesUrl = (slug: string) => `${cooperativeUrl(slug)}/balances`;
export const memberSummaryUrl = (slug: string, memberId: string) =>
  `${cooperativeUrl(slug)}/members/${encodeURIComponent(memberId)}/summary`;

export interface JournalQuery {
  limit: number;
  offset: number;
  /** Empty for every kind, member or date. */
  kind?: string;
  memberId?: string;
  from?: string;
  to?: string;
}

/** Query string of the journal, leaving out empty filters. */
export function journalParams(query: JournalQuery): Record<string, string> {
  const params: Record<string, string> = { limit: String(query.limit), offset: String(query.offset) };
  for (const name of ['kind', 'memberId', 'from', 'to'] as const) {
    const value = query[name];
    if (value) params[name] = value;
  }
  return params;
}

/**
 * Writes to the journal, and the reads that are not a page's own `httpResource`. Every write
 * carries the Idempotency-Key of its submission (see SubmissionKey) and is re-sent as is on a
 * network failure, so nothing is ever recorded twice.
 */
@Injectable({ providedIn: 'root' })
export class LedgerApi {
  private readonly http = inject(HttpClient);

  record(slug: string, body: RecordTransactionRequest, submission: SubmissionKey): Observable<TransactionResponse> {
    const key = submission.keyFor(`record:${slug}`, body);
    return this.http
      .post<TransactionResponse>(transactionsUrl(slug), body, { headers: { 'Idempotency-Key': key } })
      .pipe(
        retryTransient(),
        tap(() => submission.settle()),
      );
  }

  reverse(
    slug: string,
    id: string,
    body: ReverseTransactionRequest,
    submission: SubmissionKey,
  ): Observable<TransactionResponse> {
    const key = submission.keyFor(`reverse:${slug}:${id}`, body);
    return this.http
      .post<TransactionResponse>(`${transactionUrl(slug, id)}/reversal`, body, {
        headers: { 'Idempotency-Key': key },
      })
      .pipe(
        retryTransient(),
        tap(() => submission.settle()),
      );
  }

  verify(slug: string): Observable<LedgerVerification> {
    return this.http.get<LedgerVerification>(`${cooperativeUrl(slug)}/ledger/verification`);
  }
}
