import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, input, linkedSignal, signal } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatPaginatorModule, type PageEvent } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import { Router, RouterLink } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import type { MemberResponse, Page } from '@kotizo/contracts';
import { debounceTime, distinctUntilChanged } from 'rxjs';
import { CanDirective } from '../core/abilities/can.directive';
import { problemMessageKey, toProblem } from '../core/http/problem';
import { Language } from '../core/i18n/language';
import { Viewport } from '../core/layout/viewport';
import { KzDayPipe } from '../core/ui/day.pipe';
import { StatusChip } from '../core/ui/status-chip';
import { MemberDirectory } from './member-directory';
import { MemberFormDialog, type MemberFormDialogData } from './member-form-dialog';
import { MEMBER_STATUS_VALUES } from './member-mappers';
import { memberListParams, membersUrl } from './members-api';

@Component({
  selector: 'kz-member-list-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    RouterLink,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatPaginatorModule,
    MatProgressBarModule,
    MatSelectModule,
    TranslocoPipe,
    CanDirective,
    KzDayPipe,
    StatusChip,
  ],
  templateUrl: './member-list-page.html',
  styleUrl: './member-list-page.scss',
})
export class MemberListPage {
  /** From the route (`/c/:slug/members`), bound by the router. */
  readonly slug = input.required<string>();

  private readonly dialog = inject(MatDialog);
  private readonly router = inject(Router);
  private readonly snackBar = inject(MatSnackBar);
  private readonly transloco = inject(TranslocoService);
  private readonly directory = inject(MemberDirectory);
  protected readonly lang = inject(Language).current;
  protected readonly handset = inject(Viewport).handset;

  protected readonly statuses = MEMBER_STATUS_VALUES;
  protected readonly search = signal('');
  protected readonly status = signal('');
  protected readonly pageSize = signal(25);
  private readonly query = toSignal(toObservable(this.search).pipe(debounceTime(300), distinctUntilChanged()), {
    initialValue: '',
  });
  /** Back to the first page whenever the filters change. */
  protected readonly pageIndex = linkedSignal({
    source: () => [this.slug(), this.query(), this.status(), this.pageSize()],
    computation: () => 0,
  });

  protected readonly members = httpResource<Page<MemberResponse>>(() => ({
    url: membersUrl(this.slug()),
    params: memberListParams({
      limit: this.pageSize(),
      offset: this.pageIndex() * this.pageSize(),
      q: this.query(),
      status: this.status(),
    }),
  }));
  protected readonly loadErrorKey = computed(() => problemMessageKey(toProblem(this.members.error())));

  protected onPage(event: PageEvent): void {
    this.pageSize.set(event.pageSize);
    this.pageIndex.set(event.pageIndex);
  }

  protected openAdd(): void {
    this.dialog
      .open<MemberFormDialog, MemberFormDialogData, MemberResponse>(MemberFormDialog, {
        data: { slug: this.slug(), member: null },
        maxWidth: '560px',
        width: 'calc(100vw - 16px)',
      })
      .afterClosed()
      .subscribe((member) => {
        if (!member) return;
        this.directory.remember(this.slug(), [member]);
        this.snackBar.open(this.transloco.translate('members.add.done', { name: member.fullName }), undefined, {
          duration: 5000,
        });
        void this.router.navigate(['/c', this.slug(), 'members', member.id]);
      });
  }
}
