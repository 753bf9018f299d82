import { httpResource } from '@angular/common/http';
import { Injectable, computed, inject } from '@angular/core';
import type { CooperativeResponse } from '@kotizo/contracts';
import { DEFAULT_CURRENCY, DEFAULT_TIME_ZONE, localDate } from '@kotizo/domain';
import { CurrentCooperative } from '../core/abilities/current-cooperative';
import { Session } from '../core/auth/session';
import { cooperativeUrl } from './cooperative-api';

/**
 * The currency and calendar of the cooperative in the URL, for forms that need them before
 * any amount comes back from the API. Members have them in `/me`; federation staff visiting a
 * cooperative get them from the cooperative itself.
 */
@Injectable({ providedIn: 'root' })
export class CooperativeDetails {
  private readonly session = inject(Session);
  private readonly current = inject(CurrentCooperative);

  private readonly membership = computed(() => {
    const slug = this.current.slug();
    return this.session.me()?.memberships.find((m) => m.slug === slug) ?? null;
  });
  private readonly visited = httpResource<CooperativeResponse>(() => {
    const slug = this.current.slug();
    return slug && !this.membership() ? cooperativeUrl(slug) : undefined;
  });
  private readonly fetched = computed(() => (this.visited.hasValue() ? this.visited.value() : null));

  /** Known once `/me` or the cooperative has been read; forms wait for it. */
  readonly ready = computed(() => this.membership() !== null || this.fetched() !== null);
  readonly currency = computed(() => this.membership()?.currency ?? this.fetched()?.currency ?? DEFAULT_CURRENCY);
  readonly timeZone = computed(() => this.membership()?.timeZone ?? this.fetched()?.timeZone ?? DEFAULT_TIME_ZONE);

  /** Today in the cooperative's calendar: the default date of a movement, and the latest allowed. */
  today(): string {
    return localDate(new Date(), this.timeZone());
  }
}
