import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatMenuModule } from '@angular/material/menu';
import { Router } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import type { CooperativeResponse, MembershipView } from '@kotizo/contracts';
import { abilityFor } from '../abilities/ability.service';
import { CurrentCooperative } from '../abilities/current-cooperative';
import { canOpenSection } from '../abilities/nav-items';
import { Session } from '../auth/session';

/**
 * Lists the cooperatives the user belongs to (and the federation for its staff). Choosing one
 * changes the slug in the URL, which is what every cooperative page and the abilities read.
 */
@Component({
  selector: 'kz-cooperative-switcher',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, MatIconModule, MatMenuModule, TranslocoPipe],
  styles: `
    :host {
      flex: 0 1 auto;
      min-width: 0;
      display: flex;
      overflow: hidden;
    }
    .trigger {
      min-width: 0;
      max-width: 100%;
    }
    .label {
      display: block;
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
    }
    .role {
      opacity: 0.7;
      font-size: 0.85em;
      margin-inline-start: 8px;
    }
    .none {
      padding: 0 16px;
    }
  `,
  template: `
    <button
      mat-button
      class="trigger kz-switcher-trigger"
      type="button"
      [matMenuTriggerFor]="menu"
      data-testid="coop-switcher"
    >
      <!-- Accessible name "Changer de coopérative : <name>" keeps the visible text in it. -->
      <span class="visually-hidden">{{ 'switcher.label' | transloco }} :</span>
      <span class="label">
        @if (label(); as name) {
          {{ name }}
        } @else if (current.onFederationPages()) {
          {{ 'switcher.federation' | transloco }}
        } @else {
          {{ 'switcher.choose' | transloco }}
        }
      </span>
      <mat-icon iconPositionEnd svgIcon="dropdown" />
    </button>
    <mat-menu #menu="matMenu">
      @if (session.isFederationStaff()) {
        <button mat-menu-item type="button" (click)="openFederation()" data-testid="coop-option-federation">
          <mat-icon svgIcon="domain" />
          <span>{{ 'switcher.federation' | transloco }}</span>
        </button>
      }
      @for (membership of memberships(); track membership.cooperativeId) {
        <button
          mat-menu-item
          type="button"
          (click)="open(membership)"
          [attr.aria-current]="membership.slug === current.slug() ? 'true' : null"
          [attr.data-testid]="'coop-option-' + membership.slug"
        >
          <mat-icon svgIcon="home" />
          <span>{{ membership.name }}</span>
          <span class="role">{{ 'roles.' + membership.role | transloco }}</span>
        </button>
      } @empty {
        @if (!session.isFederationStaff()) {
          <p class="none">{{ 'switcher.none' | transloco }}</p>
        }
      }
    </mat-menu>
  `,
})
export class CooperativeSwitcher {
  protected readonly session = inject(Session);
  protected readonly current = inject(CurrentCooperative);
  private readonly router = inject(Router);

  protected readonly memberships = computed(() => this.session.me()?.memberships ?? []);
  /** Federation staff may open a cooperative they are not a member of: fetch its name then. */
  private readonly visited = httpResource<CooperativeResponse>(() => {
    const slug = this.current.slug();
    const member = this.memberships().some((m) => m.slug === slug);
    return slug && !member ? `/api/v1/coops/${encodeURIComponent(slug)}` : undefined;
  });
  protected readonly label = computed(() => {
    const slug = this.current.slug();
    if (!slug) return null;
    const membership = this.memberships().find((m) => m.slug === slug);
    if (membership) return membership.name;
    const visited = this.visited.hasValue() ? this.visited.value() : null;
    return visited?.slug === slug ? visited.name : slug;
  });

  protected openFederation(): void {
    void this.router.navigate(['/federation', 'cooperatives']);
  }

  /** Stays on the same page (e.g. journal) in the new cooperative when the role there allows it. */
  protected open(membership: MembershipView): void {
    const section = this.current.location()?.section ?? '';
    const keep = section !== '' && canOpenSection(abilityFor(this.session.me(), membership.slug), section);
    void this.router.navigate(keep ? ['/c', membership.slug, section] : ['/c', membership.slug]);
  }
}
