import { Injectable, inject } from '@angular/core';
import { MatDialog } from '@angular/material/dialog';
import { MatSnackBar } from '@angular/material/snack-bar';
import { TranslocoService } from '@jsverse/transloco';
import type { LoanResponse } from '@kotizo/contracts';
import { formatMoney } from '@kotizo/domain';
import { EMPTY, type Observable, catchError, filter, switchMap, tap } from 'rxjs';
import { problemMessageKey, toProblem } from '../core/http/problem';
import { ReasonDialog, type ReasonDialogData, type ReasonDialogResult } from '../core/ui/reason-dialog';
import { LoansApi } from './loans-api';

/** Refusals of a decision that deserve their own explanation. */
const REFUSALS: Record<string, string> = {
  self_approval: 'loans.decision.selfApproval',
  loan_not_requested: 'loans.decision.notRequested',
};

/**
 * Approves or rejects a requested loan, after a confirmation with an optional note. The
 * requester may not decide their own request (maker-checker): pages hide the button for them,
 * and a 403 self_approval from the API is explained the same way.
 */
@Injectable({ providedIn: 'root' })
export class LoanDecision {
  private readonly api = inject(LoansApi);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly transloco = inject(TranslocoService);

  decide(
    slug: string,
    loan: LoanResponse,
    decision: 'approve' | 'reject',
    borrower: string,
    lang: string,
  ): Observable<LoanResponse> {
    const params = {
      number: String(loan.number),
      name: borrower,
      amount: formatMoney(loan.principal, loan.currency, lang),
    };
    return this.dialog
      .open<ReasonDialog, ReasonDialogData, ReasonDialogResult>(ReasonDialog, {
        data: {
          titleKey: `loans.decision.${decision}.title`,
          messageKey: `loans.decision.${decision}.message`,
          confirmKey: `loans.decision.${decision}.confirm`,
          reasonKey: 'loans.decision.note',
          params,
          required: false,
          danger: decision === 'reject',
        },
        maxWidth: '520px',
        width: 'calc(100vw - 16px)',
      })
      .afterClosed()
      .pipe(
        filter((note): note is string => note !== undefined),
        switchMap((note) => this.api.decide(slug, loan.id, note ? { decision, note } : { decision })),
        tap(() => this.notify(this.transloco.translate(`loans.decision.${decision}.done`, params))),
        catchError((error: unknown) => {
          const problem = toProblem(error);
          this.notify(this.transloco.translate(REFUSALS[problem.code] ?? problemMessageKey(problem)));
          return EMPTY;
        }),
      );
  }

  private notify(message: string): void {
    this.snackBar.open(message, undefined, { duration: 6000 });
  }
}
