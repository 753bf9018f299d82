import { ChangeDetectionStrategy, Component, computed, inject, input, linkedSignal } from '@angular/core';
import { MatCardModule } from '@angular/material/card';
import { TranslocoPipe } from '@jsverse/transloco';
import { AbilityService } from '../core/abilities/ability.service';
import { Language } from '../core/i18n/language';
import { type CountChip, CountChips } from '../core/ui/count-chips';
import { provideAgentTexts } from './agent-scope';
import { AiMode } from './ai-mode';
import { ExplainPanel } from './explain-panel';
import { ConversationsPanel } from './conversations-panel';
import { MonthlyReportPanel } from './monthly-report-panel';

/**
 * The assistant (`/c/:slug/assistant`): "why?" about a movement, a balance or the cash, for
 * those who read the journal, the monthly report, for those who read reports, and conversations
 * that chain such questions. Which
 * writer answers (a model or the offline analyst) is shown at the top.
 */
@Component({
  selector: 'kz-assistant-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  providers: [provideAgentTexts()],
  imports: [MatCardModule, TranslocoPipe, AiMode, CountChips, ExplainPanel, MonthlyReportPanel, ConversationsPanel],
  styles: `
    .intro {
      margin: 0 0 12px;
    }
    h2 {
      font: var(--mat-sys-title-medium);
      margin: 0 0 4px;
    }
    .hint {
      margin: 0 0 12px;
    }
  `,
  template: `
    <header class="page-header">
      <h1 class="page-title">{{ 'agent.assistant.title' | transloco }}</h1>
      <kz-ai-mode [slug]="slug()" [lang]="lang()" />
    </header>
    <p class="intro muted">{{ 'agent.assistant.intro' | transloco }}</p>
    @if (views().length > 1) {
      <kz-count-chips [chips]="views()" [(value)]="view" label="agent.assistant.views" testId="assistant-view" />
    }
    @switch (view()) {
      @case ('explain') {
        <mat-card appearance="outlined" data-testid="assistant-explain">
          <mat-card-content>
            <h2>{{ 'agent.explain.title' | transloco }}</h2>
            <p class="hint muted">{{ 'agent.explain.hint' | transloco }}</p>
            <kz-explain-panel [slug]="slug()" [lang]="lang()" [transactionId]="transactionId() ?? null" />
          </mat-card-content>
        </mat-card>
      }
      @case ('report') {
        <mat-card appearance="outlined" data-testid="assistant-monthly-report">
          <mat-card-content>
            <h2>{{ 'agent.report.heading' | transloco }}</h2>
            <p class="hint muted">{{ 'agent.report.hint' | transloco }}</p>
            <kz-monthly-report-panel [slug]="slug()" [lang]="lang()" />
          </mat-card-content>
        </mat-card>
      }
      @case ('threads') {
        <mat-card appearance="outlined" data-testid="assistant-conversations">
          <mat-card-content>
            <h2>{{ 'agent.threads.title' | transloco }}</h2>
            <p class="hint muted">{{ 'agent.threads.hint' | transloco }}</p>
            <kz-conversations-panel [slug]="slug()" [lang]="lang()" />
          </mat-card-content>
        </mat-card>
      }
    }
  `,
})
export class AssistantPage {
  /** From the route, bound by the router; `?transactionId=` comes from a journal entry. */
  readonly slug = input.required<string>();
  readonly transactionId = input<string | undefined>();

  private readonly abilities = inject(AbilityService);
  protected readonly lang = inject(Language).current;

  protected readonly views = computed<CountChip[]>(() => {
    const tools = [
      ...(this.abilities.can('read', 'Transaction') ? [{ value: 'explain', labelKey: 'agent.explain.title' }] : []),
      ...(this.abilities.can('read', 'Report') ? [{ value: 'report', labelKey: 'agent.report.heading' }] : []),
    ];
    // A conversation asks the same things, one after the other: offered to whoever has a tool.
    return tools.length ? [...tools, { value: 'threads', labelKey: 'agent.threads.title' }] : tools;
  });
  protected readonly view = linkedSignal(() => this.views()[0]?.value ?? '');
}
