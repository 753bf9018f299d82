import { Injectable } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  CASE_STATUSES,
  CLOSED_CASE_STATUSES,
  type CaseCounts,
  type CaseDetailResponse,
  type CaseEventResponse,
  type CasePage,
  type CaseStatus,
  type CaseSummaryResponse,
  type ChangeCaseStatusRequest,
  type FindingResponse,
  type ListCasesQuery,
  type SubjectType,
  type VerdictResponse,
} from '@kotizo/contracts';
import type { HeldCondition, Localized, RuleScope, Severity } from '@kotizo/rules-engine';
import { TenantDatabase } from '../../platform/database/tenant-database.js';
import { isoTimestamp } from '../../platform/database/timestamps.js';
import { Conflict, NotFound, ValidationFailed, fieldError } from '../../platform/errors/app-error.js';
import type { TenantRequestContext } from '../../platform/tenancy/tenant-context.js';
import { writeOutbox } from '../../platform/outbox/outbox.js';
import { isUuid } from '../../platform/validation/uuid.js';
import { FindingsRepository } from './findings.repository.js';
import type { StoredHit } from './movement-auditor.js';

interface CaseRow {
  id: string;
  number: number;
  subject_type: SubjectType;
  subject_id: string | null;
  subject_label: string | null;
  severity: Severity;
  status: CaseStatus;
  assignee_id: string | null;
  assignee_name: string | null;
  rule_ids: string[] | null;
  finding_count: string;
  opened_at: string;
  updated_at: string;
  closed_at: string | null;
  outcome_note: string | null;
}

interface FindingRow {
  id: string;
  case_id: string;
  rule_id: string;
  rule_version: number;
  rule_name: Localized;
  severity: Severity;
  scope: RuleScope;
  subject_type: SubjectType;
  subject_id: string | null;
  period: string;
  message: Localized;
  held: HeldCondition[];
  transaction_ids: string[];
  occurrences: number;
  first_seen_at: string;
  last_seen_at: string;
}

const SUBJECT_LABEL = `case c.subject_type
    when 'member' then (select m.full_name from members m where m.id = c.subject_id)
    when 'loan' then (select '#' || l.number || ' ' || m.full_name from loans l join members m on m.id = l.member_id
                       where l.id = c.subject_id)
    else null end`;

const CASE_COLUMNS = `c.id, c.number, c.subject_type, c.subject_id, ${SUBJECT_LABEL} as subject_label, c.severity, c.status,
  c.assignee_id, (select u.name from federation.users u where u.id = c.assignee_id) as assignee_name,
  (select array_agg(distinct f.rule_id) from findings f where f.case_id = c.id) as rule_ids,
  (select count(*) from findings f where f.case_id = c.id) as finding_count,
  c.opened_at, c.updated_at, c.closed_at, c.outcome_note`;

const ACTIVE: CaseStatus[] = ['open', 'investigating'];

function toSummary(row: CaseRow): CaseSummaryResponse {
  return {
    id: row.id,
    number: row.number,
    subject: { type: row.subject_type, id: row.subject_id, label: row.subject_label },
    severity: row.severity,
    status: row.status,
    assigneeId: row.assignee_id,
    assigneeName: row.assignee_name,
    ruleIds: row.rule_ids ?? [],
    findingCount: Number(row.finding_count),
    openedAt: isoTimestamp(row.opened_at),
    updatedAt: isoTimestamp(row.updated_at),
    closedAt: row.closed_at ? isoTimestamp(row.closed_at) : null,
  };
}

function toFinding(row: FindingRow, label: string | null): FindingResponse {
  return {
    id: row.id,
    caseId: row.case_id,
    ruleId: row.rule_id,
    ruleVersion: row.rule_version,
    ruleName: row.rule_name,
    severity: row.severity,
    scope: row.scope,
    subject: { type: row.subject_type, id: row.subject_id, label },
    period: row.period,
    message: row.message,
    held: row.held,
    transactionIds: row.transaction_ids,
    occurrences: row.occurrences,
    firstSeenAt: isoTimestamp(row.first_seen_at),
    lastSeenAt: isoTimestamp(row.last_seen_at),
  };
}

/**
 * The cases auditors work: an inbox with filters and counts, each case with
 * its findings, evidence and timeline, assignment, comments and closing with
 * an outcome. Every change is an event on the case's timeline.
 */
