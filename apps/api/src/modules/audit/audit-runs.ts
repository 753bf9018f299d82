import { Injectable, Logger } from '@nestjs/common';
import { InjectQueue } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { AuditRunResponse } from '@kotizo/contracts';
import { localDate } from '@kotizo/domain';
import { TenantDatabase } from '../../platform/database/tenant-database.js';
import { isoTimestamp } from '../../platform/database/timestamps.js';
import { uuid7 } from '../../platform/database/uuid7.js';
import { AppError, NotFound } from '../../platform/errors/app-error.js';
import { writeOutbox } from '../../platform/outbox/outbox.js';
import { TenantJobs } from '../../platform/queue/tenant-jobs.js';
import type { TenantContext } from '../../platform/tenancy/tenant-context.js';
import { ActiveRulesProvider } from './active-rules.js';
import { AUDIT_QUEUE, AUDIT_RUN_JOB } from './audit-queue.js';
import { FindingsRepository } from './findings.repository.js';
import { MovementAuditor } from './movement-auditor.js';
import { PeriodicFactsBuilder } from './periodic-facts.js';
import { RuleSetsRepository } from './rule-sets.repository.js';

export type AuditKind = AuditRunResponse['kind'];

interface RunRow {
  id: string;
  kind: AuditKind;
  status: AuditRunResponse['status'];
  rule_version: number | null;
  requested_by: string | null;
  queued_at: string;
  started_at: string | null;
  finished_at: string | null;
  done: number;
  total: number;
  findings_created: number;
  error: string | null;
  params: { days?: number; date?: string; importId?: string };
}

const BATCH = 500;
/** How far back a re-evaluation after an activation looks. */
export const REEVALUATION_DAYS = 90;

function toResponse(row: RunRow): AuditRunResponse {
  return {
    id: row.id,
    kind: row.kind,
    status: row.status,
    ruleVersion: row.rule_version,
    requestedBy: row.requested_by,
    queuedAt: isoTimestamp(row.queued_at),
    startedAt: row.started_at ? isoTimestamp(row.started_at) : null,
    finishedAt: row.finished_at ? isoTimestamp(row.finished_at) : null,
    progress: { done: row.done, total: row.total },
    findingsCreated: row.findings_created,
    error: row.error,
  };
}

/**
 * Audit runs of a whole cooperative, as BullMQ jobs: movements not yet
 * judged (or, for a re-evaluation, the last 90 days again), every running
 * loan, every unpaid due, and the cooperative as a whole. A run is
 * idempotent: findings are unique per rule, subject and period, so a worker
 * killed halfway and the job run again adds nothing twice.
 */
@Injectable()
export class AuditRuns {
  private readonly logger = new Logger(AuditRuns.name);

  constructor(
    private readonly db: TenantDatabase,
    private readonly rules: ActiveRulesProvider,
    private readonly ruleSets: RuleSetsRepository,
    private readonly auditor: MovementAuditor,
    private readonly periodic: PeriodicFactsBuilder,
    private readonly findings: FindingsRepository,
    @InjectQueue(AUDIT_QUEUE) private readonly queue: Queue,
  ) {}

  /** Records the run, then queues it; answers only once Redis has accepted the job. */
  async start(
    tenant: TenantContext,
    kind: AuditKind,
    requestedBy: string | null,
    params: RunRow['params'] = {},
  ): Promise<AuditRunResponse> {
    const id = uuid7();
    const row = await this.db.transactional(tenant, async (tx) => {
      const [inserted] = await tx.execute<RunRow[]>(
        `insert into audit_runs (id, kind, requested_by, params) values (?, ?, ?, ?) returning *`,
        [id, kind, requestedBy, JSON.stringify(params)],
      );
      return inserted!;
    });
    try {
      await this.queue.add(AUDIT_RUN_JOB, { tenant: TenantJobs.payload(tenant), runId: id }, { jobId: id });
    } catch (error) {
      await this.finish(tenant, id, 'failed', 'the job queue did not accept the run');
      this.logger.error({ err: error, tenant: tenant.slug }, 'audit run not queued');
      throw new AppError(503, 'queue_unavailable');
    }
    return toResponse(row);
  }

  /** Records a run and executes it here and now, without the queue (the demo seeder, the CLI). */
  async runNow(tenant: TenantContext, kind: AuditKind, requestedBy: string | null): Promise<AuditRunResponse> {
    const id = uuid7();
    await this.db.transactional(tenant, (tx) =>
      tx.execute(`insert into audit_runs (id, kind, requested_by) values (?, ?, ?)`, [id, kind, requestedBy]),
    );
    return this.run(tenant, id);
  }

  async list(tenant: TenantContext): Promise<AuditRunResponse[]> {
    const rows = await this.db.read(tenant, (em) =>
      em.execute<RunRow[]>('select * from audit_runs order by queued_at desc limit 20'),
    );
    return rows.map(toResponse);
  }

  async get(tenant: TenantContext, id: string): Promise<AuditRunResponse> {
    const [row] = await this.db.read(tenant, (em) =>
      em.execute<RunRow[]>('select * from audit_runs where id = ?', [id]),
    );
    if (!row) throw new NotFound('audit_run');
    return toResponse(row);
  }

