import type { Routes } from '@angular/router';
import { abilityGuard, landingGuard, signedInGuard, signedOutGuard } from './core/auth/guards';
import { Shell } from './core/layout/shell';

export const appRoutes: Routes = [
  {
    path: 'login',
    title: 'Kotizo',
    canActivate: [signedOutGuard],
    loadComponent: () => import('./login/login-page').then((m) => m.LoginPage),
  },
  {
    path: '',
    component: Shell,
    canActivate: [signedInGuard],
    children: [
      { path: '', pathMatch: 'full', canActivate: [landingGuard], children: [] },
      {
        path: 'federation',
        canActivate: [abilityGuard('read', 'Cooperative')],
        loadChildren: () => import('./federation/federation.routes').then((m) => m.federationRoutes),
      },
      {
        path: 'c/:slug',
        canActivate: [abilityGuard('read', 'Cooperative')],
        loadChildren: () => import('./cooperative/cooperative.routes').then((m) => m.cooperativeRoutes),
      },
      {
        path: 'notifications',
        loadChildren: () => import('./notifications/notifications.routes').then((m) => m.notificationsRoutes),
      },
      {
        path: 'account/password',
        loadComponent: () => import('./account/change-password-page').then((m) => m.ChangePasswordPage),
      },
      {
        path: 'no-access',
        loadComponent: () => import('./core/layout/no-access-page').then((m) => m.NoAccessPage),
      },
      { path: '**', redirectTo: '' },
    ],
  },
];
