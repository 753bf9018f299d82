import type { Routes } from '@angular/router';
import { abilityGuard } from '../core/auth/guards';

/** Under `/c/:slug`; the parent route already checked the user may read this cooperative. */
export const cooperativeRoutes: Routes = [
  {
    path: '',
    pathMatch: 'full',
    loadComponent: () => import('./cooperative-home-page').then((m) => m.CooperativeHomePage),
  },
  {
    path: 'users',
    canActivate: [abilityGuard('read', 'CooperativeUser')],
    loadComponent: () => import('./users/users-page').then((m) => m.UsersPage),
  },
];
