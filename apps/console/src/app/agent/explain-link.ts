import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { AbilityService } from '../core/abilities/ability.service';
import { canOpenSection } from '../core/abilities/nav-items';
import { provideAgentTexts } from './agent-scope';

/** "Ask the assistant why" on a journal entry: opens the assistant with the movement chosen. */
@Component({
  selector: 'kz-explain-link',
  changeDetection: ChangeDetectionStrategy.OnPush,
  providers: [provideAgentTexts()],
  imports: [RouterLink, MatButtonModule, MatIconModule, TranslocoPipe],
  styles: `
    a {
      min-height: 44px;
    }
  `,
  template: `
    @if (allowed()) {
      <a
        mat-stroked-button
        [routerLink]="['/c', slug(), 'assistant']"
        [queryParams]="{ transactionId: transactionId() }"
        data-testid="assistant-explain-link"
      >
        <mat-icon svgIcon="assistant" />
        {{ 'agent.explain.fromJournal' | transloco }}
      </a>
    }
  `,
})
export class ExplainLink {
  readonly slug = input.required<string>();
  readonly transactionId = input.required<string>();

  private readonly abilities = inject(AbilityService);
  protected readonly allowed = computed(() => canOpenSection(this.abilities.ability(), 'assistant'));
}
