import type { Routes } from '@angular/router';

/** `/c/:slug/rules`: the rules in force, the draft, its backtest and the versions. */
export const rulesRoutes: Routes = [
  {
    path: '',
    pathMatch: 'full',
    loadComponent: () => import('./rules-page').then((m) => m.RulesPage),
  },
];
