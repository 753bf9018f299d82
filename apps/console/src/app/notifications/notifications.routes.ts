import type { Routes } from '@angular/router';

/** `/notifications`: mine, over every cooperative (the bell opens it). */
export const notificationsRoutes: Routes = [
  { path: '', loadComponent: () => import('./notifications-page').then((m) => m.NotificationsPage) },
];
