import { Injectable, computed, inject } from '@angular/core';
import { createMongoAbility } from '@casl/ability';
import {
  type Action,
  type AppAbility,
  type Principal,
  type SubjectName,
  defineAbilityFor,
} from '@kotizo/authorization';
import type { MeResponse } from '@kotizo/contracts';
import { isCooperativeRole, isFederationRole } from '@kotizo/domain';
import { Session } from '../auth/session';
import { CurrentCooperative } from './current-cooperative';

/** Who the user is in the cooperative `slug` (or outside any cooperative when null). */
export function principalFor(me: MeResponse, slug: string | null): Principal {
  const membership = slug ? me.memberships.find((m) => m.slug === slug) : undefined;
  return {
    userId: me.id,
    federationRole: me.federationRole && isFederationRole(me.federationRole) ? me.federationRole : null,
    cooperativeRole: membership && isCooperativeRole(membership.role) ? membership.role : null,
    memberId: membership?.memberId ?? null,
  };
}

/** For a member account: the member record it is linked to in the cooperative `slug`. */
export function ownMemberIdIn(me: MeResponse | null, slug: string | null): string | null {
  if (!me || !slug) return null;
  return me.memberships.find((m) => m.slug === slug)?.memberId ?? null;
}

export function abilityFor(me: MeResponse | null, slug: string | null): AppAbility {
  return me ? defineAbilityFor(principalFor(me, slug)) : createMongoAbility<AppAbility>([]);
}

/**
 * The console's view of the shared CASL rules. The ability is a computed signal over `/me`
 * and the cooperative in the URL, so templates that call `can()` update when either changes.
 * (`@casl/angular` does not work with @casl/ability 7, see STACK.md.)
 */
@Injectable({ providedIn: 'root' })
export class AbilityService {
  private readonly session = inject(Session);
  private readonly cooperative = inject(CurrentCooperative);

  /** Rights in the cooperative being looked at. */
  readonly ability = computed(() => abilityFor(this.session.me(), this.cooperative.slug()));
  /** Rights outside any cooperative: what federation staff hold. */
  readonly federationAbility = computed(() => abilityFor(this.session.me(), null));

  /** The member record linked to the user's account in the cooperative being looked at. */
  readonly ownMemberId = computed(() => ownMemberIdIn(this.session.me(), this.cooperative.slug()));

  can(action: Action, subject: SubjectName): boolean {
    return this.ability().can(action, subject);
  }

  /** For guards, which run before the URL (and so `ability`) has changed. */
  abilityIn(slug: string | null): AppAbility {
    return abilityFor(this.session.me(), slug);
  }
}
