import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { CitationLink } from './citation-link';
import { type CitedRecord, footnoteParts } from './citations';

/**
 * A text an AI (or the offline analyst) wrote, with its `[n]` footnotes linked to the records
 * they cite, and the list of those records below. Inert: text interpolation only, line breaks
 * kept by CSS; markup in the text shows as typed.
 */
@Component({
  selector: 'kz-cited-text',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslocoPipe, CitationLink],
  styles: `
    .text {
      white-space: pre-line;
      overflow-wrap: anywhere;
      margin: 0 0 8px;
      font: var(--mat-sys-body-large);
    }
    sup {
      line-height: 0;
    }
    .notes {
      margin: 0;
      padding-inline-start: 0;
      list-style: none;
      font-size: 0.875em;
    }
    .notes li {
      display: flex;
      gap: 6px;
      padding: 2px 0;
    }
    .n {
      color: var(--mat-sys-on-surface-variant);
      font-variant-numeric: tabular-nums;
    }
  `,
  template: `
    <!-- Each text part in its own span: no template whitespace gets into the text. -->
    <p class="text" [attr.data-testid]="testId()">
      @for (part of parts(); track $index) {
        @if ('n' in part) {
          <sup
            ><kz-citation-link
              [slug]="slug()"
              [record]="part.record"
              [findingCase]="findingCase()"
              [label]="'[' + part.n + ']'"
              [ariaLabel]="'agent.footnote' | transloco: { n: part.n }"
              [testId]="testId() + '-marker'"
          /></sup>
        } @else {
          <span>{{ part.text }}</span>
        }
      }
    </p>
    @if (citations().length) {
      <ol class="notes" [attr.aria-label]="'agent.sources' | transloco">
        @for (c of citations(); track c.n) {
          <li [attr.data-testid]="testId() + '-footnote'">
            <span class="n">[{{ c.n }}]</span>
            <kz-citation-link [slug]="slug()" [record]="c" [findingCase]="findingCase()" />
          </li>
        }
      </ol>
    }
  `,
})
export class CitedText {
  readonly slug = input.required<string>();
  readonly text = input.required<string>();
  readonly citations = input.required<readonly (CitedRecord & { n: number })[]>();
  readonly findingCase = input<(findingId: string) => string | null>(() => null);
  readonly testId = input('cited-text');

  protected readonly parts = computed(() => footnoteParts(this.text(), this.citations()));
}
