import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { TranslocoPipe } from '@jsverse/transloco';
import { problemMessageKey, toProblem } from '../http/problem';

/** A read's progress bar while it loads and its failure in words: `<kz-load-status [loading]="r.isLoading()" [error]="r.error()" />`. */
@Component({
  selector: 'kz-load-status',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatProgressBarModule, TranslocoPipe],
  template: `
    @if (loading()) {
      <mat-progress-bar mode="indeterminate" />
    }
    @if (error()) {
      <p class="load-error" role="alert" [attr.data-testid]="testId()">{{ errorKey() | transloco }}</p>
    }
  `,
})
export class LoadStatus {
  readonly loading = input(false);
  readonly error = input<unknown>(undefined);
  readonly testId = input('load-error');

  protected readonly errorKey = computed(() => problemMessageKey(toProblem(this.error())));
}
