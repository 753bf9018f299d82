import { Injectable, computed, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { NavigationEnd, Router } from '@angular/router';
import { filter, map } from 'rxjs';

export interface CooperativeLocation {
  slug: string;
  /** The page inside the cooperative, e.g. `users`; empty for its home page. */
  section: string;
}

/** Reads `/c/:slug/...` out of a URL. */
export function cooperativeLocation(url: string): CooperativeLocation | null {
  const path = url.split(/[?#]/)[0] ?? '';
  const [first, slug, section] = path.split('/').filter((part) => part.length > 0);
  if (first !== 'c' || !slug) return null;
  return { slug: decodeURIComponent(slug), section: section ?? '' };
}

/** The cooperative the user is looking at, taken from the address bar (the switcher changes it). */
@Injectable({ providedIn: 'root' })
export class CurrentCooperative {
  private readonly router = inject(Router);
  private readonly url = toSignal(
    this.router.events.pipe(
      filter((event): event is NavigationEnd => event instanceof NavigationEnd),
      map((event) => event.urlAfterRedirects),
    ),
    { initialValue: this.router.url },
  );

  readonly location = computed(() => cooperativeLocation(this.url()));
  readonly slug = computed(() => this.location()?.slug ?? null);
  readonly onFederationPages = computed(() => this.url().startsWith('/federation'));
}
