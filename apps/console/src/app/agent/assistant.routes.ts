import { inject } from '@angular/core';
import { type CanActivateFn, Router, type Routes } from '@angular/router';
import { AbilityService } from '../core/abilities/ability.service';
import { canOpenSection } from '../core/abilities/nav-items';
import { abilityGuard } from '../core/auth/guards';
import { landingUrl } from '../core/auth/landing';
import { Session } from '../core/auth/session';

/** The assistant answers those who read the journal (explanations) or the reports (monthly report). */
export const assistantGuard: CanActivateFn = (route) => {
  const abilities = inject(AbilityService);
  if (canOpenSection(abilities.abilityIn(route.paramMap.get('slug')), 'assistant')) return true;
  const me = inject(Session).me();
  return inject(Router).parseUrl(me ? landingUrl(me) : '/login');
};

/** `/c/:slug/assistant`: explanations and the monthly report, and a month's report to print. */
export const assistantRoutes: Routes = [
  {
    path: '',
    canActivate: [assistantGuard],
    children: [
      {
        path: '',
        pathMatch: 'full',
        loadComponent: () => import('./assistant-page').then((m) => m.AssistantPage),
      },
      {
        path: 'report/:month',
        canActivate: [abilityGuard('read', 'Report')],
        loadComponent: () => import('./monthly-report-print-page').then((m) => m.MonthlyReportPrintPage),
      },
    ],
  },
];
