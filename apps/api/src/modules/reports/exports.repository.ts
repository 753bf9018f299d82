import { Injectable } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { IsoDate } from '@kotizo/domain';
import type { LoanRow } from '../loans/loans.repository.js';

export interface MovementExportRow {
  seq: string;
  occurred_on: string;
  kind: string;
  reverses_seq: string | null;
  direction: number;
  amount: string;
  member_number: number | null;
  member_name: string | null;
  loan_number: number | null;
  category: string | null;
  channel: string;
  external_ref: string | null;
  memo: string | null;
  reason: string | null;
  recorded_at: string;
}

export interface MemberExportRow {
  id: string;
  number: number;
  full_name: string;
  phone: string;
  national_id: string | null;
  joined_on: string;
  status: string;
  status_reason: string | null;
}

export interface DuesMemberRow {
  id: string;
  number: number;
  full_name: string;
  joined_on: string;
  override_amount: string | null;
}

export interface CaseExportRow {
  number: number;
  opened_at: string;
  subject_type: string;
  subject: string | null;
  severity: string;
  status: string;
  assignee: string | null;
  findings: string;
  rules: string | null;
  updated_at: string;
  closed_at: string | null;
  outcome_note: string | null;
}

export interface StatementMemberRow {
  id: string;
  number: number;
  full_name: string;
  /** The member's first day in the books: joined, or an earlier movement (history brought in). */
  first_day: string;
}

export interface StatementRow {
  seq: string;
  occurred_on: string;
  kind: string;
  reverses_seq: string | null;
  reverses_kind: string | null;
  direction: number;
  amount: string;
  loan_number: number | null;
  category: string | null;
  channel: string;
  external_ref: string | null;
  memo: string | null;
  reason: string | null;
  recorded_at: string;
}

const LOCAL_TIME = `'YYYY-MM-DD HH24:MI:SS'`;

/** How a movement changes the member's savings: contributions, and their reversals, only. */
const SAVINGS_CHANGE = `case when t.kind = 'contribution' then t.amount
                              when t.kind = 'reversal' and o.kind = 'contribution' then -t.amount
                              else 0 end`;

/**
 * Batches of rows for the CSV exports, each read by keyset (after the last
 * row of the previous batch), so a batch costs the same at the start and at
 * the end of a large file.
 */
@Injectable()
export class ExportsRepository {
  async lastSeq(em: EntityManager): Promise<number> {
    const [row] = await em.execute<{ seq: string }[]>('select seq from ledger_head where id = 1');
    return Number(row?.seq ?? 0);
  }

  /** Movements of the period in date order, up to `maxSeq` (the head when the export began). */
  movements(
    em: EntityManager,
    period: { from: IsoDate; to: IsoDate; maxSeq: number; timeZone: string },
    after: { day: IsoDate; seq: number },
    limit: number,
  ): Promise<MovementExportRow[]> {
    return em.execute<MovementExportRow[]>(
      `select t.seq, to_char(t.occurred_on, 'YYYY-MM-DD') as occurred_on, t.kind, o.seq as reverses_seq, t.direction,
              t.amount, m.number as member_number, m.full_name as member_name, l.number as loan_number, t.category,
              t.channel, t.external_ref, t.memo, t.reason,
              to_char(t.recorded_at at time zone ?, ${LOCAL_TIME}) as recorded_at
         from transactions t
         left join transactions o on o.id = t.reverses_id
         left join members m on m.id = t.member_id
         left join loans l on l.id = t.loan_id
        where t.occurred_on between ? and ? and t.seq <= ? and (t.occurred_on, t.seq) > (?::date, ?)
        order by t.occurred_on, t.seq
        limit ?`,
      [period.timeZone, period.from, period.to, period.maxSeq, after.day, after.seq, limit],
    );
  }

  async statementMember(em: EntityManager, id: string): Promise<StatementMemberRow | null> {
    const [row] = await em.execute<StatementMemberRow[]>(
      `select m.id, m.number, m.full_name,
              to_char(least(m.joined_on, (select min(t.occurred_on) from transactions t where t.member_id = m.id)),
                      'YYYY-MM-DD') as first_day
         from members m where m.id = ?`,
      [id],
    );
    return row ?? null;
  }

  /** The member's savings from the movements dated before `before`, up to `maxSeq`. */
  async savingsBefore(em: EntityManager, memberId: string, before: IsoDate, maxSeq: number): Promise<number> {
    const [row] = await em.execute<{ savings: string | null }[]>(
      `select sum(${SAVINGS_CHANGE}) as savings
         from transactions t left join transactions o on o.id = t.reverses_id
        where t.member_id = ? and t.occurred_on < ? and t.seq <= ?`,
      [memberId, before, maxSeq],
    );
    return Number(row?.savings ?? 0);
  }