@Injectable()
export class CasesService {
  constructor(
    private readonly db: TenantDatabase,
    private readonly findings: FindingsRepository,
  ) {}

  async list(ctx: TenantRequestContext, query: ListCasesQuery): Promise<CasePage> {
    return this.db.read(ctx.tenant, async (em) => {
      const where: string[] = [];
      const params: unknown[] = [];
      const filter = (sql: string, ...values: unknown[]): void => {
        where.push(sql);
        params.push(...values);
      };
      if (query.status === 'active') filter(`c.status in ('open', 'investigating')`);
      else if (query.status === 'closed') filter(`c.status in ('confirmed', 'false_positive', 'resolved')`);
      else if (query.status) filter('c.status = ?', query.status);
      if (query.severity) filter('c.severity = ?', query.severity);
      if (query.assigneeId) filter('c.assignee_id = ?', query.assigneeId);
      if (query.ruleId)
        filter('exists (select 1 from findings f where f.case_id = c.id and f.rule_id = ?)', query.ruleId);
      if (query.memberId) {
        filter(
          `((c.subject_type = 'member' and c.subject_id = ?)
            or (c.subject_type = 'loan' and c.subject_id in (select id from loans where member_id = ?)))`,
          query.memberId,
          query.memberId,
        );
      }
      const clause = where.length ? `where ${where.join(' and ')}` : '';
      const rows = await em.execute<CaseRow[]>(
        `select ${CASE_COLUMNS} from cases c ${clause}
          order by (c.status in ('open', 'investigating')) desc, c.severity_rank desc, c.updated_at desc
          limit ? offset ?`,
        [...params, query.limit, query.offset],
      );
      const [total] = await em.execute<{ n: string }[]>(`select count(*) as n from cases c ${clause}`, params);
      return {
        items: rows.map(toSummary),
        total: Number(total!.n),
        limit: query.limit,
        offset: query.offset,
        counts: await this.counts(em),
      };
    });
  }

  async get(ctx: TenantRequestContext, id: string): Promise<CaseDetailResponse> {
    return this.db.read(ctx.tenant, (em) => this.detail(em, id));
  }

  async assign(ctx: TenantRequestContext, id: string, assigneeId: string | null): Promise<CaseDetailResponse> {
    return this.change(ctx, id, async (tx, current) => {
      if (assigneeId !== null) {
        const [member] = await tx.execute<{ role: string }[]>(
          `select role from federation.memberships
            where user_id = ? and cooperative_id = ? and active and role in ('admin', 'auditor')`,
          [assigneeId, ctx.tenant.cooperativeId],
        );
        if (!member) {
          throw new ValidationFailed([fieldError('assigneeId', 'not_auditor_or_admin')]);
        }
      }
      if (current.assignee_id === assigneeId) return;
      await tx.execute('update cases set assignee_id = ?, updated_at = now() where id = ?', [assigneeId, id]);
      await this.findings.event(tx, id, ctx.principal.userId, 'assigned', {
        from: current.assignee_id,
        to: assigneeId,
      });
      if (assigneeId !== null) {
        await writeOutbox(tx, { type: 'case.assigned', caseId: id, assigneeId, actorId: ctx.principal.userId });
      }
    });
  }

  async comment(ctx: TenantRequestContext, id: string, text: string): Promise<CaseDetailResponse> {
    return this.change(ctx, id, async (tx) => {
      await tx.execute('update cases set updated_at = now() where id = ?', [id]);
      await this.findings.event(tx, id, ctx.principal.userId, 'commented', { text });
    });
  }

