import { ClipboardModule } from '@angular/cdk/clipboard';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { TranslocoPipe } from '@jsverse/transloco';

export interface TemporaryPasswordDialogData {
  /** What was created, e.g. the cooperative's name, for the title. */
  subject: string;
  name: string;
  email: string;
  /** Null when the person already had an account: nothing to hand over. */
  temporaryPassword: string | null;
}

/**
 * Shows a temporary password the one time the API returns it, so the federation or cooperative
 * admin can hand it over. Closing needs an explicit click: it cannot be shown again.
 */
@Component({
  selector: 'kz-temporary-password-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatDialogModule, MatButtonModule, MatIconModule, ClipboardModule, TranslocoPipe],
  styles: `
    .secret {
      display: flex;
      align-items: center;
      gap: 8px;
      padding: 8px 12px;
      border-radius: 8px;
      background: var(--mat-sys-surface-container-high);
      font-family: ui-monospace, 'DejaVu Sans Mono', monospace;
      font-size: 1.15rem;
      word-break: break-all;
    }
    .secret code {
      flex: 1;
    }
    .warning {
      display: flex;
      gap: 8px;
      align-items: flex-start;
      color: var(--mat-sys-error);
    }
  `,
  template: `
    <h2 mat-dialog-title>{{ 'tempPassword.title' | transloco: { subject: data.subject } }}</h2>
    <mat-dialog-content>
      @if (data.temporaryPassword; as password) {
        <p>{{ 'tempPassword.intro' | transloco: { name: data.name, email: data.email } }}</p>
        <div class="secret">
          <code data-testid="temporary-password">{{ password }}</code>
          <button
            mat-icon-button
            type="button"
            [cdkCopyToClipboard]="password"
            (cdkCopyToClipboardCopied)="copied.set($event)"
            [attr.aria-label]="'tempPassword.copy' | transloco"
            data-testid="copy-password"
          >
            <mat-icon svgIcon="copy" />
          </button>
        </div>
        <p role="status" aria-live="polite">
          @if (copied()) {
            {{ 'tempPassword.copied' | transloco }}
          }
        </p>
        <p class="warning">
          <mat-icon svgIcon="warning" />
          <span>{{ 'tempPassword.once' | transloco }}</span>
        </p>
      } @else {
        <p data-testid="existing-account">
          {{ 'tempPassword.existing' | transloco: { name: data.name, email: data.email } }}
        </p>
      }
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-flat-button type="button" mat-dialog-close data-testid="temporary-password-done">
        {{ (data.temporaryPassword ? 'tempPassword.done' : 'common.close') | transloco }}
      </button>
    </mat-dialog-actions>
  `,
})
export class TemporaryPasswordDialog {
  protected readonly data = inject<TemporaryPasswordDialogData>(MAT_DIALOG_DATA);
  protected readonly copied = signal(false);
}
