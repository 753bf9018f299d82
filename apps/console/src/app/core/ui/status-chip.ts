import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';

/** A cooperative's status as a coloured, translated label. */
@Component({
  selector: 'kz-status-chip',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslocoPipe],
  host: { class: 'kz-status', '[attr.data-status]': 'status()' },
  template: `{{ 'status.' + status() | transloco }}`,
})
export class StatusChip {
  readonly status = input.required<string>();
}
