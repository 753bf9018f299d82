import { Injectable, Logger } from '@nestjs/common';
import { InjectQueue } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Hit } from '@kotizo/rules-engine';
import { TenantDatabase } from '../../platform/database/tenant-database.js';
import { TenantJobs } from '../../platform/queue/tenant-jobs.js';
import type { TenantContext } from '../../platform/tenancy/tenant-context.js';
import { type ActiveRules, ActiveRulesProvider } from './active-rules.js';
import { AUDIT_QUEUE, AUDIT_MOVEMENTS_JOB } from './audit-queue.js';
import { FindingsRepository } from './findings.repository.js';
import { type MovementFacts, MovementFactsLoader } from './movement-facts.js';
import { RuleSetsRepository } from './rule-sets.repository.js';

export interface StoredHit {
  ruleId: string;
  severity: Hit['severity'];
  name: Hit['name'];
  message: Hit['message'];
  caseId: string | null;
  snoozed: boolean;
}

export type CheckMode = 'live' | 'replay' | 'dry';

export interface MovementCheck {
  transactionId: string;
  ruleVersion: number;
  hits: StoredHit[];
  findingsCreated: number;
}

/**
 * Checks movements against the cooperative's active rules right after they
 * are committed, stores the verdict with the movement and turns hits into
 * findings and cases. A check that fails never fails the write: it is queued
 * again, and the nightly audit catches any movement still without a verdict.
 */
@Injectable()
export class MovementAuditor {
  private readonly logger = new Logger(MovementAuditor.name);

  constructor(
    private readonly db: TenantDatabase,
    private readonly rules: ActiveRulesProvider,
    private readonly facts: MovementFactsLoader,
    private readonly findings: FindingsRepository,
    private readonly ruleSets: RuleSetsRepository,
    @InjectQueue(AUDIT_QUEUE) private readonly queue: Queue,
  ) {}

  /** Called after a write commits. Never throws. */
  async afterWrite(tenant: TenantContext, transactionIds: string[]): Promise<void> {
    try {
      await this.check(tenant, transactionIds);
    } catch (error) {
      this.logger.error({ err: error, tenant: tenant.slug, transactionIds }, 'movement check failed; queued again');
      await this.queue
        .add(AUDIT_MOVEMENTS_JOB, { tenant: TenantJobs.payload(tenant), transactionIds })
        .catch((queueError: unknown) =>
          this.logger.error({ err: queueError, tenant: tenant.slug }, 'could not queue the movement check'),
        );
    }
  }

  /** Checks movements that have no verdict yet (others are left as they were judged). */
  check(tenant: TenantContext, transactionIds: string[]): Promise<MovementCheck[]> {
    return this.db.transactional(tenant, async (tx) => {
      // A verdict can always be worked out again from the ledger (the nightly audit judges any movement
      // left without one), so this commit need not wait for the disk: the write it follows already did.
      await tx.execute('set local synchronous_commit to off');
      const rules = await this.rules.get(tx, tenant);
      return this.checkWith(tx, tenant, rules, transactionIds, 'live');
    });
  }

  /**
   * Evaluates movements with the given rules.
   * - `live`: movements without a verdict get one, and their hits become findings;
   * - `replay`: hits become findings (a re-evaluation with a new version), verdicts stay as first given;
   * - `dry`: nothing is written (backtests).
   */
  async checkWith(
    tx: EntityManager,
    tenant: TenantContext,
    rules: ActiveRules,
    transactionIds: string[],
    mode: CheckMode,
  ): Promise<MovementCheck[]> {
    let ids = transactionIds;
    if (mode === 'live') {
      const judged = await tx.execute<{ transaction_id: string }[]>(
        'select transaction_id from movement_verdicts where transaction_id in (?)',
        [ids],
      );
      const done = new Set(judged.map((r) => r.transaction_id));
      ids = ids.filter((id) => !done.has(id));
    }
    if (ids.length === 0) return [];
    const loaded = await this.facts.load(tx, tenant, ids);
    const memberIds = [
      ...new Set([...loaded.values()].map((m) => m.facts.member?.id).filter((id) => id !== undefined)),
    ];
    const checks: MovementCheck[] = [];
    const snoozedCache = new Map<string, Set<string>>();
    for (const id of ids) {
      const movement = loaded.get(id);
      if (!movement) continue;
      const day = movement.facts.movement!.occurredOn;
      let snoozed = snoozedCache.get(day);
      if (!snoozed) {
        snoozed = await this.ruleSets.snoozedOn(tx, memberIds, day);
        snoozedCache.set(day, snoozed);
      }
      checks.push(await this.judge(tx, rules, movement, snoozed, mode));
    }
    return checks;
  }

  private async judge(
    tx: EntityManager,
    rules: ActiveRules,
    movement: MovementFacts,
    snoozed: Set<string>,
    mode: CheckMode,
  ): Promise<MovementCheck> {
    const m = movement.facts.movement!;
    // Time-window operators look back from when the movement was recorded, live or replayed.
    const hits = rules.compiled.evaluate('movement', movement.facts, {
      now: m.recordedAt,
      timeZone: movement.facts.cooperative.timeZone,
    });
    const stored: StoredHit[] = [];
    let findingsCreated = 0;
    for (const hit of hits) {
      const isSnoozed = m.memberId !== null && snoozed.has(`${hit.ruleId}:${m.memberId}`);
      let caseId: string | null = null;
      if (mode !== 'dry' && !isSnoozed) {
        const recorded = await this.findings.record(tx, {
          hit,
          ruleVersion: rules.version,
          subjectType: movement.subject.type,
          subjectId: movement.subject.id,
          period: m.occurredOn,
          transactionId: m.id,
        });
        caseId = recorded.caseId;
        if (recorded.created) findingsCreated += 1;
      }
      stored.push({
        ruleId: hit.ruleId,
        severity: hit.severity,
        name: hit.name,
        message: hit.message,
        caseId,
        snoozed: isSnoozed,
      });
    }
    if (mode === 'live') {
      await tx.execute(
        `insert into movement_verdicts (transaction_id, rule_version, hits) values (?, ?, ?)
         on conflict (transaction_id) do nothing`,
        [m.id, rules.version, JSON.stringify(stored)],
      );
    }
    return { transactionId: m.id, ruleVersion: rules.version, hits: stored, findingsCreated };
  }
}
