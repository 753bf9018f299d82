import { Injectable } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/postgresql';
import { type CasesChangedEvent, type NotificationData, type NotificationKind, SOCKET_EVENTS } from '@kotizo/contracts';
import type { CooperativeRole } from '@kotizo/domain';
import type { DomainEvent, EventOf } from '../../platform/outbox/domain-events.js';
import { Rooms } from '../../platform/realtime/rooms.js';
import type { TenantContext } from '../../platform/tenancy/tenant-context.js';
import { eventOf, isEvent, type OutboxRow } from './outbox-row.js';

export interface PlannedNotification {
  userId: string;
  kind: NotificationKind;
  data: NotificationData;
  /** The outbox row it comes from (the last one, when several rows make one notification). */
  outboxId: string;
}

export interface PlannedBroadcast {
  rooms: string[];
  event: string;
  payload: unknown;
}

export interface Fanout {
  notifications: PlannedNotification[];
  broadcasts: PlannedBroadcast[];
}

/** Roles told about new findings and cases; roles whose case lists refresh live. */
const CASE_WORKERS: CooperativeRole[] = ['admin', 'auditor'];
const CASE_READERS: CooperativeRole[] = ['admin', 'treasurer', 'auditor'];
/** Who may approve a loan (maker-checker: never its requester). */
const LOAN_APPROVERS: CooperativeRole[] = ['admin', 'treasurer'];
const PREVIEW_LENGTH = 140;

type CaseEvent = EventOf<'case.opened' | 'finding.added'>;

/** What a case-list refresh says happened, per event. */
const CASE_CHANGES = {
  'case.opened': 'opened',
  'finding.added': 'finding',
  'case.assigned': 'assigned',
  'case.status_changed': 'status',
} as const satisfies Record<string, CasesChangedEvent['change']>;

interface CaseInfo {
  id: string;
  number: number;
  severity: string;
  subject_label: string | null;
}

/**
 * Who hears about what. Turns a batch of outbox rows into notifications (one
 * per recipient user) and live broadcasts to rooms. Runs in the relay's
 * transaction, in the cooperative's schema; reads what the events only
 * reference (a case's number, a member's name) at that moment.
 */
@Injectable()
export class EventFanout {
  async plan(tx: EntityManager, tenant: TenantContext, rows: readonly OutboxRow[]): Promise<Fanout> {
    const lookup = new Lookup(tx, tenant);
    const notifications: PlannedNotification[] = [];
    const events = rows.map((row) => ({ row, event: eventOf(row) }));

    // Several hits on one case in a batch (one movement breaking three rules) make one notification.
    const byCase = new Map<string, { rows: OutboxRow[]; events: CaseEvent[] }>();
    for (const { row, event } of events) {
      if (!isEvent(event, 'case.opened', 'finding.added')) continue;
      const group = byCase.get(event.caseId) ?? { rows: [], events: [] };
      group.rows.push(row);
      group.events.push(event);
      byCase.set(event.caseId, group);
    }
    const cases = await lookup.cases([
      ...byCase.keys(),
      ...events.flatMap(({ event }) => (isEvent(event, 'case.assigned') ? [event.caseId] : [])),
    ]);
    if (byCase.size > 0) {
      const workers = await lookup.usersWithRoles(CASE_WORKERS);
      for (const [caseId, group] of byCase) {
        const info = cases.get(caseId);
        const opened = group.events.some((e) => e.type === 'case.opened');
        const data = { ...caseData(caseId, info), findingCount: group.events.length };
        const outboxId = group.rows[group.rows.length - 1]!.id;
        for (const userId of workers) {
          notifications.push({ userId, kind: opened ? 'case.opened' : 'finding.added', data, outboxId });
        }
      }
    }

    for (const { row, event } of events) {
      notifications.push(...(await this.single(lookup, row, event, cases)));
    }
    const active = await lookup.activeUsers(notifications.map((n) => n.userId));
    return {
      notifications: notifications.filter((n) => active.has(n.userId)),
      broadcasts: this.broadcasts(tenant, rows),
    };
  }

  /** The live list refreshes a batch causes; worked out from the rows alone, so a retry needs no lookup. */
  broadcasts(tenant: TenantContext, rows: readonly OutboxRow[]): PlannedBroadcast[] {
    const rooms = CASE_READERS.map((role) => Rooms.role(tenant.cooperativeId, role));
    const seen = new Set<string>();
    const out: PlannedBroadcast[] = [];
    for (const row of [...rows].reverse()) {
      const event = eventOf(row);
      if (!isEvent(event, 'case.opened', 'finding.added', 'case.assigned', 'case.status_changed')) continue;
      if (seen.has(event.caseId)) continue;
      seen.add(event.caseId);
      const change = CASE_CHANGES[event.type];
      const payload: CasesChangedEvent = {
        id: `${tenant.cooperativeId}:${row.id}`,
        tenant: { cooperativeId: tenant.cooperativeId, slug: tenant.slug },
        caseId: event.caseId,
        change,
      };
      out.push({ rooms, event: SOCKET_EVENTS.casesChanged, payload });
    }
    return out.reverse();
  }