  /** Runs a queued audit (in the worker). */
  async run(tenant: TenantContext, runId: string): Promise<AuditRunResponse> {
    const [row] = await this.db.transactional(tenant, (tx) =>
      tx.execute<RunRow[]>(
        `update audit_runs set status = 'running', started_at = coalesce(started_at, now()), error = null
          where id = ? returning *`,
        [runId],
      ),
    );
    if (!row) throw new Error(`Audit run ${runId} does not exist`);
    try {
      const created = await this.execute(tenant, row);
      return await this.finish(tenant, runId, 'done', null, created);
    } catch (error) {
      await this.finish(tenant, runId, 'failed', error instanceof Error ? error.message : String(error));
      throw error;
    }
  }

  private async execute(tenant: TenantContext, run: RunRow): Promise<number> {
    const today = localDate(new Date(), tenant.timeZone);
    const { version, movementIds, subjects } = await this.db.transactional(tenant, async (tx) => {
      const rules = await this.rules.get(tx, tenant);
      return {
        version: rules.version,
        movementIds: await this.movementsToCheck(tx, run, today),
        // An import's run checks its movements only; the others look at loans, dues and totals too.
        subjects: run.kind === 'import' ? [] : await this.periodic.build(tx, tenant, today),
      };
    });
    await this.progress(tenant, run.id, { total: movementIds.length + subjects.length, rule_version: version });
    let created = 0;
    let done = 0;
    const replay = run.kind === 'reevaluation';
    for (let start = 0; start < movementIds.length; start += BATCH) {
      const batch = movementIds.slice(start, start + BATCH);
      created += await this.db.transactional(tenant, async (tx) => {
        const rules = await this.rules.compiled(tx, tenant, version);
        const checks = await this.auditor.checkWith(tx, tenant, rules, batch, replay ? 'replay' : 'live');
        return checks.reduce((sum, c) => sum + c.findingsCreated, 0);
      });
      done += batch.length;
      await this.progress(tenant, run.id, { done, findings_created: created });
    }
    for (let start = 0; start < subjects.length; start += BATCH) {
      const batch = subjects.slice(start, start + BATCH);
      created += await this.db.transactional(tenant, async (tx) => {
        const rules = await this.rules.compiled(tx, tenant, version);
        const memberIds = batch.map((s) => s.facts.member?.id).filter((id): id is string => id !== undefined);
        const snoozed = await this.ruleSets.snoozedOn(tx, memberIds, today);
        let count = 0;
        for (const subject of batch) {
          const hits = rules.compiled.evaluate(subject.scope, subject.facts, {
            now: new Date().toISOString(),
            timeZone: tenant.timeZone,
          });
          for (const hit of hits) {
            const memberId = subject.facts.member?.id;
            if (memberId && snoozed.has(`${hit.ruleId}:${memberId}`)) continue;
            const recorded = await this.findings.record(tx, {
              hit,
              ruleVersion: version,
              subjectType: subject.subjectType,
              subjectId: subject.subjectId,
              period: subject.period,
              transactionId: null,
            });
            if (recorded.created) count += 1;
          }
        }
        return count;
      });
      done += batch.length;
      await this.progress(tenant, run.id, { done, findings_created: created });
    }
    return created;
  }

  /** Movements without a verdict (after an import: its rows); for a re-evaluation, every movement of the last 90 days. */
  private async movementsToCheck(tx: EntityManager, run: RunRow, today: string): Promise<string[]> {
    if (run.kind === 'reevaluation') {
      const rows = await tx.execute<{ id: string }[]>(
        `select id from transactions where occurred_on >= ?::date - ? order by seq`,
        [today, run.params.days ?? REEVALUATION_DAYS],
      );
      return rows.map((r) => r.id);
    }
    const rows = await tx.execute<{ id: string }[]>(
      `select t.id from transactions t
        where not exists (select 1 from movement_verdicts v where v.transaction_id = t.id) order by t.seq`,
    );
    return rows.map((r) => r.id);
  }

  private async progress(tenant: TenantContext, id: string, fields: Record<string, number>): Promise<void> {
    const keys = Object.keys(fields);
    await this.db.transactional(tenant, (tx) =>
      tx.execute(`update audit_runs set ${keys.map((k) => `${k} = ?`).join(', ')} where id = ?`, [
        ...keys.map((k) => fields[k]),
        id,
      ]),
    );
  }

  private async finish(
    tenant: TenantContext,
    id: string,
    status: 'done' | 'failed',
    error: string | null,
    created?: number,
  ): Promise<AuditRunResponse> {
    const row = await this.db.transactional(tenant, async (tx) => {
      const [finished] = await tx.execute<RunRow[]>(
        `update audit_runs set status = ?, error = ?, finished_at = now(),
                findings_created = coalesce(?, findings_created)
          where id = ? returning *`,
        [status, error, created ?? null, id],
      );
      // Whoever asked for the run hears that it is over (scheduled runs have nobody to tell).
      if (finished?.requested_by) {
        await writeOutbox(tx, {
          type: 'audit.finished',
          runId: id,
          runKind: finished.kind,
          status,
          findingsCreated: finished.findings_created,
          requestedBy: finished.requested_by,
        });
      }
      return finished;
    });
    return toResponse(row!);
  }
}
