import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import type { InvestigationStep } from '@kotizo/contracts';

const NODES = ['collect', 'agent', 'tools', 'check', 'review', 'finish'];

/** A tool call's arguments on one short line (the ids it read), cut to stay readable on a phone. */
export function argsLine(args: Record<string, unknown>, max = 80): string {
  const text = Object.entries(args)
    .map(([name, value]) => `${name}: ${typeof value === 'string' ? value : JSON.stringify(value)}`)
    .join(', ');
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/**
 * What the run did, step by step: gathering the evidence, the analyst's turns, the reads it
 * asked for (each tool call with its outcome), the check of the draft, the auditor's decision.
 */
@Component({
  selector: 'kz-investigation-steps',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslocoPipe],
  styles: `
    ol {
      list-style: none;
      margin: 0;
      padding: 0;
    }
    ol > li {
      padding: 6px 0 6px 12px;
      border-inline-start: 2px solid var(--mat-sys-outline-variant);
    }
    .head {
      display: flex;
      flex-wrap: wrap;
      gap: 4px 8px;
      align-items: baseline;
    }
    .name {
      font-weight: 500;
    }
    .meta,
    .calls {
      font-size: 0.85em;
      color: var(--mat-sys-on-surface-variant);
      overflow-wrap: anywhere;
    }
    .calls {
      margin: 2px 0 0;
      padding-inline-start: 16px;
    }
    .tool {
      font-family: ui-monospace, 'DejaVu Sans Mono', monospace;
    }
    .refused {
      color: var(--mat-sys-error);
    }
  `,
  template: `
    <ol [attr.aria-label]="'agent.investigation.steps' | transloco">
      @for (step of steps(); track $index) {
        <li data-testid="investigation-step" [attr.data-node]="step.node">
          <div class="head">
            <span class="name">{{ 'agent.node.' + node(step.node) | transloco }}</span>
            <span class="meta">
              {{ 'agent.investigation.duration' | transloco: { seconds: seconds(step.durationMs) } }}
              @if (step.model) {
                · {{ step.model }}
              }
            </span>
          </div>
          <div class="meta">{{ step.detail }}</div>
          @if (step.toolCalls.length) {
            <ul class="calls">
              @for (call of step.toolCalls; track $index) {
                <li data-testid="investigation-tool-call" [class.refused]="call.status !== 'ok'">
                  <span class="tool">{{ call.name }}</span>
                  ({{ argsLine(call.args) }}) · {{ call.status }}
                </li>
              }
            </ul>
          }
        </li>
      }
    </ol>
  `,
})
export class InvestigationSteps {
  readonly steps = input.required<readonly InvestigationStep[]>();
  readonly lang = input.required<string>();

  protected readonly argsLine = argsLine;

  protected node(name: string): string {
    return NODES.includes(name) ? name : 'other';
  }

  protected seconds(ms: number): string {
    return new Intl.NumberFormat(this.lang(), { maximumFractionDigits: 1 }).format(ms / 1000);
  }
}
