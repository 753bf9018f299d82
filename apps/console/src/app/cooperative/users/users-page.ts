import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, input, linkedSignal, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatPaginatorModule, type PageEvent } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import type { CooperativeUserResponse, Page, UpdateCooperativeUserRequest } from '@kotizo/contracts';
import { COOPERATIVE_ROLES, type CooperativeRole } from '@kotizo/domain';
import { CanDirective } from '../../core/abilities/can.directive';
import { AbilityService } from '../../core/abilities/ability.service';
import { Session } from '../../core/auth/session';
import { problemMessageKey, toProblem } from '../../core/http/problem';
import { Viewport } from '../../core/layout/viewport';
import { ConfirmDialog, type ConfirmDialogData, type ConfirmDialogResult } from '../../core/ui/confirm-dialog';
import { TemporaryPasswordDialog, type TemporaryPasswordDialogData } from '../../core/ui/temporary-password-dialog';
import { CooperativeApi, usersUrl } from '../cooperative-api';
import { AddUserDialog, type AddUserDialogData } from './add-user-dialog';

@Component({
  selector: 'kz-users-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    MatButtonModule,
    MatCardModule,
    MatIconModule,
    MatPaginatorModule,
    MatProgressBarModule,
    MatSelectModule,
    TranslocoPipe,
    CanDirective,
  ],
  templateUrl: './users-page.html',
  styleUrl: './users-page.scss',
})
export class UsersPage {
  /** From the route (`/c/:slug/users`), bound by the router. */
  readonly slug = input.required<string>();

  private readonly api = inject(CooperativeApi);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly transloco = inject(TranslocoService);
  private readonly abilities = inject(AbilityService);
  private readonly session = inject(Session);
  protected readonly handset = inject(Viewport).handset;

  protected readonly roles = COOPERATIVE_ROLES;
  protected readonly pageSize = signal(25);
  protected readonly pageIndex = linkedSignal({
    source: () => [this.slug(), this.pageSize()],
    computation: () => 0,
  });
  protected readonly busyId = signal<string | null>(null);
  protected readonly canUpdate = computed(() => this.abilities.can('update', 'CooperativeUser'));
  protected readonly myId = computed(() => this.session.me()?.id ?? null);

  protected readonly users = httpResource<Page<CooperativeUserResponse>>(() => ({
    url: usersUrl(this.slug()),
    params: { limit: this.pageSize(), offset: this.pageIndex() * this.pageSize() },
  }));
  protected readonly loadErrorKey = computed(() => problemMessageKey(toProblem(this.users.error())));

  protected onPage(event: PageEvent): void {
    this.pageSize.set(event.pageSize);
    this.pageIndex.set(event.pageIndex);
  }

  protected openAddUser(): void {
    this.dialog
      .open<AddUserDialog, AddUserDialogData, CooperativeUserResponse>(AddUserDialog, {
        data: { slug: this.slug() },
      })
      .afterClosed()
      .subscribe((user) => {
        if (!user) return;
        this.users.reload();
        this.dialog.open<TemporaryPasswordDialog, TemporaryPasswordDialogData>(TemporaryPasswordDialog, {
          data: {
            subject: user.name,
            name: user.name,
            email: user.email,
            temporaryPassword: user.temporaryPassword ?? null,
          },
          disableClose: true,
          maxWidth: '560px',
        });
      });
  }

  protected changeRole(user: CooperativeUserResponse, role: CooperativeRole): void {
    if (role !== user.role) this.save(user, { role }, 'users.roleChanged');
  }

  protected toggleActive(user: CooperativeUserResponse): void {
    if (!user.active) {
      this.save(user, { active: true }, 'users.reactivated');
      return;
    }
    const data: ConfirmDialogData = {
      titleKey: 'users.deactivate.title',
      messageKey: 'users.deactivate.message',
      confirmKey: 'users.deactivate.confirm',
      params: { name: user.name },
      danger: true,
    };
    this.dialog
      .open<ConfirmDialog, ConfirmDialogData, ConfirmDialogResult>(ConfirmDialog, { data })
      .afterClosed()
      .subscribe((confirmed) => {
        if (confirmed) this.save(user, { active: false }, 'users.deactivated');
      });
  }

  private save(user: CooperativeUserResponse, body: UpdateCooperativeUserRequest, doneKey: string) {
    this.busyId.set(user.id);
    this.api.updateUser(this.slug(), user.id, body).subscribe({
      next: () => {
        this.busyId.set(null);
        this.notify(this.transloco.translate(doneKey, { name: user.name }));
        this.users.reload();
      },
      error: (error: unknown) => {
        this.busyId.set(null);
        this.notify(this.transloco.translate(problemMessageKey(toProblem(error))));
        this.users.reload();
      },
    });
  }

  private notify(message: string): void {
    this.snackBar.open(message, undefined, { duration: 5000 });
  }
}
