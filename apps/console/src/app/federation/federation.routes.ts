import type { Routes } from '@angular/router';
import { abilityGuard } from '../core/auth/guards';

export const federationRoutes: Routes = [
  { path: '', pathMatch: 'full', redirectTo: 'cooperatives' },
  {
    path: 'cooperatives',
    title: 'Kotizo',
    loadComponent: () => import('./cooperative-list-page').then((m) => m.CooperativeListPage),
  },
  {
    path: 'cooperatives/new',
    canActivate: [abilityGuard('create', 'Cooperative')],
    loadComponent: () => import('./cooperative-create-page').then((m) => m.CooperativeCreatePage),
  },
  {
    path: 'overview',
    title: 'Kotizo',
    canActivate: [abilityGuard('read', 'Dashboard')],
    loadComponent: () => import('./overview-page').then((m) => m.OverviewPage),
  },
];
