import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { TranslocoPipe } from '@jsverse/transloco';
import type { FindingResponse, SnoozeResponse } from '@kotizo/contracts';
import { CooperativeDetails } from '../cooperative/cooperative-details';
import { AbilityService } from '../core/abilities/ability.service';
import { KzDayPipe } from '../core/ui/day.pipe';
import { provideRuleCheckTexts } from './rule-checks-scope';
import { SnoozeDialog, type SnoozeDialogData } from './snooze-dialog';

/**
 * On a finding about a member, for those who keep the rules: silence its rule for that member
 * until a date, with a reason. Once done, says until when.
 */
@Component({
  selector: 'kz-finding-snooze',
  changeDetection: ChangeDetectionStrategy.OnPush,
  providers: [provideRuleCheckTexts()],
  imports: [MatButtonModule, MatIconModule, TranslocoPipe, KzDayPipe],
  styles: `
    :host {
      display: block;
      margin-top: 8px;
    }
    button {
      min-height: 44px;
      height: auto;
      text-align: start;
    }
    p {
      margin: 0;
      font-size: 0.875em;
    }
  `,
  template: `
    @if (done(); as s) {
      <p role="status" data-testid="snooze-done">
        {{ 'ruleChecks.snooze.done' | transloco: { date: (s.until | kzDay: lang()) } }}
      </p>
    } @else if (memberId()) {
      <button mat-button type="button" (click)="open()" data-testid="snooze-open">
        <mat-icon svgIcon="snooze" />
        {{ 'ruleChecks.snooze.action' | transloco }}
      </button>
    }
  `,
})
export class FindingSnooze {
  readonly slug = input.required<string>();
  readonly finding = input.required<FindingResponse>();
  readonly lang = input.required<string>();

  private readonly dialog = inject(MatDialog);
  private readonly abilities = inject(AbilityService);
  private readonly details = inject(CooperativeDetails);

  /** The member the finding is about, when the user may silence rules; null hides the action. */
  protected readonly memberId = computed(() => {
    const { subject } = this.finding();
    return subject.type === 'member' && subject.id && this.abilities.can('update', 'RuleSet') ? subject.id : null;
  });
  protected readonly done = signal<SnoozeResponse | null>(null);

  protected open(): void {
    const f = this.finding();
    const memberId = this.memberId();
    if (!memberId) return;
    this.dialog
      .open<SnoozeDialog, SnoozeDialogData, SnoozeResponse>(SnoozeDialog, {
        data: {
          slug: this.slug(),
          ruleId: f.ruleId,
          ruleName: this.lang() === 'en' ? f.ruleName.en : f.ruleName.fr,
          memberId,
          memberName: f.subject.label ?? memberId,
          today: this.details.today(),
        },
        maxWidth: '520px',
        width: 'calc(100vw - 16px)',
      })
      .afterClosed()
      .subscribe((snooze) => {
        if (snooze) this.done.set(snooze);
      });
  }
}
