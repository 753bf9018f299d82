import { ChangeDetectionStrategy, Component, computed, inject, viewChild } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatListModule } from '@angular/material/list';
import { MatMenuModule } from '@angular/material/menu';
import { MatSidenav, MatSidenavModule } from '@angular/material/sidenav';
import { MatToolbarModule } from '@angular/material/toolbar';
import { RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { AbilityService } from '../abilities/ability.service';
import { CurrentCooperative } from '../abilities/current-cooperative';
import { navItemsFor } from '../abilities/nav-items';
import { Session } from '../auth/session';
import { CooperativeSwitcher } from './cooperative-switcher';
import { NotificationBell } from '../../notifications/notification-bell';
import { LanguageMenu } from './language-menu';
import { Viewport } from './viewport';

/** Toolbar, role-aware navigation and the page outlet, for every signed-in page. */
@Component({
  selector: 'kz-shell',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    MatToolbarModule,
    MatSidenavModule,
    MatListModule,
    MatButtonModule,
    MatIconModule,
    MatMenuModule,
    RouterOutlet,
    RouterLink,
    RouterLinkActive,
    TranslocoPipe,
    CooperativeSwitcher,
    LanguageMenu,
    NotificationBell,
  ],
  templateUrl: './shell.html',
  styleUrl: './shell.scss',
})
export class Shell {
  protected readonly session = inject(Session);
  protected readonly handset = inject(Viewport).handset;
  private readonly abilities = inject(AbilityService);
  private readonly cooperative = inject(CurrentCooperative);
  private readonly sidenavRef = viewChild.required(MatSidenav);

  protected readonly navItems = computed(() =>
    navItemsFor(
      this.abilities.federationAbility(),
      this.abilities.ability(),
      this.cooperative.slug(),
      this.abilities.ownMemberId(),
    ),
  );
  protected readonly mustChangePassword = computed(() => this.session.me()?.mustChangePassword ?? false);

  protected closeOnHandset(): void {
    if (this.handset()) void this.sidenavRef().close();
  }

  protected signOut(): void {
    this.session.signOut().subscribe();
  }
}
