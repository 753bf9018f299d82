import { Injectable } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { ListMembersQuery } from '@kotizo/contracts';

export interface MemberRow {
  id: string;
  number: number;
  full_name: string;
  phone: string;
  national_id: string | null;
  joined_on: string;
  status: string;
  status_reason: string | null;
  created_at: string;
}

export interface MemberEventRow {
  at: string;
  actor_user_id: string;
  action: string;
  changes: Record<string, unknown>;
  reason: string | null;
}

const COLUMNS = `id, number, full_name, phone, national_id, to_char(joined_on, 'YYYY-MM-DD') as joined_on,
                 status, status_reason, created_at`;

/** Queries of one cooperative's members; the EntityManager given is bound to its schema. */
@Injectable()
export class MembersRepository {
  async list(
    em: EntityManager,
    query: ListMembersQuery,
    onlyId?: string,
  ): Promise<{ items: MemberRow[]; total: number }> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (onlyId) {
      where.push('id = ?');
      params.push(onlyId);
    }
    if (query.status === 'current') {
      where.push(`status <> 'exited'`);
    } else if (query.status) {
      where.push('status = ?');
      params.push(query.status);
    }
    if (query.q) {
      const like = `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      where.push(`(full_name ilike ? or phone like ? or number::text = ?)`);
      params.push(like, like, query.q.replace(/^#/, ''));
    }
    const clause = where.length ? `where ${where.join(' and ')}` : '';
    const items = await em.execute<MemberRow[]>(
      `select ${COLUMNS} from members ${clause} order by number limit ? offset ?`,
      [...params, query.limit, query.offset],
    );
    const [count] = await em.execute<{ total: string }[]>(`select count(*) as total from members ${clause}`, params);
    return { items, total: Number(count?.total ?? 0) };
  }

  async find(em: EntityManager, id: string, lock = false): Promise<MemberRow | null> {
    const [row] = await em.execute<MemberRow[]>(
      `select ${COLUMNS} from members where id = ?${lock ? ' for update' : ''}`,
      [id],
    );
    return row ?? null;
  }

  async insert(
    em: EntityManager,
    member: { fullName: string; phone: string; nationalId: string | null; joinedOn: string },
  ): Promise<MemberRow> {
    const [row] = await em.execute<MemberRow[]>(
      `insert into members (full_name, phone, national_id, joined_on) values (?, ?, ?, ?) returning ${COLUMNS}`,
      [member.fullName, member.phone, member.nationalId, member.joinedOn],
    );
    return row!;
  }

  async update(em: EntityManager, id: string, fields: Record<string, unknown>): Promise<MemberRow> {
    const columns: Record<string, string> = {
      fullName: 'full_name',
      phone: 'phone',
      nationalId: 'national_id',
      joinedOn: 'joined_on',
      status: 'status',
      statusReason: 'status_reason',
    };
    const keys = Object.keys(fields).filter((k) => k in columns);
    const sets = keys.map((k) => `${columns[k]} = ?`).join(', ');
    const [row] = await em.execute<MemberRow[]>(
      `update members set ${sets}, updated_at = now() where id = ? returning ${COLUMNS}`,
      [...keys.map((k) => fields[k]), id],
    );
    return row!;
  }

  async addEvent(
    em: EntityManager,
    event: {
      memberId: string;
      actorUserId: string;
      action: string;
      changes: Record<string, unknown>;
      reason?: string | null;
    },
  ): Promise<void> {
    await em.execute(
      'insert into member_events (member_id, actor_user_id, action, changes, reason) values (?, ?, ?, ?, ?)',
      [event.memberId, event.actorUserId, event.action, JSON.stringify(event.changes), event.reason ?? null],
    );
  }

  events(em: EntityManager, memberId: string): Promise<MemberEventRow[]> {
    return em.execute<MemberEventRow[]>(
      'select at, actor_user_id, action, changes, reason from member_events where member_id = ? order by id',
      [memberId],
    );
  }
}
