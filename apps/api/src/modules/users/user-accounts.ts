import { Injectable } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { CooperativeRole } from '@kotizo/domain';
import { PasswordHasher } from '../../platform/auth/password-hasher.js';
import { Conflict, fieldError } from '../../platform/errors/app-error.js';
import { isoTimestamp } from '../../platform/database/timestamps.js';

export interface EnsuredAccount {
  id: string;
  email: string;
  name: string;
  /** Set when the account was created now without a chosen password. */
  temporaryPassword: string | null;
}

interface AccountRow {
  id: string;
  email: string;
  name: string;
}

/**
 * Accounts are federation-wide (one e-mail, one person); memberships tie them
 * to cooperatives. Used by provisioning and by a cooperative's user admin.
 */
@Injectable()
export class UserAccounts {
  constructor(private readonly hasher: PasswordHasher) {}

  /** Finds the account of this e-mail or creates it, inside the caller's transaction. */
  async ensure(tx: EntityManager, person: { email: string; name: string; password?: string }): Promise<EnsuredAccount> {
    const [existing] = await tx.execute<AccountRow[]>('select id, email, name from federation.users where email = ?', [
      person.email,
    ]);
    if (existing) return { ...existing, temporaryPassword: null };
    const temporaryPassword = person.password ? null : PasswordHasher.temporaryPassword();
    const passwordHash = await this.hasher.hash(person.password ?? temporaryPassword!);
    const [created] = await tx.execute<AccountRow[]>(
      `insert into federation.users (email, name, password_hash, must_change_password)
       values (?, ?, ?, ?)
       on conflict (email) do nothing
       returning id, email, name`,
      [person.email, person.name, passwordHash, temporaryPassword !== null],
    );
    if (!created) {
      // Created concurrently by another request: use it.
      return this.ensure(tx, person);
    }
    return { ...created, temporaryPassword };
  }

  async addMembership(
    tx: EntityManager,
    userId: string,
    cooperativeId: string,
    role: CooperativeRole,
  ): Promise<{ id: string; createdAt: string }> {
    const [row] = await tx.execute<{ id: string; created_at: string }[]>(
      `insert into federation.memberships (user_id, cooperative_id, role)
       values (?, ?, ?)
       on conflict (user_id, cooperative_id) do nothing
       returning id, created_at`,
      [userId, cooperativeId, role],
    );
    if (!row) throw new Conflict('already_member', { errors: [fieldError('email', 'already_in_cooperative')] });
    return { id: row.id, createdAt: isoTimestamp(row.created_at) };
  }
}