  /** The member's movements of the period in date order, up to `maxSeq` (the head when the export began). */
  statement(
    em: EntityManager,
    memberId: string,
    period: { from: IsoDate; to: IsoDate; maxSeq: number; timeZone: string },
    after: { day: IsoDate; seq: number },
    limit: number,
  ): Promise<StatementRow[]> {
    return em.execute<StatementRow[]>(
      `select t.seq, to_char(t.occurred_on, 'YYYY-MM-DD') as occurred_on, t.kind, o.seq as reverses_seq,
              o.kind as reverses_kind, t.direction, t.amount, l.number as loan_number, t.category, t.channel,
              t.external_ref, t.memo, t.reason, to_char(t.recorded_at at time zone ?, ${LOCAL_TIME}) as recorded_at
         from transactions t
         left join transactions o on o.id = t.reverses_id
         left join loans l on l.id = t.loan_id
        where t.member_id = ? and t.occurred_on between ? and ? and t.seq <= ? and (t.occurred_on, t.seq) > (?::date, ?)
        order by t.occurred_on, t.seq
        limit ?`,
      [period.timeZone, memberId, period.from, period.to, period.maxSeq, after.day, after.seq, limit],
    );
  }

  members(em: EntityManager, afterNumber: number, limit: number): Promise<MemberExportRow[]> {
    return em.execute<MemberExportRow[]>(
      `select id, number, full_name, phone, national_id, to_char(joined_on, 'YYYY-MM-DD') as joined_on, status,
              status_reason
         from members where number > ? order by number limit ?`,
      [afterNumber, limit],
    );
  }

  /** Savings of each member given: contributions minus their reversals. */
  async savings(em: EntityManager, memberIds: string[]): Promise<Map<string, number>> {
    if (memberIds.length === 0) return new Map();
    const rows = await em.execute<{ member_id: string; savings: string }[]>(
      `select t.member_id, sum(case when t.kind = 'contribution' then t.amount else -t.amount end) as savings
         from transactions t left join transactions o on o.id = t.reverses_id
        where t.member_id in (?)
          and (t.kind = 'contribution' or (t.kind = 'reversal' and o.kind = 'contribution'))
        group by t.member_id`,
      [memberIds],
    );
    return new Map(rows.map((r) => [r.member_id, Number(r.savings)]));
  }

  loans(em: EntityManager, afterNumber: number, limit: number): Promise<(LoanRow & { member_number: number })[]> {
    return em.execute<(LoanRow & { member_number: number })[]>(
      `select l.id, l.number, l.member_id, m.full_name as member_name, m.number as member_number, l.principal,
              l.currency, l.annual_rate_bp, l.method, l.installments, l.frequency, l.purpose, l.status,
              l.requested_by, l.requested_at, l.decided_by, l.decision_note,
              to_char(l.disbursed_on, 'YYYY-MM-DD') as disbursed_on, l.write_off_reason
         from loans l join members m on m.id = l.member_id
        where l.number > ? order by l.number limit ?`,
      [afterNumber, limit],
    );
  }

  /** Active members, as the dues page lists them. */
  duesMembers(em: EntityManager, afterNumber: number, limit: number): Promise<DuesMemberRow[]> {
    return em.execute<DuesMemberRow[]>(
      `select m.id, m.number, m.full_name, to_char(m.joined_on, 'YYYY-MM-DD') as joined_on, o.amount as override_amount
         from members m left join contribution_overrides o on o.member_id = m.id
        where m.status = 'active' and m.number > ?
        order by m.number limit ?`,
      [afterNumber, limit],
    );
  }

  /** Contributions still standing (reversed ones left out) of the members given, in date order. */
  async contributions(
    em: EntityManager,
    memberIds: string[],
  ): Promise<Map<string, { date: string; amount: number }[]>> {
    const byMember = new Map<string, { date: string; amount: number }[]>();
    if (memberIds.length === 0) return byMember;
    const rows = await em.execute<{ member_id: string; occurred_on: string; amount: string }[]>(
      `select t.member_id, to_char(t.occurred_on, 'YYYY-MM-DD') as occurred_on, t.amount from transactions t
        where t.kind = 'contribution' and t.member_id in (?)
          and not exists (select 1 from transactions r where r.reverses_id = t.id)
        order by t.member_id, t.occurred_on, t.seq`,
      [memberIds],
    );
    for (const r of rows) {
      const list = byMember.get(r.member_id) ?? [];
      list.push({ date: r.occurred_on, amount: Number(r.amount) });
      byMember.set(r.member_id, list);
    }
    return byMember;
  }

  cases(em: EntityManager, timeZone: string, afterNumber: number, limit: number): Promise<CaseExportRow[]> {
    return em.execute<CaseExportRow[]>(
      `select c.number, to_char(c.opened_at at time zone ?, ${LOCAL_TIME}) as opened_at, c.subject_type,
              case c.subject_type
                when 'member' then (select m.full_name from members m where m.id = c.subject_id)
                when 'loan' then (select '#' || l.number || ' ' || m.full_name
                                    from loans l join members m on m.id = l.member_id where l.id = c.subject_id)
              end as subject,
              c.severity, c.status, u.name as assignee,
              (select count(*) from findings f where f.case_id = c.id) as findings,
              (select string_agg(distinct f.rule_id, ' ') from findings f where f.case_id = c.id) as rules,
              to_char(c.updated_at at time zone ?, ${LOCAL_TIME}) as updated_at,
              to_char(c.closed_at at time zone ?, ${LOCAL_TIME}) as closed_at, c.outcome_note
         from cases c left join federation.users u on u.id = c.assignee_id
        where c.number > ? order by c.number limit ?`,
      [timeZone, timeZone, timeZone, afterNumber, limit],
    );
  }
}
