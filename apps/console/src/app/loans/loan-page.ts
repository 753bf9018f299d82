import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, effect, inject, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import { RouterLink } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import type { LoanResponse, Page, RepaymentResponse, TransactionResponse } from '@kotizo/contracts';
import { formatMoney } from '@kotizo/domain';
import { AbilityService } from '../core/abilities/ability.service';
import { Session } from '../core/auth/session';
import { problemMessageKey, toProblem } from '../core/http/problem';
import { Language } from '../core/i18n/language';
import { KzMoneyPipe } from '../core/money/money.pipe';
import { KzDatePipe } from '../core/ui/date.pipe';
import { KzDayPipe } from '../core/ui/day.pipe';
import { ReasonDialog, type ReasonDialogData, type ReasonDialogResult } from '../core/ui/reason-dialog';
import { StatusChip } from '../core/ui/status-chip';
import { transactionsUrl } from '../ledger/ledger-api';
import { TransactionItem } from '../ledger/transaction-item';
import { MemberDirectory } from '../members/member-directory';
import { DisburseDialog, type DisburseDialogData } from './disburse-dialog';
import { LoanDecision } from './loan-decision';
import { LoansApi, loanUrl } from './loans-api';
import { PenaltyDialog, type PenaltyDialogData } from './penalty-dialog';
import { formatPercent } from './rate';
import { RepayDialog, type RepayDialogData } from './repay-dialog';
import { ScheduleTable, type ScheduleRow } from './schedule-table';

/** One loan: terms, position, schedule with each installment's status, and its next step. */
@Component({
  selector: 'kz-loan-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    RouterLink,
    MatButtonModule,
    MatCardModule,
    MatIconModule,
    MatProgressBarModule,
    TranslocoPipe,
    KzDatePipe,
    KzDayPipe,
    KzMoneyPipe,
    StatusChip,
    ScheduleTable,
    TransactionItem,
  ],
  templateUrl: './loan-page.html',
  styleUrl: './loan-page.scss',
})
export class LoanPage {
  /** From the route (`/c/:slug/loans/:loanId`), bound by the router. */
  readonly slug = input.required<string>();
  readonly loanId = input.required<string>();

  private readonly api = inject(LoansApi);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly transloco = inject(TranslocoService);
  private readonly decision = inject(LoanDecision);
  private readonly abilities = inject(AbilityService);
  private readonly session = inject(Session);
  protected readonly directory = inject(MemberDirectory);
  protected readonly lang = inject(Language).current;

  protected readonly loan = httpResource<LoanResponse>(() => loanUrl(this.slug(), this.loanId()));
  protected readonly errorKey = computed(() => problemMessageKey(toProblem(this.loan.error())));
  private readonly value = computed(() => (this.loan.hasValue() ? this.loan.value() : null));

  protected readonly canApprove = computed(() => this.abilities.can('approve', 'Loan'));
  /** Disbursing and repaying write to the journal. */
  protected readonly canPay = computed(() => this.abilities.can('create', 'Transaction'));
  protected readonly canWriteOff = computed(() => this.abilities.can('manage', 'Loan'));
  protected readonly ownRequest = computed(() => this.value()?.requestedBy === this.session.me()?.id);
  protected readonly borrower = computed(() => this.value()?.memberName ?? null);
  protected readonly rate = computed(() => formatPercent(this.value()?.annualRateBasisPoints ?? 0, this.lang()));
  /** Penalties go on late installments of a running loan, by those who approve loans. */
  protected readonly canPenalize = computed(() => this.canApprove() && this.value()?.status === 'disbursed');
  protected readonly canReadEntries = computed(() => this.abilities.can('read', 'Transaction'));
  /** The journal entries of the loan (payout, repayments, reversals), once it has been paid out. */
  protected readonly entries = httpResource<Page<TransactionResponse>>(() =>
    this.value()?.disbursedOn && this.canReadEntries()
      ? {
          url: transactionsUrl(this.slug()),
          params: { loanId: this.loanId(), limit: 100, offset: 0 },
        }
      : undefined,
  );
  /** Before disbursement the schedule is a preview: no status, nothing paid. */
  protected readonly rows = computed<ScheduleRow[]>(() => {
    const loan = this.value();
    if (!loan) return [];
    return loan.position
      ? loan.schedule
      : loan.schedule.map(({ number, dueDate, principal, interest, total }) => ({
          number,
          dueDate,
          principal,
          interest,
          total,
        }));
  });

