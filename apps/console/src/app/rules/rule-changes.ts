import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import type { RuleChange } from '@kotizo/contracts';
import type { RuleSet } from '@kotizo/rules-engine';
import { changeLines } from './rule-edits';

/** What a draft, a version or a pack update changes, rule by rule, in words. */
@Component({
  selector: 'kz-rule-changes',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslocoPipe],
  styles: `
    ul {
      margin: 0;
      padding-inline-start: 20px;
    }
    li {
      margin: 2px 0;
      overflow-wrap: anywhere;
    }
    .kind {
      font-weight: 500;
    }
    .kind[data-change='added'] {
      color: #0b5a2c;
    }
    .kind[data-change='removed'] {
      color: var(--mat-sys-error);
    }
  `,
  template: `
    <ul data-testid="rule-changes">
      @for (line of lines(); track line.ruleId) {
        <li [attr.data-testid]="'rule-change-' + line.ruleId">
          <span class="kind" [attr.data-change]="line.change">{{
            'rules.change.' + line.change | transloco: { name: line.name }
          }}</span>
          @if (line.fields.length) {
            :
            @for (field of line.fields; track field.text; let last = $last) {
              {{ field.key ? (field.key | transloco) : field.text }}
              @if (!last) {
                ,
              }
            }
          }
        </li>
      } @empty {
        <li class="muted">{{ 'rules.change.none' | transloco }}</li>
      }
    </ul>
  `,
})
export class RuleChanges {
  readonly changes = input.required<readonly RuleChange[]>();
  /** Where the rules' names and parameter labels are looked up, first match wins. */
  readonly sets = input<readonly (RuleSet | null)[]>([]);
  readonly lang = input.required<string>();

  protected readonly lines = computed(() => changeLines(this.changes(), this.sets(), this.lang()));
}
