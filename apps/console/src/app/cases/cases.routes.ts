import type { Routes } from '@angular/router';

/** Under `/c/:slug/cases`: the inbox (`?status=`) and one case. */
export const casesRoutes: Routes = [
  {
    path: '',
    pathMatch: 'full',
    loadComponent: () => import('./case-list-page').then((m) => m.CaseListPage),
  },
  {
    path: ':caseId',
    loadComponent: () => import('./case-page').then((m) => m.CasePage),
  },
];
