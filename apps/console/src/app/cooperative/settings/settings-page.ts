import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { PenaltyPolicyCard } from './penalty-policy-card';
import { ReminderSettingsCard } from './reminder-settings-card';

/**
 * The cooperative's settings, by subject. Everyone who reads settings sees
 * them; the forms are editable for those who may update them (an admin).
 */
@Component({
  selector: 'kz-settings-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslocoPipe, PenaltyPolicyCard, ReminderSettingsCard],
  styles: `
    section + section {
      margin-top: 24px;
    }
    h2 {
      font: var(--mat-sys-title-medium);
      margin: 0 0 8px;
    }
  `,
  template: `
    <header class="page-header">
      <h1 class="page-title">{{ 'settings.title' | transloco }}</h1>
    </header>
    <section aria-labelledby="settings-loans">
      <h2 id="settings-loans">{{ 'settings.loans' | transloco }}</h2>
      <kz-penalty-policy-card [slug]="slug()" />
    </section>
    <section aria-labelledby="settings-reminders">
      <h2 id="settings-reminders">{{ 'settings.reminders.section' | transloco }}</h2>
      <kz-reminder-settings-card [slug]="slug()" />
    </section>
  `,
})
export class SettingsPage {
  /** From the route (`/c/:slug/settings`), bound by the router. */
  readonly slug = input.required<string>();
}
