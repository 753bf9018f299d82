import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';

/**
 * A status as a coloured, translated label: a cooperative's by default (`status.*`), or with
 * `keys="loanStatus"` a loan's, `memberStatus` a member's, `installmentStatus` an installment's.
 */
@Component({
  selector: 'kz-status-chip',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslocoPipe],
  host: { class: 'kz-status', '[attr.data-status]': 'status()' },
  template: `{{ keys() + '.' + status() | transloco }}`,
})
export class StatusChip {
  readonly status = input.required<string>();
  readonly keys = input('status');
}
