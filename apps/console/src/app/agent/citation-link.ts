import { DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { AbilityService } from '../core/abilities/ability.service';
import { CITATION_RIGHTS, type CitationTarget, type CitedRecord, citationTarget, shortId } from './citations';

const KNOWN_KINDS = ['transaction', 'finding', 'member', 'loan', 'case'];

/**
 * A record an AI text cites, linked to its page when the user may open it: a movement to the
 * journal, a member to their page, a finding to its card on the case page. The label is ours
 * (kind and short id, or `label`), never text the model wrote.
 */
@Component({
  selector: 'kz-citation-link',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, TranslocoPipe],
  styles: `
    a,
    span {
      overflow-wrap: anywhere;
    }
  `,
  template: `
    @let r = record();
    @let text = label() ?? ('agent.record.' + kind() | transloco) + ' ' + short();
    @if (target(); as t) {
      <a
        [routerLink]="t.link"
        [fragment]="t.fragment"
        (click)="reveal(t)"
        [attr.data-kind]="r.kind"
        [attr.data-testid]="testId()"
        [attr.aria-label]="ariaLabel() ?? text"
        >{{ text }}</a
      >
    } @else {
      <span [attr.data-kind]="r.kind" [attr.data-testid]="testId()">{{ text }}</span>
    }
  `,
})
export class CitationLink {
  readonly slug = input.required<string>();
  readonly record = input.required<CitedRecord>();
  /** The case of a finding (the page's own case for an investigation); none: not linked. */
  readonly findingCase = input<(findingId: string) => string | null>(() => null);
  /** Shown instead of the kind and short id (a footnote's `[1]`). */
  readonly label = input<string | null>(null);
  readonly ariaLabel = input<string | null>(null);
  readonly testId = input('citation');

  private readonly abilities = inject(AbilityService);
  private readonly document = inject(DOCUMENT);

  protected readonly kind = computed(() => (KNOWN_KINDS.includes(this.record().kind) ? this.record().kind : 'other'));
  protected readonly short = computed(() => shortId(this.record().id));
  protected readonly target = computed(() => {
    const record = this.record();
    const right = CITATION_RIGHTS[record.kind];
    if (!right || !this.abilities.can(right[0], right[1])) return null;
    return citationTarget(this.slug(), record, this.findingCase());
  });

  /** A finding on the page already: scroll to it (the router does not scroll to anchors here). */
  protected reveal(target: CitationTarget): void {
    if (!target.fragment) return;
    const element = this.document.getElementById(target.fragment);
    element?.scrollIntoView?.({ behavior: 'smooth', block: 'start' });
    element?.focus({ preventScroll: true });
  }
}
