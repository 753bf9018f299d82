import { httpResource } from '@angular/common/http';
import { NgTemplateOutlet } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject, linkedSignal, signal } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatPaginatorModule, type PageEvent } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import type { CooperativeResponse, Page } from '@kotizo/contracts';
import { COOPERATIVE_STATUSES } from '@kotizo/domain';
import { debounceTime, distinctUntilChanged } from 'rxjs';
import { CanDirective } from '../core/abilities/can.directive';
import { problemMessageKey, toProblem } from '../core/http/problem';
import { Language } from '../core/i18n/language';
import { Viewport } from '../core/layout/viewport';
import { ConfirmDialog, type ConfirmDialogData, type ConfirmDialogResult } from '../core/ui/confirm-dialog';
import { KzDatePipe } from '../core/ui/date.pipe';
import { StatusChip } from '../core/ui/status-chip';
import { provideDashboardTexts } from '../dashboards/dashboards-scope';
import { FederationApi, cooperativeListParams } from './federation-api';

@Component({
  selector: 'kz-cooperative-list-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    NgTemplateOutlet,
    RouterLink,
    MatButtonModule,
    MatCardModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatPaginatorModule,
    MatProgressBarModule,
    MatSelectModule,
    MatTableModule,
    TranslocoPipe,
    CanDirective,
    KzDatePipe,
    StatusChip,
  ],
  // The overview link's text.
  providers: [provideDashboardTexts()],
  templateUrl: './cooperative-list-page.html',
  styleUrl: './cooperative-list-page.scss',
})
export class CooperativeListPage {
  private readonly api = inject(FederationApi);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly transloco = inject(TranslocoService);
  protected readonly lang = inject(Language).current;
  protected readonly handset = inject(Viewport).handset;

  protected readonly statuses = COOPERATIVE_STATUSES;
  protected readonly columns = ['name', 'country', 'currency', 'status', 'createdAt', 'actions'];
  protected readonly search = signal('');
  protected readonly status = signal('');
  protected readonly pageSize = signal(10);
  private readonly query = toSignal(toObservable(this.search).pipe(debounceTime(300), distinctUntilChanged()), {
    initialValue: '',
  });
  /** Back to the first page whenever the filters change. */
  protected readonly pageIndex = linkedSignal({
    source: () => [this.query(), this.status(), this.pageSize()],
    computation: () => 0,
  });
  protected readonly busySlug = signal<string | null>(null);

  protected readonly cooperatives = httpResource<Page<CooperativeResponse>>(() => ({
    url: '/api/v1/coops',
    params: cooperativeListParams({
      limit: this.pageSize(),
      offset: this.pageIndex() * this.pageSize(),
      q: this.query(),
      status: this.status(),
    }),
  }));

  protected onPage(event: PageEvent): void {
    this.pageSize.set(event.pageSize);
    this.pageIndex.set(event.pageIndex);
  }

  protected loadErrorKey(): string {
    return problemMessageKey(toProblem(this.cooperatives.error()));
  }

  protected changeStatus(coop: CooperativeResponse, status: 'active' | 'suspended'): void {
    const suspend = status === 'suspended';
    const data: ConfirmDialogData = {
      titleKey: suspend ? 'cooperatives.suspend.title' : 'cooperatives.reactivate.title',
      messageKey: suspend ? 'cooperatives.suspend.message' : 'cooperatives.reactivate.message',
      confirmKey: suspend ? 'cooperatives.suspend.confirm' : 'cooperatives.reactivate.confirm',
      params: { name: coop.name },
      withReason: suspend,
      danger: suspend,
    };
    this.dialog
      .open<ConfirmDialog, ConfirmDialogData, ConfirmDialogResult>(ConfirmDialog, { data })
      .afterClosed()
      .subscribe((result) => {
        if (result) this.saveStatus(coop, status, result.reason);
      });
  }

  private saveStatus(coop: CooperativeResponse, status: 'active' | 'suspended', reason?: string) {
    this.busySlug.set(coop.slug);
    this.api.setStatus(coop.slug, reason ? { status, reason } : { status }).subscribe({
      next: () => {
        this.busySlug.set(null);
        const key = status === 'suspended' ? 'cooperatives.suspended' : 'cooperatives.reactivated';
        this.snackBar.open(this.transloco.translate(key, { name: coop.name }), undefined, {
          duration: 4000,
        });
        this.cooperatives.reload();
      },
      error: (error: unknown) => {
        this.busySlug.set(null);
        const message = this.transloco.translate(problemMessageKey(toProblem(error)));
        this.snackBar.open(message, undefined, { duration: 6000 });
      },
    });
  }
}