  /**
   * Moves a case along: open, investigating, then closed as confirmed, false
   * positive or resolved (with a note). A closed case can be reopened unless
   * the same subject has another open case by now.
   */
  async changeStatus(
    ctx: TenantRequestContext,
    id: string,
    request: ChangeCaseStatusRequest,
  ): Promise<CaseDetailResponse> {
    return this.change(ctx, id, async (tx, current) => {
      if (current.status === request.status) return;
      const closing = CLOSED_CASE_STATUSES.includes(request.status);
      const wasClosed = CLOSED_CASE_STATUSES.includes(current.status);
      if (wasClosed && closing) {
        throw new Conflict('case_closed');
      }
      if (wasClosed) {
        const [other] = await tx.execute<{ number: number }[]>(
          `select number from cases where subject_type = ? and coalesce(subject_id::text, '') = coalesce(?::text, '')
              and status in ('open', 'investigating') and id <> ?`,
          [current.subject_type, current.subject_id, id],
        );
        if (other) {
          throw new Conflict('subject_has_open_case', { params: { number: other.number } });
        }
      }
      await tx.execute(
        `update cases set status = ?, updated_at = now(),
                closed_at = case when ? then now() else null end,
                closed_by = case when ? then ?::uuid else null end,
                outcome_note = case when ? then ? else outcome_note end
          where id = ?`,
        [request.status, closing, closing, ctx.principal.userId, closing, request.note ?? null, id],
      );
      await this.findings.event(tx, id, ctx.principal.userId, wasClosed ? 'reopened' : 'status_changed', {
        from: current.status,
        to: request.status,
        note: request.note ?? null,
      });
      await writeOutbox(tx, {
        type: 'case.status_changed',
        caseId: id,
        from: current.status,
        to: request.status,
        actorId: ctx.principal.userId,
      });
    });
  }

  async verdict(ctx: TenantRequestContext, transactionId: string): Promise<VerdictResponse> {
    const [row] = isUuid(transactionId)
      ? await this.db.read(ctx.tenant, (em) =>
          em.execute<{ rule_version: number; hits: StoredHit[]; evaluated_at: string }[]>(
            'select rule_version, hits, evaluated_at from movement_verdicts where transaction_id = ?',
            [transactionId],
          ),
        )
      : [];
    if (!row) throw new NotFound('verdict');
    return {
      transactionId,
      ruleVersion: row.rule_version,
      evaluatedAt: isoTimestamp(row.evaluated_at),
      hits: row.hits.map((h) => ({
        ruleId: h.ruleId,
        severity: h.severity,
        name: h.name,
        message: h.message,
        caseId: h.caseId,
      })),
    };
  }

  private async change(
    ctx: TenantRequestContext,
    id: string,
    work: (tx: EntityManager, current: CaseRow) => Promise<void>,
  ): Promise<CaseDetailResponse> {
    if (!isUuid(id)) throw new NotFound('case');
    return this.db.transactional(ctx.tenant, async (tx) => {
      const [current] = await tx.execute<CaseRow[]>(`select ${CASE_COLUMNS} from cases c where c.id = ? for update`, [
        id,
      ]);
      if (!current) throw new NotFound('case');
      await work(tx, current);
      return this.detail(tx, id);
    });
  }

  private async detail(em: EntityManager, id: string): Promise<CaseDetailResponse> {
    const [row] = isUuid(id)
      ? await em.execute<CaseRow[]>(`select ${CASE_COLUMNS} from cases c where c.id = ?`, [id])
      : [];
    if (!row) throw new NotFound('case');
    const findings = await em.execute<FindingRow[]>(
      `select * from findings where case_id = ? order by last_seen_at desc`,
      [id],
    );
    const events = await em.execute<
      { id: string; at: string; actor_id: string | null; actor_name: string | null; action: string; data: object }[]
    >(
      `select e.id, e.at, e.actor_id, (select u.name from federation.users u where u.id = e.actor_id) as actor_name,
              e.action, e.data
         from case_events e where e.case_id = ? order by e.id`,
      [id],
    );
    return {
      ...toSummary(row),
      outcomeNote: row.outcome_note,
      findings: findings.map((f) => toFinding(f, row.subject_label)),
      timeline: events.map((e): CaseEventResponse => ({
        id: Number(e.id),
        at: isoTimestamp(e.at),
        actorId: e.actor_id,
        actorName: e.actor_name,
        action: e.action as CaseEventResponse['action'],
        data: e.data as Record<string, unknown>,
      })),
    };
  }

  private async counts(em: EntityManager): Promise<CaseCounts> {
    const rows = await em.execute<{ status: CaseStatus; severity: Severity; n: string }[]>(
      'select status, severity, count(*) as n from cases group by status, severity',
    );
    const byStatus = Object.fromEntries(CASE_STATUSES.map((s) => [s, 0])) as Record<CaseStatus, number>;
    const bySeverity: Record<Severity, number> = { low: 0, medium: 0, high: 0, critical: 0 };
    for (const r of rows) {
      byStatus[r.status] += Number(r.n);
      // Severity counts are of the cases still being worked.
      if (ACTIVE.includes(r.status)) bySeverity[r.severity] += Number(r.n);
    }
    return { byStatus, bySeverity };
  }
}
