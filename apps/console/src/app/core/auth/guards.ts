import { inject } from '@angular/core';
import { type CanActivateFn, Router } from '@angular/router';
import type { Action, SubjectName } from '@kotizo/authorization';
import { map } from 'rxjs';
import { AbilityService } from '../abilities/ability.service';
import { landingUrl } from './landing';
import { Session } from './session';

/** Signed-in users only; others go to the login page and come back afterwards. */
export const signedInGuard: CanActivateFn = (_route, state) => {
  const router = inject(Router);
  return inject(Session)
    .ensureLoaded()
    .pipe(map((me) => (me ? true : router.createUrlTree(['/login'], { queryParams: { returnUrl: state.url } }))));
};

/** The login page is for signed-out visitors; a live session goes straight in. */
export const signedOutGuard: CanActivateFn = () => {
  const router = inject(Router);
  return inject(Session)
    .ensureLoaded()
    .pipe(map((me) => (me ? router.parseUrl(landingUrl(me)) : true)));
};

/** `/` sends everyone to their own starting page. */
export const landingGuard: CanActivateFn = () => {
  const router = inject(Router);
  const me = inject(Session).me();
  return router.parseUrl(me ? landingUrl(me) : '/login');
};

/**
 * Allows the route when the user may do `action` on `subject` in the cooperative named by the
 * route's `:slug` (none for federation routes); otherwise back to their landing page.
 */
export function abilityGuard(action: Action, subject: SubjectName): CanActivateFn {
  return (route) => {
    const router = inject(Router);
    const session = inject(Session);
    const slug = route.paramMap.get('slug');
    if (inject(AbilityService).abilityIn(slug).can(action, subject)) return true;
    const me = session.me();
    return router.parseUrl(me ? landingUrl(me) : '/login');
  };
}
