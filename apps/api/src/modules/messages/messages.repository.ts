import { Injectable } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { MessageResponse, ThreadParticipant, ThreadSummaryResponse } from '@kotizo/contracts';
import { isoTimestamp } from '../../platform/database/timestamps.js';

interface ThreadRow {
  id: string;
  subject: string;
  created_at: string;
  last_message_at: string;
  last_author: string | null;
  last_body: string | null;
  unread: string;
}

interface MessageRow {
  id: string;
  seq: string;
  thread_id: string;
  author_id: string;
  author_name: string | null;
  body: string;
  created_at: string;
}

const PREVIEW = 140;
/** Messages shown with a thread (the most recent ones). */
export const THREAD_MESSAGES = 200;

export function toMessageResponse(row: MessageRow): MessageResponse {
  return {
    id: row.id,
    threadId: row.thread_id,
    authorId: row.author_id,
    authorName: row.author_name ?? '',
    body: row.body,
    createdAt: isoTimestamp(row.created_at),
  };
}

const THREAD_COLUMNS = `t.id, t.subject, t.created_at, t.last_message_at,
  (select coalesce(u.name, '') from messages m left join federation.users u on u.id = m.author_id
    where m.thread_id = t.id order by m.seq desc limit 1) as last_author,
  (select m.body from messages m where m.thread_id = t.id order by m.seq desc limit 1) as last_body,
  (select count(*) from messages m where m.thread_id = t.id and m.seq > p.last_read_seq and m.author_id <> p.user_id)
    as unread`;

/** Threads, their participants and messages, in the cooperative's schema bound by the caller. */
@Injectable()
export class MessagesRepository {
  async threads(
    em: EntityManager,
    cooperativeId: string,
    userId: string,
    page: { limit: number; offset: number; unread?: boolean },
  ): Promise<{ items: ThreadSummaryResponse[]; total: number; unreadTotal: number }> {
    const unreadOnly = page.unread
      ? `and exists (select 1 from messages m where m.thread_id = t.id and m.seq > p.last_read_seq
                      and m.author_id <> p.user_id)`
      : '';
    const rows = await em.execute<ThreadRow[]>(
      `select ${THREAD_COLUMNS}
         from message_threads t join thread_participants p on p.thread_id = t.id and p.user_id = ?
        where true ${unreadOnly}
        order by t.last_message_at desc, t.id limit ? offset ?`,
      [userId, page.limit, page.offset],
    );
    const [counts] = await em.execute<{ total: string; unread: string }[]>(
      `select count(*) filter (where true ${unreadOnly}) as total,
              coalesce(sum((select count(*) from messages m where m.thread_id = t.id and m.seq > p.last_read_seq
                             and m.author_id <> p.user_id)), 0) as unread
         from message_threads t join thread_participants p on p.thread_id = t.id and p.user_id = ?`,
      [userId],
    );
    const participants = await this.participants(
      em,
      cooperativeId,
      rows.map((r) => r.id),
    );
    return {
      items: rows.map((r) => this.summary(r, participants.get(r.id) ?? [])),
      total: Number(counts?.total ?? 0),
      unreadTotal: Number(counts?.unread ?? 0),
    };
  }

  /** The thread as its participant `userId` sees it; null when it does not exist or they are not in it. */
  async thread(
    em: EntityManager,
    cooperativeId: string,
    userId: string,
    threadId: string,
  ): Promise<ThreadSummaryResponse | null> {
    const [row] = await em.execute<ThreadRow[]>(
      `select ${THREAD_COLUMNS}
         from message_threads t join thread_participants p on p.thread_id = t.id and p.user_id = ?
        where t.id = ?`,
      [userId, threadId],
    );
    if (!row) return null;
    const participants = await this.participants(em, cooperativeId, [row.id]);
    return this.summary(row, participants.get(row.id) ?? []);
  }

  /** Whether `userId` takes part in the thread (the cheap check before a write). */
  async isParticipant(em: EntityManager, threadId: string, userId: string): Promise<boolean> {
    const rows = await em.execute<{ n: number }[]>(
      'select 1 as n from thread_participants where thread_id = ? and user_id = ?',
      [threadId, userId],
    );
    return rows.length > 0;
  }

  async messages(em: EntityManager, threadId: string): Promise<MessageResponse[]> {
    const rows = await em.execute<MessageRow[]>(
      `select * from (
         select m.id, m.seq, m.thread_id, m.author_id, u.name as author_name, m.body, m.created_at
           from messages m left join federation.users u on u.id = m.author_id
          where m.thread_id = ? order by m.seq desc limit ?) recent
        order by seq`,
      [threadId, THREAD_MESSAGES],
    );
    return rows.map(toMessageResponse);
  }