  constructor() {
    effect(() => {
      const loan = this.value();
      // Loans name their borrower, not their guarantors.
      if (loan) this.directory.load(this.slug(), loan.guarantorIds);
    });
  }

  protected decide(loan: LoanResponse, decision: 'approve' | 'reject'): void {
    this.decision
      .decide(this.slug(), loan, decision, this.borrower() ?? '', this.lang())
      .subscribe((decided) => this.loan.set(decided));
  }

  protected disburse(loan: LoanResponse): void {
    this.dialog
      .open<DisburseDialog, DisburseDialogData, LoanResponse>(DisburseDialog, {
        data: { slug: this.slug(), loan, borrower: this.borrower() ?? '', lang: this.lang() },
        maxWidth: '520px',
        width: 'calc(100vw - 16px)',
      })
      .afterClosed()
      .subscribe((disbursed) => {
        if (!disbursed) return;
        this.loan.set(disbursed);
        this.notify('loans.disburse.done', {
          amount: this.money(disbursed.principal, disbursed.currency),
          name: this.borrower() ?? '',
        });
      });
  }

  protected repay(loan: LoanResponse): void {
    this.dialog
      .open<RepayDialog, RepayDialogData, RepaymentResponse>(RepayDialog, {
        data: { slug: this.slug(), loan, borrower: this.borrower() ?? '', lang: this.lang() },
        maxWidth: '520px',
        width: 'calc(100vw - 16px)',
      })
      .afterClosed()
      .subscribe((repayment) => {
        if (!repayment) return;
        this.loan.set(repayment.loan);
        this.entries.reload();
        const paid = repayment.allocation.reduce((sum, a) => sum + a.penalty + a.interest + a.principal, 0);
        this.notify(repayment.loan.status === 'closed' ? 'loans.repay.doneClosed' : 'loans.repay.done', {
          amount: this.money(paid, repayment.loan.currency),
          number: String(repayment.loan.number),
        });
      });
  }

  protected penalize(loan: LoanResponse, installmentNumber: number): void {
    const installment = loan.schedule.find((i) => i.number === installmentNumber);
    if (!installment) return;
    this.dialog
      .open<PenaltyDialog, PenaltyDialogData, LoanResponse>(PenaltyDialog, {
        data: { slug: this.slug(), loan, installment, borrower: this.borrower() ?? '', lang: this.lang() },
        maxWidth: '520px',
        width: 'calc(100vw - 16px)',
      })
      .afterClosed()
      .subscribe((charged) => {
        if (!charged) return;
        this.loan.set(charged);
        this.notify('loans.penalty.done', { number: String(installmentNumber) });
      });
  }

  protected writeOff(loan: LoanResponse): void {
    const params = { number: String(loan.number), name: this.borrower() ?? '' };
    this.dialog
      .open<ReasonDialog, ReasonDialogData, ReasonDialogResult>(ReasonDialog, {
        data: {
          titleKey: 'loans.writeOff.title',
          messageKey: 'loans.writeOff.message',
          confirmKey: 'loans.writeOff.confirm',
          params,
          required: true,
          danger: true,
        },
        maxWidth: '520px',
        width: 'calc(100vw - 16px)',
      })
      .afterClosed()
      .subscribe((reason) => {
        if (!reason) return;
        this.api.writeOff(this.slug(), loan.id, { reason }).subscribe({
          next: (written) => {
            this.loan.set(written);
            this.notify('loans.writeOff.done', params);
          },
          error: (error: unknown) =>
            this.snackBar.open(this.transloco.translate(problemMessageKey(toProblem(error))), undefined, {
              duration: 6000,
            }),
        });
      });
  }

  private money(amount: number, currency: string): string {
    return formatMoney(amount, currency, this.lang());
  }

  private notify(key: string, params: Record<string, string>): void {
    this.snackBar.open(this.transloco.translate(key, params), undefined, { duration: 6000 });
  }
}
