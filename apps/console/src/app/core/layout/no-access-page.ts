import { ChangeDetectionStrategy, Component } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';

/** For an account with no cooperative and no federation role (e.g. all memberships removed). */
@Component({
  selector: 'kz-no-access-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslocoPipe],
  template: `
    <h1 class="page-title">{{ 'noAccess.title' | transloco }}</h1>
    <p data-testid="no-access">{{ 'noAccess.message' | transloco }}</p>
  `,
})
export class NoAccessPage {}
