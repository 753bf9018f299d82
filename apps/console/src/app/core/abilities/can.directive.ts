import { Directive, TemplateRef, ViewContainerRef, effect, inject, input } from '@angular/core';
import type { Action, SubjectName } from '@kotizo/authorization';
import { AbilityService } from './ability.service';

/**
 * Renders its content only when the user may act: `*kzCan="'create'; subject: 'CooperativeUser'"`.
 * This hides what the role cannot use; the API still enforces every rule.
 */
@Directive({ selector: '[kzCan]' })
export class CanDirective {
  readonly kzCan = input.required<Action>();
  readonly kzCanSubject = input.required<SubjectName>();

  private readonly abilities = inject(AbilityService);
  private readonly template = inject(TemplateRef<unknown>);
  private readonly container = inject(ViewContainerRef);
  private shown = false;

  constructor() {
    effect(() => {
      const allowed = this.abilities.can(this.kzCan(), this.kzCanSubject());
      if (allowed && !this.shown) this.container.createEmbeddedView(this.template);
      if (!allowed && this.shown) this.container.clear();
      this.shown = allowed;
    });
  }
}
