import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { TranslocoPipe } from '@jsverse/transloco';
import type { LedgerVerification as Verification } from '@kotizo/contracts';
import { problemMessageKey, toProblem } from '../core/http/problem';
import { LedgerApi } from './ledger-api';

/**
 * For auditors and admins: recomputes the journal's hash chain on the server and says whether
 * every entry is as it was recorded, or which one is the first that is not.
 */
@Component({
  selector: 'kz-ledger-verification',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, MatCardModule, MatIconModule, MatProgressBarModule, TranslocoPipe],
  styles: `
    .result {
      display: flex;
      gap: 8px;
      align-items: flex-start;
      padding: 8px 12px;
      border-radius: 8px;
      margin: 12px 0 0;
    }
    .ok {
      background: #d7f5e3;
      color: #0b5a2c;
    }
    .broken {
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
    .hash {
      font-family: ui-monospace, monospace;
      font-size: 0.8em;
      overflow-wrap: anywhere;
    }
  `,
  template: `
    <mat-card appearance="outlined">
      <mat-card-header>
        <mat-card-title>{{ 'verification.title' | transloco }}</mat-card-title>
        <mat-card-subtitle>{{ 'verification.hint' | transloco }}</mat-card-subtitle>
      </mat-card-header>
      <mat-card-content>
        @if (busy()) {
          <mat-progress-bar mode="indeterminate" />
        }
        @if (result(); as r) {
          @if (r.ok) {
            <p class="result ok" role="status" data-testid="verification-ok">
              <mat-icon svgIcon="verified" />
              <span>{{ 'verification.ok' | transloco: { checked: r.checked } }}</span>
            </p>
          } @else {
            <div class="result broken" role="alert" data-testid="verification-broken">
              <mat-icon svgIcon="warning" />
              <div>
                <p>{{ 'verification.broken' | transloco: { checked: r.checked, seq: r.firstBroken?.seq ?? '?' } }}</p>
                <p class="hash">{{ 'verification.expected' | transloco }} {{ r.firstBroken?.expected }}</p>
                <p class="hash">{{ 'verification.actual' | transloco }} {{ r.firstBroken?.actual }}</p>
              </div>
            </div>
          }
        }
        @if (errorKey(); as key) {
          <p class="load-error" role="alert">{{ key | transloco }}</p>
        }
      </mat-card-content>
      <mat-card-actions>
        <button mat-stroked-button type="button" (click)="verify()" [disabled]="busy()" data-testid="verify-ledger">
          <mat-icon svgIcon="verified" />
          {{ 'verification.action' | transloco }}
        </button>
      </mat-card-actions>
    </mat-card>
  `,
})
export class LedgerVerificationCard {
  readonly slug = input.required<string>();
  private readonly api = inject(LedgerApi);
  protected readonly busy = signal(false);
  protected readonly result = signal<Verification | null>(null);
  protected readonly errorKey = signal<string | null>(null);

  protected verify(): void {
    this.busy.set(true);
    this.errorKey.set(null);
    this.api.verify(this.slug()).subscribe({
      next: (result) => {
        this.busy.set(false);
        this.result.set(result);
      },
      error: (error: unknown) => {
        this.busy.set(false);
        this.errorKey.set(problemMessageKey(toProblem(error)));
      },
    });
  }
}