  private async single(
    lookup: Lookup,
    row: OutboxRow,
    event: DomainEvent,
    cases: Map<string, CaseInfo>,
  ): Promise<PlannedNotification[]> {
    const to = (userIds: readonly (string | null)[], kind: NotificationKind, data: NotificationData) =>
      userIds.flatMap((userId) => (userId ? [{ userId, kind, data, outboxId: row.id }] : []));
    switch (event.type) {
      case 'case.opened':
      case 'finding.added':
        return []; // grouped per case above
      case 'case.status_changed':
        return []; // the lists refresh (broadcasts); nobody is notified of a status they set or can see
      case 'case.assigned':
        if (event.assigneeId === event.actorId) return [];
        return to([event.assigneeId], 'case.assigned', caseData(event.caseId, cases.get(event.caseId)));
      case 'audit.finished':
        return to([event.requestedBy], 'audit.finished', {
          runId: event.runId,
          runKind: event.runKind,
          status: event.status,
          findingsCreated: event.findingsCreated,
        });
      case 'investigation.finished':
        return to([event.requestedBy], 'investigation.finished', {
          ...(event.caseId ? { caseId: event.caseId } : {}),
          status: event.status,
        });
      case 'loan.requested': {
        const loan = await lookup.loan(event.loanId);
        const approvers = (await lookup.usersWithRoles(LOAN_APPROVERS)).filter((id) => id !== event.requestedBy);
        return to(approvers, 'loan.awaiting_approval', {
          loanId: event.loanId,
          ...(loan
            ? {
                loanNumber: loan.number,
                memberName: loan.member_name,
                amount: Number(loan.principal),
                currency: loan.currency.trim(),
              }
            : {}),
        });
      }
      case 'reminder': {
        const member = await lookup.member(event.memberId);
        if (!member?.user_id) return [];
        const loan = event.loanId ? await lookup.loan(event.loanId) : null;
        return to([member.user_id], event.kind, {
          memberId: event.memberId,
          memberName: member.full_name,
          dueOn: event.dueOn,
          amount: event.amount,
          currency: lookup.currency,
          ...(event.loanId ? { loanId: event.loanId } : {}),
          ...(loan ? { loanNumber: loan.number } : {}),
          ...(event.installmentNumber !== null ? { installmentNumber: event.installmentNumber } : {}),
        });
      }
      case 'message.posted': {
        const message = await lookup.message(event.messageId);
        if (!message) return [];
        const others = message.participant_ids.filter((id) => id !== event.authorId);
        return to(others, 'message.received', {
          threadId: event.threadId,
          messageId: event.messageId,
          subject: message.subject,
          authorName: message.author_name,
          preview: preview(message.body),
        });
      }
    }
  }
}

function caseData(caseId: string, info: CaseInfo | undefined): NotificationData {
  if (!info) return { caseId };
  return { caseId, caseNumber: info.number, severity: info.severity, subjectLabel: info.subject_label };
}

function preview(body: string): string {
  const flat = body.replace(/\s+/g, ' ').trim();
  return flat.length <= PREVIEW_LENGTH ? flat : `${flat.slice(0, PREVIEW_LENGTH - 1)}…`;
}

/** The reads a fan-out needs, each done once per batch. */
class Lookup {
  private readonly roleUsers = new Map<string, string[]>();

  constructor(
    private readonly tx: EntityManager,
    private readonly tenant: TenantContext,
  ) {}

  get currency(): string {
    return this.tenant.currency;
  }

  async usersWithRoles(roles: readonly CooperativeRole[]): Promise<string[]> {
    const key = [...roles].sort().join(',');
    let users = this.roleUsers.get(key);
    if (!users) {
      const rows = await this.tx.execute<{ user_id: string }[]>(
        `select m.user_id from federation.memberships m
          where m.cooperative_id = ? and m.active and m.role in (?) order by m.user_id`,
        [this.tenant.cooperativeId, roles],
      );
      users = rows.map((r) => r.user_id);
      this.roleUsers.set(key, users);
    }
    return users;
  }

  async activeUsers(ids: readonly string[]): Promise<Set<string>> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return new Set();
    const rows = await this.tx.execute<{ id: string }[]>('select id from federation.users where id in (?) and active', [
      unique,
    ]);
    return new Set(rows.map((r) => r.id));
  }

  async cases(ids: readonly string[]): Promise<Map<string, CaseInfo>> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return new Map();
    const rows = await this.tx.execute<CaseInfo[]>(
      `select c.id, c.number, c.severity,
              case c.subject_type
                when 'member' then (select m.full_name from members m where m.id = c.subject_id)
                when 'loan' then (select '#' || l.number || ' ' || m.full_name
                                    from loans l join members m on m.id = l.member_id where l.id = c.subject_id)
                else null end as subject_label
         from cases c where c.id in (?)`,
      [unique],
    );
    return new Map(rows.map((r) => [r.id, r]));
  }

  async loan(
    id: string,
  ): Promise<{ number: number; principal: string; currency: string; member_name: string } | undefined> {
    const [row] = await this.tx.execute<{ number: number; principal: string; currency: string; member_name: string }[]>(
      `select l.number, l.principal, l.currency, m.full_name as member_name
         from loans l join members m on m.id = l.member_id where l.id = ?`,
      [id],
    );
    return row;
  }

  async member(id: string): Promise<{ full_name: string; user_id: string | null } | undefined> {
    const [row] = await this.tx.execute<{ full_name: string; user_id: string | null }[]>(
      `select m.full_name,
              (select ms.user_id from federation.memberships ms
                where ms.user_id = m.user_id and ms.cooperative_id = ? and ms.active) as user_id
         from members m where m.id = ?`,
      [this.tenant.cooperativeId, id],
    );
    return row;
  }

  async message(
    id: string,
  ): Promise<{ subject: string; body: string; author_name: string; participant_ids: string[] } | undefined> {
    const [row] = await this.tx.execute<
      { subject: string; body: string; author_name: string; participant_ids: string[] }[]
    >(
      `select t.subject, m.body, coalesce(u.name, '') as author_name,
              array(select p.user_id from thread_participants p where p.thread_id = t.id order by p.user_id)
                as participant_ids
         from messages m
         join message_threads t on t.id = m.thread_id
         left join federation.users u on u.id = m.author_id
        where m.id = ?`,
      [id],
    );
    return row;
  }
}
