import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import { RouterLink } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import type { MemberResponse, MemberSummaryResponse } from '@kotizo/contracts';
import { AbilityService } from '../core/abilities/ability.service';
import { CanDirective } from '../core/abilities/can.directive';
import { problemMessageKey, toProblem } from '../core/http/problem';
import { Language } from '../core/i18n/language';
import { KzMoneyPipe } from '../core/money/money.pipe';
import { KzDayPipe } from '../core/ui/day.pipe';
import { ReasonDialog, type ReasonDialogData, type ReasonDialogResult } from '../core/ui/reason-dialog';
import { StatusChip } from '../core/ui/status-chip';
import { memberSummaryUrl } from '../ledger/ledger-api';
import { MemberDirectory } from './member-directory';
import { MemberFormDialog, type MemberFormDialogData } from './member-form-dialog';
import { MemberHistory } from './member-history';
import { MemberLoans } from './member-loans';
import type { MemberStatus } from './member-mappers';
import { MemberStatement } from './member-statement';
import { MembersApi, memberUrl } from './members-api';

@Component({
  selector: 'kz-member-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    RouterLink,
    MatButtonModule,
    MatCardModule,
    MatIconModule,
    MatProgressBarModule,
    TranslocoPipe,
    CanDirective,
    KzDayPipe,
    KzMoneyPipe,
    StatusChip,
    MemberHistory,
    MemberLoans,
    MemberStatement,
  ],
  templateUrl: './member-page.html',
  styleUrl: './member-page.scss',
})
export class MemberPage {
  /** From the route (`/c/:slug/members/:memberId`), bound by the router. */
  readonly slug = input.required<string>();
  readonly memberId = input.required<string>();

  private readonly api = inject(MembersApi);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly transloco = inject(TranslocoService);
  private readonly abilities = inject(AbilityService);
  private readonly directory = inject(MemberDirectory);
  protected readonly lang = inject(Language).current;

  protected readonly busy = signal(false);
  /** Bumped after each change, so the history shows it. */
  protected readonly version = signal(0);
  protected readonly canReadTransactions = computed(() => this.abilities.can('read', 'Transaction'));
  protected readonly canReadLoans = computed(() => this.abilities.can('read', 'Loan'));

  protected readonly member = httpResource<MemberResponse>(() => memberUrl(this.slug(), this.memberId()));
  protected readonly summary = httpResource<MemberSummaryResponse>(() => {
    this.version();
    return memberSummaryUrl(this.slug(), this.memberId());
  });
  protected readonly errorKey = computed(() => problemMessageKey(toProblem(this.member.error())));
  protected readonly summaryErrorKey = computed(() => problemMessageKey(toProblem(this.summary.error())));

  constructor() {
    effect(() => {
      if (this.member.hasValue()) this.directory.remember(this.slug(), [this.member.value()]);
    });
  }

  protected edit(member: MemberResponse): void {
    this.dialog
      .open<MemberFormDialog, MemberFormDialogData, MemberResponse>(MemberFormDialog, {
        data: { slug: this.slug(), member },
        maxWidth: '560px',
        width: 'calc(100vw - 16px)',
      })
      .afterClosed()
      .subscribe((saved) => {
        if (!saved || saved === member) return;
        this.saved(saved, 'members.edit.done');
      });
  }

  protected changeStatus(member: MemberResponse, status: MemberStatus): void {
    const params = { name: member.fullName };
    this.dialog
      .open<ReasonDialog, ReasonDialogData, ReasonDialogResult>(ReasonDialog, {
        data: {
          titleKey: `members.status.${status}.title`,
          messageKey: `members.status.${status}.message`,
          confirmKey: `members.status.${status}.confirm`,
          params,
          // Reactivating needs no reason; suspending or recording an exit does.
          required: status !== 'active',
          danger: status !== 'active',
        },
        maxWidth: '520px',
        width: 'calc(100vw - 16px)',
      })
      .afterClosed()
      .subscribe((reason) => {
        if (reason === undefined) return;
        this.busy.set(true);
        this.api.setStatus(this.slug(), member.id, reason ? { status, reason } : { status }).subscribe({
          next: (saved) => this.saved(saved, `members.status.${status}.done`),
          error: (error: unknown) => {
            this.busy.set(false);
            this.notify(this.transloco.translate(problemMessageKey(toProblem(error))));
          },
        });
      });
  }

  private saved(member: MemberResponse, doneKey: string): void {
    this.busy.set(false);
    this.member.set(member);
    this.directory.remember(this.slug(), [member]);
    this.version.update((v) => v + 1);
    this.notify(this.transloco.translate(doneKey, { name: member.fullName }));
  }

  private notify(message: string): void {
    this.snackBar.open(message, undefined, { duration: 5000 });
  }
}
