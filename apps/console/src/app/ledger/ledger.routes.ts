import type { Routes } from '@angular/router';

/** `/c/:slug/record/:kind`: money in or out, one page per kind. */
export const recordRoutes: Routes = [
  { path: '', pathMatch: 'full', redirectTo: 'contribution' },
  {
    path: ':kind',
    loadComponent: () => import('./record-page').then((m) => m.RecordPage),
  },
];

/** `/c/:slug/journal`: every entry, and one entry's page. */
export const journalRoutes: Routes = [
  {
    path: '',
    pathMatch: 'full',
    loadComponent: () => import('./journal-page').then((m) => m.JournalPage),
  },
  {
    path: ':transactionId',
    loadComponent: () => import('./transaction-page').then((m) => m.TransactionPage),
  },
];
