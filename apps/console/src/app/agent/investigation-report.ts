import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import type { InvestigationReportView } from '@kotizo/contracts';
import { formatMoney } from '@kotizo/domain';
import { CitationLink } from './citation-link';

type Figure = InvestigationReportView['figures'][number];

/** A figure computed by the API, in the interface language: money, a count, days or a ratio. */
export function figureValue(figure: Figure, currency: string, lang: string): string {
  const number = new Intl.NumberFormat(lang, { maximumFractionDigits: 2 });
  switch (figure.unit) {
    case 'amount':
      try {
        return formatMoney(figure.value, currency, lang);
      } catch {
        return `${figure.value} ${currency}`;
      }
    case 'ratio':
      return `× ${number.format(figure.value)}`;
    case 'days':
    case 'count':
    default:
      return number.format(figure.value);
  }
}

/**
 * The report an investigation drafted: risk level, summary, each claim with the records it
 * cites (linked), the figures the code computed, the recommended actions, and how many claims
 * the check removed. Everything the model wrote is shown as plain text.
 */
@Component({
  selector: 'kz-investigation-report',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslocoPipe, CitationLink],
  styles: `
    :host {
      display: block;
    }
    .head {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px;
      margin-bottom: 8px;
    }
    h3 {
      font: var(--mat-sys-title-small);
      margin: 16px 0 4px;
    }
    .summary {
      font: var(--mat-sys-body-large);
      white-space: pre-line;
      overflow-wrap: anywhere;
      margin: 0;
    }
    .claims {
      margin: 0;
      padding-inline-start: 20px;
    }
    .claims > li {
      padding: 4px 0;
    }
    .claim-text {
      white-space: pre-line;
      overflow-wrap: anywhere;
    }
    .cites {
      display: flex;
      flex-wrap: wrap;
      gap: 4px 12px;
      font-size: 0.875em;
    }
    .figures {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(150px, 1fr));
      gap: 8px 16px;
      margin: 0;
    }
    .figures dt {
      font: var(--mat-sys-label-medium);
      color: var(--mat-sys-on-surface-variant);
    }
    .figures dd {
      margin: 2px 0 0;
      font-variant-numeric: tabular-nums;
      font-weight: 500;
    }
    .actions {
      margin: 0;
      padding-inline-start: 20px;
      overflow-wrap: anywhere;
    }
    .removed,
    .author {
      font-size: 0.875em;
      color: var(--mat-sys-on-surface-variant);
      margin: 8px 0 0;
    }
    .kz-status[data-status='low'] {
      background: #d7f5e3;
      color: #0b5a2c;
    }
  `,
  template: `
    @let r = report();
    <div class="head">
      <span class="kz-status" [attr.data-status]="r.riskLevel" data-testid="investigation-risk">
        {{ 'agent.risk.' + r.riskLevel | transloco }}
      </span>
      @if (r.round > 1) {
        <span class="muted">{{ 'agent.report.round' | transloco: { round: r.round } }}</span>
      }
    </div>
    <p class="summary" data-testid="investigation-summary">{{ r.summary }}</p>

    @if (r.claims.length) {
      <h3>{{ 'agent.report.claims' | transloco }}</h3>
      <ol class="claims">
        @for (claim of r.claims; track $index) {
          <li data-testid="investigation-claim">
            <div class="claim-text" data-testid="investigation-claim-text">{{ claim.text }}</div>
            @if (claim.citations.length) {
              <div class="cites">
                @for (c of claim.citations; track c.id) {
                  <kz-citation-link [slug]="slug()" [record]="c" [findingCase]="onThisCase" />
                }
              </div>
            }
          </li>
        }
      </ol>
    }
    @if (r.removedClaims > 0) {
      <p class="removed" data-testid="investigation-removed">
        {{ 'agent.report.removed' | transloco: { count: r.removedClaims } }}
      </p>
    }

    @if (r.figures.length) {
      <h3>{{ 'agent.report.figures' | transloco }}</h3>
      <dl class="figures" data-testid="investigation-figures">
        @for (f of r.figures; track f.key) {
          <div>
            <dt>{{ lang() === 'en' ? f.label.en : f.label.fr }}</dt>
            <dd>
              {{ figure(f) }}
              @if (f.unit === 'days') {
                {{ 'agent.report.days' | transloco }}
              }
            </dd>
          </div>
        }
      </dl>
    }

    @if (r.recommendedActions.length) {
      <h3>{{ 'agent.report.actions' | transloco }}</h3>
      <ul class="actions" data-testid="investigation-actions">
        @for (action of r.recommendedActions; track $index) {
          <li>{{ action }}</li>
        }
      </ul>
    }
    <p class="author" data-testid="investigation-author">
      {{
        (r.author.mode === 'offline' ? 'agent.author.offline' : 'agent.author.model')
          | transloco: { model: r.author.model }
      }}
    </p>
  `,
})
export class InvestigationReport {
  readonly slug = input.required<string>();
  readonly caseId = input.required<string>();
  readonly report = input.required<InvestigationReportView>();
  readonly currency = input.required<string>();
  readonly lang = input.required<string>();

  /** The findings an investigation cites are its own case's: their cards are on this page. */
  protected readonly onThisCase = (): string | null => this.caseId();

  protected figure(f: Figure): string {
    return figureValue(f, this.currency(), this.lang());
  }
}
