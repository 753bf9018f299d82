import { Injectable } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { ListUsersQuery } from '@kotizo/contracts';
import { FederationDatabase } from '../../platform/database/federation-database.js';

export interface CooperativeUserRow {
  id: string;
  email: string;
  name: string;
  role: string;
  active: boolean;
  created_at: string;
}

const SELECT = `select u.id, u.email, u.name, m.role, m.active, m.created_at
                  from federation.memberships m join federation.users u on u.id = m.user_id`;

@Injectable()
export class CooperativeUsersRepository {
  constructor(private readonly db: FederationDatabase) {}

  async list(cooperativeId: string, query: ListUsersQuery): Promise<{ items: CooperativeUserRow[]; total: number }> {
    const where = ['m.cooperative_id = ?'];
    const params: unknown[] = [cooperativeId];
    if (query.q) {
      where.push('(u.name ilike ? or u.email ilike ?)');
      const like = `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      params.push(like, like);
    }
    if (query.role) {
      where.push('m.role = ?');
      params.push(query.role);
    }
    if (query.active !== undefined) {
      where.push('m.active = ?');
      params.push(query.active);
    }
    const em = this.db.em();
    const clause = where.join(' and ');
    const items = await em.execute<CooperativeUserRow[]>(
      `${SELECT} where ${clause} order by m.active desc, u.name, u.email limit ? offset ?`,
      [...params, query.limit, query.offset],
    );
    const [count] = await em.execute<{ total: string }[]>(
      `select count(*) as total from federation.memberships m join federation.users u on u.id = m.user_id where ${clause}`,
      params,
    );
    return { items, total: Number(count?.total ?? 0) };
  }

  /** The membership of a user in this cooperative, locked for update; null if not a member. */
  async findForUpdate(tx: EntityManager, cooperativeId: string, userId: string): Promise<CooperativeUserRow | null> {
    const [row] = await tx.execute<CooperativeUserRow[]>(
      `${SELECT} where m.cooperative_id = ? and m.user_id = ? for update of m`,
      [cooperativeId, userId],
    );
    return row ?? null;
  }

  async countActiveAdmins(tx: EntityManager, cooperativeId: string): Promise<number> {
    const [row] = await tx.execute<{ n: string }[]>(
      `select count(*) as n from federation.memberships where cooperative_id = ? and role = 'admin' and active`,
      [cooperativeId],
    );
    return Number(row?.n ?? 0);
  }

  async update(
    tx: EntityManager,
    cooperativeId: string,
    userId: string,
    change: { role: string; active: boolean },
  ): Promise<void> {
    await tx.execute(
      `update federation.memberships set role = ?, active = ?, updated_at = now()
        where cooperative_id = ? and user_id = ?`,
      [change.role, change.active, cooperativeId, userId],
    );
  }
}
