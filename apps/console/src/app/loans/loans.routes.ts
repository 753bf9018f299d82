import type { Routes } from '@angular/router';
import { abilityGuard } from '../core/auth/guards';

/** Under `/c/:slug/loans`. */
export const loansRoutes: Routes = [
  {
    path: '',
    pathMatch: 'full',
    loadComponent: () => import('./loan-list-page').then((m) => m.LoanListPage),
  },
  {
    path: 'new',
    canActivate: [abilityGuard('create', 'Loan')],
    loadComponent: () => import('./loan-request-page').then((m) => m.LoanRequestPage),
  },
  {
    path: ':loanId',
    loadComponent: () => import('./loan-page').then((m) => m.LoanPage),
  },
];
