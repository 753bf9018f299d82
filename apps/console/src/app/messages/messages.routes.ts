import type { Routes } from '@angular/router';

/** Under `/c/:slug/messages`: the threads, one open (`?thread=`). */
export const messagesRoutes: Routes = [
  { path: '', loadComponent: () => import('./messages-page').then((m) => m.MessagesPage) },
];
