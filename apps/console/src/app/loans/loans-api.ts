import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  AssessPenaltyRequest,
  DisburseLoanRequest,
  LoanDecisionRequest,
  LoanResponse,
  RepaymentResponse,
  RepayLoanRequest,
  RequestLoanRequest,
  WriteOffLoanRequest,
} from '@kotizo/contracts';
import { type Observable, tap } from 'rxjs';
import { cooperativeUrl } from '../cooperative/cooperative-api';
import { type SubmissionKey, retryTransient } from '../core/http/idempotency';

export const loansUrl = (slug: string) => `${cooperativeUrl(slug)}/loans`;
export const loanUrl = (slug: string, id: string) => `${loansUrl(slug)}/${encodeURIComponent(id)}`;
export const portfolioUrl = (slug: string) => `${cooperativeUrl(slug)}/portfolio`;

/**
 * A loan's life in calls. Requests, disbursements and repayments move money or create
 * records: each carries its submission's Idempotency-Key and is re-sent on a network failure.
 */
@Injectable({ providedIn: 'root' })
export class LoansApi {
  private readonly http = inject(HttpClient);

  request(slug: string, body: RequestLoanRequest, submission: SubmissionKey): Observable<LoanResponse> {
    return this.idempotent<LoanResponse>(loansUrl(slug), `loan:${slug}`, body, submission);
  }

  decide(slug: string, id: string, body: LoanDecisionRequest): Observable<LoanResponse> {
    return this.http.post<LoanResponse>(`${loanUrl(slug, id)}/decision`, body);
  }

  disburse(slug: string, id: string, body: DisburseLoanRequest, submission: SubmissionKey): Observable<LoanResponse> {
    return this.idempotent<LoanResponse>(`${loanUrl(slug, id)}/disbursement`, `disburse:${id}`, body, submission);
  }

  repay(slug: string, id: string, body: RepayLoanRequest, submission: SubmissionKey): Observable<RepaymentResponse> {
    return this.idempotent<RepaymentResponse>(`${loanUrl(slug, id)}/repayments`, `repay:${id}`, body, submission);
  }

  /** Charges a penalty on a late installment; the updated loan comes back. */
  assessPenalty(slug: string, id: string, body: AssessPenaltyRequest): Observable<LoanResponse> {
    return this.http.post<LoanResponse>(`${loanUrl(slug, id)}/penalties`, body);
  }

  writeOff(slug: string, id: string, body: WriteOffLoanRequest): Observable<LoanResponse> {
    return this.http.post<LoanResponse>(`${loanUrl(slug, id)}/write-off`, body);
  }

  private idempotent<T>(url: string, operation: string, body: object, submission: SubmissionKey): Observable<T> {
    const key = submission.keyFor(operation, body);
    return this.http.post<T>(url, body, { headers: { 'Idempotency-Key': key } }).pipe(
      retryTransient(),
      tap(() => submission.settle()),
    );
  }
}
