import { Injectable, inject, signal } from '@angular/core';
import type { MemberResponse } from '@kotizo/contracts';
import { MembersApi } from './members-api';

/**
 * Members' names by id, for lists that carry only `memberId` (journal entries, loans,
 * guarantors). Names seen anywhere are remembered; unknown ids are fetched once each.
 * (The API does not join names into those responses, nor look members up by several ids.)
 */
@Injectable({ providedIn: 'root' })
export class MemberDirectory {
  private readonly api = inject(MembersApi);
  private readonly known = signal<ReadonlyMap<string, MemberResponse>>(new Map());
  private readonly requested = new Set<string>();

  remember(slug: string, members: readonly MemberResponse[]): void {
    if (members.length === 0) return;
    this.known.update((map) => {
      const next = new Map(map);
      for (const member of members) next.set(key(slug, member.id), member);
      return next;
    });
  }

  /** Fetches the members not known yet; `name()` then follows. */
  load(slug: string, ids: readonly (string | null | undefined)[]): void {
    for (const id of new Set(ids)) {
      if (!id || this.requested.has(key(slug, id)) || this.known().has(key(slug, id))) continue;
      this.requested.add(key(slug, id));
      this.api.get(slug, id).subscribe({
        next: (member) => this.remember(slug, [member]),
        // Left unnamed (shown by number or "—"); a later page may try again.
        error: () => this.requested.delete(key(slug, id)),
      });
    }
  }

  member(slug: string, id: string | null | undefined): MemberResponse | null {
    return id ? (this.known().get(key(slug, id)) ?? null) : null;
  }

  name(slug: string, id: string | null | undefined): string | null {
    return this.member(slug, id)?.fullName ?? null;
  }
}

const key = (slug: string, id: string) => `${slug}/${id}`;
