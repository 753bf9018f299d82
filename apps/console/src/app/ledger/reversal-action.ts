import { Injectable, inject } from '@angular/core';
import { MatDialog } from '@angular/material/dialog';
import { MatSnackBar } from '@angular/material/snack-bar';
import { TranslocoService } from '@jsverse/transloco';
import type { TransactionResponse } from '@kotizo/contracts';
import { formatMoney } from '@kotizo/domain';
import { EMPTY, type Observable, catchError, filter, switchMap, tap } from 'rxjs';
import { SubmissionKey } from '../core/http/idempotency';
import { problemMessageKey, toProblem } from '../core/http/problem';
import { ReasonDialog, type ReasonDialogData, type ReasonDialogResult } from '../core/ui/reason-dialog';
import { LedgerApi } from './ledger-api';

/** 409 codes of a refused reversal, each with its own explanation. */
const REFUSALS: Record<string, string> = {
  already_reversed: 'journal.reverse.alreadyReversed',
  cannot_reverse_reversal: 'journal.reverse.isReversal',
  reverse_loan_disbursement: 'journal.reverse.isDisbursement',
};

/**
 * Reverses an entry after the user confirmed it and gave a reason. Retrying the same
 * reversal (same entry, same reason) after a failure reuses its Idempotency-Key.
 */
@Injectable({ providedIn: 'root' })
export class ReversalAction {
  private readonly api = inject(LedgerApi);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly transloco = inject(TranslocoService);
  private readonly submission = new SubmissionKey();

  /** Emits the reversal once recorded; completes without a value when cancelled or refused. */
  run(slug: string, entry: TransactionResponse, lang: string): Observable<TransactionResponse> {
    const params = {
      kind: this.transloco.translate(`ledger.kind.${entry.kind}`),
      amount: formatMoney(entry.amount, entry.currency, lang),
      seq: String(entry.seq),
    };
    return this.dialog
      .open<ReasonDialog, ReasonDialogData, ReasonDialogResult>(ReasonDialog, {
        data: {
          titleKey: 'journal.reverse.title',
          messageKey: 'journal.reverse.message',
          params,
          confirmKey: 'journal.reverse.confirm',
          required: true,
          danger: true,
        },
        maxWidth: '520px',
        width: 'calc(100vw - 16px)',
      })
      .afterClosed()
      .pipe(
        filter((reason): reason is string => reason !== undefined),
        switchMap((reason) => this.api.reverse(slug, entry.id, { reason }, this.submission)),
        tap(() => this.notify(this.transloco.translate('journal.reverse.done', params))),
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
