import { Injectable } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { FilterQuery } from '@mikro-orm/core';
import { FederationDatabase } from '../../platform/database/federation-database.js';
import { Cooperative } from '../../platform/database/federation.entities.js';

export interface CooperativeFilter {
  q?: string;
  status?: string;
  /** Restrict to cooperatives where this user has an active membership. */
  memberUserId?: string;
  limit: number;
  offset: number;
}

@Injectable()
export class CooperativesRepository {
  constructor(private readonly db: FederationDatabase) {}

  async list(filter: CooperativeFilter): Promise<{ items: Cooperative[]; total: number }> {
    const where: FilterQuery<Cooperative> = {};
    if (filter.status) where.status = filter.status;
    if (filter.q) {
      const like = `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      where.$or = [{ name: { $ilike: like } }, { slug: { $ilike: like } }];
    }
    if (filter.memberUserId) {
      const em = this.db.em();
      const rows = await em.execute<{ cooperative_id: string }[]>(
        'select cooperative_id from federation.memberships where user_id = ? and active',
        [filter.memberUserId],
      );
      where.id = { $in: rows.map((r) => r.cooperative_id) };
    }
    const [items, total] = await this.db.em().findAndCount(Cooperative, where, {
      limit: filter.limit,
      offset: filter.offset,
      orderBy: { name: 'asc', slug: 'asc' },
    });
    return { items, total };
  }

  findBySlug(slug: string, em: EntityManager = this.db.em()): Promise<Cooperative | null> {
    return em.findOne(Cooperative, { slug });
  }

  async adminEmails(cooperativeId: string, em: EntityManager = this.db.em()): Promise<string[]> {
    const rows = await em.execute<{ email: string }[]>(
      `select u.email from federation.memberships m join federation.users u on u.id = m.user_id
        where m.cooperative_id = ? and m.role = 'admin'`,
      [cooperativeId],
    );
    return rows.map((r) => r.email);
  }
}