  async createThread(
    tx: EntityManager,
    thread: { id: string; subject: string; createdBy: string; participantIds: string[] },
  ): Promise<void> {
    await tx.execute('insert into message_threads (id, subject, created_by) values (?, ?, ?)', [
      thread.id,
      thread.subject,
      thread.createdBy,
    ]);
    await tx.execute(
      `insert into thread_participants (thread_id, user_id) values ${thread.participantIds.map(() => '(?, ?)').join(', ')}`,
      thread.participantIds.flatMap((userId) => [thread.id, userId]),
    );
  }

  /** Appends a message; the author has read their own thread up to it. */
  async addMessage(
    tx: EntityManager,
    message: { id: string; threadId: string; authorId: string; body: string },
  ): Promise<MessageResponse> {
    const [row] = await tx.execute<MessageRow[]>(
      `insert into messages (id, thread_id, author_id, body) values (?, ?, ?, ?)
       returning id, seq, thread_id, author_id, (select name from federation.users where id = ?) as author_name,
                 body, created_at`,
      [message.id, message.threadId, message.authorId, message.body, message.authorId],
    );
    await tx.execute('update message_threads set last_message_at = ? where id = ?', [
      row!.created_at,
      message.threadId,
    ]);
    await tx.execute('update thread_participants set last_read_seq = ? where thread_id = ? and user_id = ?', [
      row!.seq,
      message.threadId,
      message.authorId,
    ]);
    return toMessageResponse(row!);
  }

  async markRead(tx: EntityManager, threadId: string, userId: string): Promise<void> {
    await tx.execute(
      `update thread_participants
          set last_read_seq = greatest(last_read_seq, coalesce((select max(seq) from messages where thread_id = ?), 0))
        where thread_id = ? and user_id = ?`,
      [threadId, threadId, userId],
    );
  }

  /** Active users of the cooperative among `ids`, with their role there. */
  async members(em: EntityManager, cooperativeId: string, ids: readonly string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rows = await em.execute<{ user_id: string; role: string }[]>(
      `select m.user_id, m.role from federation.memberships m join federation.users u on u.id = m.user_id
        where m.cooperative_id = ? and m.active and u.active and m.user_id in (?)`,
      [cooperativeId, ids],
    );
    return new Map(rows.map((r) => [r.user_id, r.role]));
  }

  /** Active users of the cooperative with one of `roles` (every role when null), by name. */
  async people(
    em: EntityManager,
    cooperativeId: string,
    roles: readonly string[] | null,
  ): Promise<ThreadParticipant[]> {
    return em.execute<ThreadParticipant[]>(
      `select u.id, u.name, m.role from federation.memberships m join federation.users u on u.id = m.user_id
        where m.cooperative_id = ? and m.active and u.active ${roles ? 'and m.role in (?)' : ''}
        order by u.name, u.id`,
      roles ? [cooperativeId, roles] : [cooperativeId],
    );
  }

  private async participants(
    em: EntityManager,
    cooperativeId: string,
    threadIds: readonly string[],
  ): Promise<Map<string, ThreadParticipant[]>> {
    if (threadIds.length === 0) return new Map();
    const rows = await em.execute<{ thread_id: string; id: string; name: string | null; role: string | null }[]>(
      `select p.thread_id, p.user_id as id, u.name, m.role
         from thread_participants p
         left join federation.users u on u.id = p.user_id
         left join federation.memberships m on m.user_id = p.user_id and m.cooperative_id = ? and m.active
        where p.thread_id in (?) order by u.name, p.user_id`,
      [cooperativeId, threadIds],
    );
    const byThread = new Map<string, ThreadParticipant[]>();
    for (const r of rows) {
      const list = byThread.get(r.thread_id) ?? [];
      list.push({ id: r.id, name: r.name ?? '', role: r.role });
      byThread.set(r.thread_id, list);
    }
    return byThread;
  }

  private summary(row: ThreadRow, participants: ThreadParticipant[]): ThreadSummaryResponse {
    const body = (row.last_body ?? '').replace(/\s+/g, ' ').trim();
    return {
      id: row.id,
      subject: row.subject,
      participants,
      createdAt: isoTimestamp(row.created_at),
      lastMessageAt: isoTimestamp(row.last_message_at),
      lastMessage: {
        authorName: row.last_author ?? '',
        preview: body.length <= PREVIEW ? body : `${body.slice(0, PREVIEW - 1)}…`,
      },
      unreadCount: Number(row.unread),
    };
  }
}
