import { Injectable } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { SubjectType } from '@kotizo/contracts';
import type { Hit, Severity } from '@kotizo/rules-engine';
import { writeOutbox } from '../../platform/outbox/outbox.js';

export const SEVERITY_RANK: Record<Severity, number> = { low: 1, medium: 2, high: 3, critical: 4 };
const NO_SUBJECT = '00000000-0000-0000-0000-000000000000';

export interface NewFinding {
  hit: Hit;
  ruleVersion: number;
  subjectType: SubjectType;
  subjectId: string | null;
  /** What makes it the same finding again: a day, a month or a due date. */
  period: string;
  transactionId: string | null;
}

export interface RecordedFinding {
  findingId: string;
  caseId: string;
  /** False when the same finding was already known (a repeat or a re-run). */
  created: boolean;
  caseOpened: boolean;
}

/**
 * Turns hits into findings and cases. A finding is unique per rule, subject
 * and period, so re-running an audit (or a killed job run again) adds nothing;
 * a new finding joins the subject's open case, or opens one.
 */
@Injectable()
export class FindingsRepository {
  async record(tx: EntityManager, finding: NewFinding): Promise<RecordedFinding> {
    const existing = await this.find(tx, finding);
    if (existing) return this.repeat(tx, existing, finding);
    const { caseId, opened } = await this.openCase(tx, finding);
    const [row] = await tx.execute<{ id: string }[]>(
      `insert into findings (case_id, rule_id, rule_version, severity, scope, subject_type, subject_id, period,
                             rule_name, message, held, transaction_ids)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::uuid[])
       on conflict (rule_id, subject_type, coalesce(subject_id, '${NO_SUBJECT}'), period) do nothing
       returning id`,
      [
        caseId,
        finding.hit.ruleId,
        finding.ruleVersion,
        finding.hit.severity,
        finding.hit.scope,
        finding.subjectType,
        finding.subjectId,
        finding.period,
        JSON.stringify(finding.hit.name),
        JSON.stringify(finding.hit.message),
        JSON.stringify(finding.hit.held),
        finding.transactionId ? `{${finding.transactionId}}` : '{}',
      ],
    );
    if (!row) {
      // Another writer recorded the same finding a moment ago.
      const raced = await this.find(tx, finding);
      return this.repeat(tx, raced!, finding);
    }
    const rank = SEVERITY_RANK[finding.hit.severity];
    await tx.execute(
      `update cases set severity = case when severity_rank < ? then ? else severity end,
                        severity_rank = greatest(severity_rank, ?), updated_at = now()
        where id = ?`,
      [rank, finding.hit.severity, rank, caseId],
    );
    await this.event(tx, caseId, null, 'finding_added', {
      findingId: row.id,
      ruleId: finding.hit.ruleId,
      severity: finding.hit.severity,
      transactionId: finding.transactionId,
    });
    // Auditors and admins are told, once the finding commits (the outbox commits with it).
    await writeOutbox(tx, {
      type: opened ? 'case.opened' : 'finding.added',
      caseId,
      findingId: row.id,
      ruleId: finding.hit.ruleId,
      severity: finding.hit.severity,
    });
    return { findingId: row.id, caseId, created: true, caseOpened: opened };
  }

  async event(
    tx: EntityManager,
    caseId: string,
    actorId: string | null,
    action: string,
    data: Record<string, unknown>,
  ): Promise<void> {
    await tx.execute('insert into case_events (case_id, actor_id, action, data) values (?, ?, ?, ?)', [
      caseId,
      actorId,
      action,
      JSON.stringify(data),
    ]);
  }

  private async find(
    tx: EntityManager,
    f: NewFinding,
  ): Promise<{ id: string; case_id: string; transaction_ids: string[] } | null> {
    const [row] = await tx.execute<{ id: string; case_id: string; transaction_ids: string[] }[]>(
      `select id, case_id, transaction_ids from findings
        where rule_id = ? and subject_type = ? and coalesce(subject_id, '${NO_SUBJECT}') = ? and period = ?
        for update`,
      [f.hit.ruleId, f.subjectType, f.subjectId ?? NO_SUBJECT, f.period],
    );
    return row ?? null;
  }

  /** The same finding again: a new movement is added as evidence; the same one again changes nothing. */
  private async repeat(
    tx: EntityManager,
    existing: { id: string; case_id: string; transaction_ids: string[] },
    finding: NewFinding,
  ): Promise<RecordedFinding> {
    const result = { findingId: existing.id, caseId: existing.case_id, created: false, caseOpened: false };
    if (!finding.transactionId || existing.transaction_ids.includes(finding.transactionId)) return result;
    await tx.execute(
      `update findings set transaction_ids = array_append(transaction_ids, ?::uuid),
              occurrences = occurrences + 1, last_seen_at = now() where id = ?`,
      [finding.transactionId, existing.id],
    );
    await tx.execute('update cases set updated_at = now() where id = ?', [existing.case_id]);
    await this.event(tx, existing.case_id, null, 'finding_repeated', {
      findingId: existing.id,
      ruleId: finding.hit.ruleId,
      transactionId: finding.transactionId,
    });
    return result;
  }

  /** The subject's open case, or a new one (the partial unique index keeps it to one). */
  private async openCase(tx: EntityManager, f: NewFinding): Promise<{ caseId: string; opened: boolean }> {
    const [created] = await tx.execute<{ id: string }[]>(
      `insert into cases (subject_type, subject_id, severity, severity_rank) values (?, ?, ?, ?)
       on conflict (subject_type, coalesce(subject_id, '${NO_SUBJECT}')) where status in ('open', 'investigating')
       do nothing returning id`,
      [f.subjectType, f.subjectId, f.hit.severity, SEVERITY_RANK[f.hit.severity]],
    );
    if (created) {
      await this.event(tx, created.id, null, 'opened', { ruleId: f.hit.ruleId, severity: f.hit.severity });
      return { caseId: created.id, opened: true };
    }
    const [open] = await tx.execute<{ id: string }[]>(
      `select id from cases where subject_type = ? and coalesce(subject_id, '${NO_SUBJECT}') = ?
          and status in ('open', 'investigating') for update`,
      [f.subjectType, f.subjectId ?? NO_SUBJECT],
    );
    return { caseId: open!.id, opened: false };
  }
}
