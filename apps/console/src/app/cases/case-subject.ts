import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import type { CaseSummaryResponse } from '@kotizo/contracts';

type Subject = CaseSummaryResponse['subject'];

/** Where a case's subject lives in the console: a member's page, a loan's page, or nowhere. */
export function subjectLink(slug: string, subject: Subject): string[] | null {
  if (!subject.id) return null;
  switch (subject.type) {
    case 'member':
      return ['/c', slug, 'members', subject.id];
    case 'loan':
      return ['/c', slug, 'loans', subject.id];
    case 'cooperative':
      return null;
  }
}

/** What a case or finding is about, by name, linked to its page when it has one (`link`). */
@Component({
  selector: 'kz-case-subject',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, TranslocoPipe],
  template: `
    @let s = subject();
    @let name = s.label ?? ('cases.subjectType.' + s.type | transloco);
    @if (link() && target(); as to) {
      <a [routerLink]="to" data-testid="case-subject-link">{{ name }}</a>
    } @else {
      <span>{{ name }}</span>
    }
  `,
})
export class CaseSubject {
  readonly slug = input.required<string>();
  readonly subject = input.required<Subject>();
  readonly link = input(true);

  protected readonly target = computed(() => subjectLink(this.slug(), this.subject()));
}
