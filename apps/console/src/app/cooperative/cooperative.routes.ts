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
    path: 'dashboard',
    canActivate: [abilityGuard('read', 'Dashboard')],
    loadComponent: () => import('../dashboards/dashboard-page').then((m) => m.DashboardPage),
  },
  {
    path: 'members',
    canActivate: [abilityGuard('read', 'Member')],
    loadChildren: () => import('../members/members.routes').then((m) => m.membersRoutes),
  },
  {
    path: 'record',
    canActivate: [abilityGuard('create', 'Transaction')],
    loadChildren: () => import('../ledger/ledger.routes').then((m) => m.recordRoutes),
  },
  {
    path: 'imports',
    canActivate: [abilityGuard('create', 'Transaction')],
    loadComponent: () => import('../imports/import-page').then((m) => m.ImportPage),
  },
  {
    path: 'journal',
    canActivate: [abilityGuard('read', 'Transaction')],
    loadChildren: () => import('../ledger/ledger.routes').then((m) => m.journalRoutes),
  },
  {
    path: 'loans',
    canActivate: [abilityGuard('read', 'Loan')],
    loadChildren: () => import('../loans/loans.routes').then((m) => m.loansRoutes),
  },
  {
    path: 'cases',
    canActivate: [abilityGuard('read', 'Case')],
    loadChildren: () => import('../cases/cases.routes').then((m) => m.casesRoutes),
  },
  {
    path: 'rules',
    canActivate: [abilityGuard('read', 'RuleSet')],
    loadChildren: () => import('../rules/rules.routes').then((m) => m.rulesRoutes),
  },
  {
    // Guarded inside: it opens with either of two rights (see assistantGuard).
    path: 'assistant',
    loadChildren: () => import('../agent/assistant.routes').then((m) => m.assistantRoutes),
  },
  {
    path: 'users',
    canActivate: [abilityGuard('read', 'CooperativeUser')],
    loadComponent: () => import('./users/users-page').then((m) => m.UsersPage),
  },
  {
    path: 'settings',
    canActivate: [abilityGuard('read', 'Settings')],
    loadComponent: () => import('./settings/settings-page').then((m) => m.SettingsPage),
  },
  {
    path: 'messages',
    canActivate: [abilityGuard('read', 'Message')],
    loadChildren: () => import('../messages/messages.routes').then((m) => m.messagesRoutes),
  },
];
