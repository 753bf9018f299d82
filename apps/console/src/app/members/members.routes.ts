import type { Routes } from '@angular/router';

/** Under `/c/:slug/members`. */
export const membersRoutes: Routes = [
  {
    path: '',
    pathMatch: 'full',
    loadComponent: () => import('./member-list-page').then((m) => m.MemberListPage),
  },
  {
    path: ':memberId',
    loadComponent: () => import('./member-page').then((m) => m.MemberPage),
  },
];
