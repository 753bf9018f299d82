import { ChangeDetectionStrategy, Component, input, model } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';

export interface CountChip {
  /** The filter value; '' for "all". */
  value: string;
  labelKey: string;
  /** Shown beside the label when known. */
  count?: number | null;
}

/**
 * One filter as wrapping pills with their counts (`Actifs 4`, `Critique 1`): one tap filters,
 * which suits a phone better than a select. `value` is the chosen chip's value.
 */
@Component({
  selector: 'kz-count-chips',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslocoPipe],
  styles: `
    .count {
      margin-inline-start: 6px;
      font-variant-numeric: tabular-nums;
      opacity: 0.8;
    }
  `,
  template: `
    <div class="kz-chip-nav" role="group" [attr.aria-label]="label() | transloco" [attr.data-testid]="testId()">
      @for (chip of chips(); track chip.value) {
        <button
          type="button"
          [class.current]="chip.value === value()"
          [attr.aria-pressed]="chip.value === value()"
          (click)="value.set(chip.value)"
          [attr.data-testid]="testId() + '-' + (chip.value || 'all')"
        >
          {{ chip.labelKey | transloco }}
          @if (chip.count !== undefined && chip.count !== null) {
            <span class="count" data-testid="chip-count">{{ chip.count }}</span>
          }
        </button>
      }
    </div>
  `,
})
export class CountChips {
  readonly chips = input.required<readonly CountChip[]>();
  readonly value = model.required<string>();
  /** Translation key naming the group, for screen readers. */
  readonly label = input.required<string>();
  readonly testId = input.required<string>();
}
