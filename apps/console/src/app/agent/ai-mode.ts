import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import type { AiStatusResponse } from '@kotizo/contracts';
import { cooperativeUrl } from '../cooperative/cooperative-api';

export const aiStatusUrl = (slug: string) => `${cooperativeUrl(slug)}/ai`;

/**
 * Which writer is in use where AI writes: "Analyste hors ligne" (templates over the records, no
 * AI service) or "IA : gpt-4o-mini", with the provider's description and the month's tokens.
 */
@Component({
  selector: 'kz-ai-mode',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslocoPipe],
  styles: `
    :host {
      display: inline-flex;
    }
    .chip {
      display: inline-block;
      padding: 2px 10px;
      border-radius: 999px;
      font: var(--mat-sys-label-medium);
      background: var(--mat-sys-secondary-container);
      color: var(--mat-sys-on-secondary-container);
      overflow-wrap: anywhere;
    }
    .chip[data-mode='offline'] {
      background: var(--mat-sys-surface-container-highest);
      color: var(--mat-sys-on-surface-variant);
    }
  `,
  template: `
    @if (status.hasValue()) {
      @let s = status.value();
      <span class="chip" data-testid="ai-mode" [attr.data-mode]="s.mode" [attr.title]="title()">
        @if (s.mode === 'offline') {
          {{ 'agent.ai.offline' | transloco }}
        } @else {
          {{ 'agent.ai.model' | transloco: { model: s.model } }}
        }
      </span>
    }
  `,
})
export class AiMode {
  readonly slug = input.required<string>();
  readonly lang = input.required<string>();

  protected readonly status = httpResource<AiStatusResponse>(() => aiStatusUrl(this.slug()));
  /** The provider's own words and, with a budget, the tokens used this month. */
  protected readonly title = computed(() => {
    if (!this.status.hasValue()) return null;
    const { describe, budget } = this.status.value();
    const words = this.lang() === 'en' ? describe.en : describe.fr;
    if (budget.limitTokens === null) return words;
    const n = new Intl.NumberFormat(this.lang());
    return `${words} · ${n.format(budget.usedTokens)} / ${n.format(budget.limitTokens)}`;
  });
}
