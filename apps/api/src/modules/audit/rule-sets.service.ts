import { Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/postgresql';
import type {
  ActiveRuleSetResponse,
  BacktestRequest,
  BacktestResponse,
  BacktestRuleResult,
  BacktestSample,
  CreateSnoozeRequest,
  PackUpdateResponse,
  RuleSetDraftResponse,
  RuleSetValidationResponse,
  RuleSetVersionDetail,
  RuleSetVersionResponse,
  SnoozeResponse,
} from '@kotizo/contracts';
import { localDate } from '@kotizo/domain';
import { compileRuleSet, type Hit, type RuleSet, validateRuleSet } from '@kotizo/rules-engine';
import { TenantDatabase } from '../../platform/database/tenant-database.js';
import { isoTimestamp } from '../../platform/database/timestamps.js';
import {
  AppError,
  type FieldError,
  Forbidden,
  NotFound,
  ValidationFailed,
  fieldError,
} from '../../platform/errors/app-error.js';
import type { Language } from '../../platform/errors/messages/catalog.js';
import { AuditLog } from '../../platform/observability/audit-log.js';
import type { TenantRequestContext } from '../../platform/tenancy/tenant-context.js';
import { isUuid } from '../../platform/validation/uuid.js';
import { ActiveRulesProvider } from './active-rules.js';
import { AuditSettings } from './audit-settings.js';
import { AuditRuns } from './audit-runs.js';
import { MovementFactsLoader } from './movement-facts.js';
import { PeriodicFactsBuilder } from './periodic-facts.js';
import { adoptPack, diffRuleSets } from './rule-diff.js';
import { problemsAsFields, RulePackCatalog, sayRuleSetProblem } from './rule-packs.js';
import { toVersionResponse, RuleSetsRepository, type VersionRow } from './rule-sets.repository.js';

/** Movements a backtest looks at, at most; a longer period is cut at its most recent movements. */
export const BACKTEST_MAX_MOVEMENTS = 50_000;
const SAMPLES_PER_RULE = 5;
const BATCH = 500;

/**
 * A cooperative's audit rules: the active version, a draft being edited,
 * validation, backtests on its own history, activation (maker-checker when
 * the cooperative asks for it), rollback, pack updates and snoozes.
 */
@Injectable()
export class RuleSetsService {
  private readonly logger = new Logger(RuleSetsService.name);

  constructor(
    private readonly db: TenantDatabase,
    private readonly repository: RuleSetsRepository,
    private readonly active: ActiveRulesProvider,
    private readonly catalog: RulePackCatalog,
    private readonly settings: AuditSettings,
    private readonly facts: MovementFactsLoader,
    private readonly periodic: PeriodicFactsBuilder,
    private readonly runs: AuditRuns,
    private readonly audit: AuditLog,
  ) {}

  current(ctx: TenantRequestContext): Promise<ActiveRuleSetResponse> {
    return this.db.transactional(ctx.tenant, async (tx) => {
      const { version } = await this.active.get(tx, ctx.tenant);
      return this.withSet((await this.repository.version(tx, version))!);
    });
  }

  async versions(ctx: TenantRequestContext): Promise<RuleSetVersionResponse[]> {
    const rows = await this.db.read(ctx.tenant, (em) => this.repository.versions(em));
    return rows.map((r) => toVersionResponse(r, r.rule_count));
  }

  async version(ctx: TenantRequestContext, version: number): Promise<RuleSetVersionDetail> {
    return this.db.read(ctx.tenant, async (em) => {
      const row = Number.isSafeInteger(version) ? await this.repository.version(em, version) : null;
      if (!row) throw new NotFound('rule_set_version');
      const previous = version > 1 ? await this.repository.version(em, version - 1) : null;
      return { ...this.withSet(row), changes: diffRuleSets(previous?.rule_set ?? null, row.rule_set) };
    });
  }

  async draft(ctx: TenantRequestContext): Promise<RuleSetDraftResponse> {
    return this.db.read(ctx.tenant, async (em) => {
      const draft = await this.repository.draft(em);
      if (!draft) throw new NotFound('draft');
      return this.draftResponse(em, ctx, draft);
    });
  }

  /** Problems in the caller's language, one per problem (several may share a pointer). */
  validate(input: Record<string, unknown>, language: Language): RuleSetValidationResponse {
    const result = validateRuleSet(input);
    if (result.ok) return { ok: true, problems: [] };
    return {
      ok: false,
      problems: result.problems.map((p) => ({ path: p.path, message: sayRuleSetProblem(p, language) })),
    };
  }

  async saveDraft(ctx: TenantRequestContext, input: Record<string, unknown>): Promise<RuleSetDraftResponse> {
    const result = validateRuleSet(input);
    if (!result.ok) throw problemsAsFields(result.problems);
    return this.db.transactional(ctx.tenant, async (tx) => {
      const { version } = await this.active.get(tx, ctx.tenant);
      await this.repository.saveDraft(tx, version, result.ruleSet, ctx.principal.userId);
      return this.draftResponse(tx, ctx, (await this.repository.draft(tx))!);
    });
  }

  async discardDraft(ctx: TenantRequestContext): Promise<void> {
    const deleted = await this.db.transactional(ctx.tenant, (tx) => this.repository.deleteDraft(tx));
    if (!deleted) throw new NotFound('draft');
  }

  /**
   * The draft becomes the active version. Unless the cooperative allows it,
   * whoever last edited the draft cannot activate it: a second person checks.
   * History is then re-evaluated with the new version, as a job.
   */
  async activate(ctx: TenantRequestContext, note: string | undefined): Promise<ActiveRuleSetResponse> {
    const response = await this.db.transactional(ctx.tenant, async (tx) => {
      const draft = await this.repository.draft(tx, true);
      if (!draft) throw new NotFound('draft');
      const config = await this.settings.read(tx);
      if (!config.authorMayActivate && draft.updated_by === ctx.principal.userId) {
        throw new Forbidden('maker_checker');
      }
      const checked = validateRuleSet(draft.rule_set);
      if (!checked.ok) throw problemsAsFields(checked.problems);
      const version = await this.repository.activate(tx, {
        source: 'draft',
        ruleSet: checked.ruleSet,
        authorId: draft.updated_by,
        by: ctx.principal.userId,
        note,
      });
      await this.repository.deleteDraft(tx);
      await this.audit.record(
        {
          action: 'rules.activate',
          actorUserId: ctx.principal.userId,
          cooperativeId: ctx.tenant.cooperativeId,
          target: `v${version}`,
          details: { basedOn: draft.based_on_version, author: draft.updated_by, note: note ?? null },
          requestId: ctx.requestId,
        },
        tx,
      );
      return this.withSet((await this.repository.version(tx, version))!);
    });
    await this.reevaluate(ctx, response.version);
    return response;
  }

  async rollback(ctx: TenantRequestContext, version: number, note: string): Promise<ActiveRuleSetResponse> {
    const response = await this.db.transactional(ctx.tenant, async (tx) => {
      const target = Number.isSafeInteger(version) ? await this.repository.version(tx, version) : null;
      if (!target) throw new NotFound('rule_set_version');
      if (target.active) {
        throw new AppError(409, 'already_active', { params: { version } });
      }
      const created = await this.repository.activate(tx, {
        source: 'rollback',
        ruleSet: target.rule_set,
        authorId: target.author_id,
        by: ctx.principal.userId,
        note: `${note} (v${version})`,
      });
      await this.audit.record(
        {
          action: 'rules.rollback',
          actorUserId: ctx.principal.userId,
          cooperativeId: ctx.tenant.cooperativeId,
          target: `v${created}`,
          details: { to: version, note },
          requestId: ctx.requestId,
        },
        tx,
      );
      return this.withSet((await this.repository.version(tx, created))!);
    });
    await this.reevaluate(ctx, response.version);
    return response;
  }

  async packUpdate(ctx: TenantRequestContext): Promise<PackUpdateResponse> {
    return this.db.transactional(ctx.tenant, async (tx) => {
      const { ruleSet } = await this.active.get(tx, ctx.tenant);
      const latest = await this.catalog.latest(ruleSet.pack);
      const available = latest !== null && latest.packVersion !== ruleSet.packVersion;
      const previous = await this.releaseOf(ruleSet);
      return {
        pack: ruleSet.pack,
        currentVersion: ruleSet.packVersion,
        latestVersion: latest?.packVersion ?? ruleSet.packVersion,
        available,
        changes: available ? diffRuleSets(ruleSet, adoptPack(ruleSet, previous, latest)) : [],
      };
    });
  }

  /** The draft becomes the latest release of the pack, keeping this cooperative's tuning. */
  async adoptPackUpdate(ctx: TenantRequestContext): Promise<RuleSetDraftResponse> {
    return this.db.transactional(ctx.tenant, async (tx) => {
      const { version, ruleSet } = await this.active.get(tx, ctx.tenant);
      const latest = await this.catalog.latest(ruleSet.pack);
      if (!latest || latest.packVersion === ruleSet.packVersion) {
        throw new AppError(409, 'no_pack_update');
      }
      const adopted = adoptPack(ruleSet, await this.releaseOf(ruleSet), latest);
      const checked = validateRuleSet(adopted);
      if (!checked.ok) throw problemsAsFields(checked.problems);
      await this.repository.saveDraft(tx, version, checked.ruleSet, ctx.principal.userId);
      return this.draftResponse(tx, ctx, (await this.repository.draft(tx))!);
    });
  }

  /**
   * Runs the draft and the active version over the cooperative's movements of
   * a period (and its loans, dues and totals as they stand today), counting
   * hits per rule. Nothing is written: a read-only transaction.
   */
  async backtest(ctx: TenantRequestContext, request: BacktestRequest): Promise<BacktestResponse> {
    return this.db.read(ctx.tenant, async (em) => {
      const draft = await this.repository.draft(em);
      if (!draft) throw new NotFound('draft');
      const activeVersion = await this.repository.activeVersion(em);
      if (activeVersion === null) throw new NotFound('active_rule_set');
      const active = await this.active.compiled(em, ctx.tenant, activeVersion);
      const candidate = compileRuleSet(draft.rule_set);
      const rows = await em.execute<{ id: string }[]>(
        `select id from (select id, seq from transactions where occurred_on between ? and ?
                          order by seq desc limit ?) recent order by seq`,
        [request.from, request.to, BACKTEST_MAX_MOVEMENTS],
      );
      const counts = new Map<string, { draft: number; active: number }>();
      const samples: BacktestSample[] = [];
      const count = (hits: Hit[], key: 'draft' | 'active'): void => {
        for (const hit of hits) {
          const entry = counts.get(hit.ruleId) ?? { draft: 0, active: 0 };
          entry[key] += 1;
          counts.set(hit.ruleId, entry);
        }
      };
      const sample = (hits: Hit[], s: Omit<BacktestSample, 'ruleId' | 'message'>): void => {
        for (const hit of hits) {
          if (samples.filter((x) => x.ruleId === hit.ruleId).length < SAMPLES_PER_RULE) {
            samples.push({ ...s, ruleId: hit.ruleId, message: hit.message });
          }
        }
      };
      for (let start = 0; start < rows.length; start += BATCH) {
        const loaded = await this.facts.load(
          em,
          ctx.tenant,
          rows.slice(start, start + BATCH).map((r) => r.id),
        );
        for (const m of loaded.values()) {
          const clock = { now: m.facts.movement!.recordedAt, timeZone: ctx.tenant.timeZone };
          const draftHits = candidate.evaluate('movement', m.facts, clock);
          count(draftHits, 'draft');
          count(active.compiled.evaluate('movement', m.facts, clock), 'active');
          sample(draftHits, {
            subject: { type: m.subject.type, id: m.subject.id, label: null },
            transactionId: m.facts.movement!.id,
            occurredOn: m.facts.movement!.occurredOn,
          });
        }
      }
      const today = localDate(new Date(), ctx.tenant.timeZone);
      const subjects = await this.periodic.build(em, ctx.tenant, today);
      const clock = { now: new Date().toISOString(), timeZone: ctx.tenant.timeZone };
      for (const s of subjects) {
        const draftHits = candidate.evaluate(s.scope, s.facts, clock);
        count(draftHits, 'draft');
        count(active.compiled.evaluate(s.scope, s.facts, clock), 'active');
        sample(draftHits, {
          subject: { type: s.subjectType, id: s.subjectId, label: s.label },
          transactionId: null,
          occurredOn: null,
        });
      }
      const byId = new Map([...active.ruleSet.rules, ...draft.rule_set.rules].map((r) => [r.id, r]));
      const rules: BacktestRuleResult[] = [...byId.values()].map((rule) => ({
        ruleId: rule.id,
        name: rule.name,
        severity: rule.severity,
        scope: rule.scope,
        draftHits: counts.get(rule.id)?.draft ?? 0,
        activeHits: counts.get(rule.id)?.active ?? 0,
      }));
      return {
        from: request.from,
        to: request.to,
        activeVersion,
        movementsChecked: rows.length,
        loansChecked: subjects.filter((s) => s.scope === 'loan').length,
        duesChecked: subjects.filter((s) => s.scope === 'due').length,
        rules,
        samples,
      };
    });
  }

  async snoozes(ctx: TenantRequestContext): Promise<SnoozeResponse[]> {
    return this.db.read(ctx.tenant, (em) => this.repository.snoozes(em, false));
  }

  async snooze(ctx: TenantRequestContext, request: CreateSnoozeRequest): Promise<SnoozeResponse> {
    return this.db.transactional(ctx.tenant, async (tx) => {
      const { ruleSet } = await this.active.get(tx, ctx.tenant);
      const problems: FieldError[] = [];
      if (!ruleSet.rules.some((r) => r.id === request.ruleId)) {
        problems.push(fieldError('ruleId', 'not_an_active_rule'));
      }
      const [member] = await tx.execute<{ id: string }[]>('select id from members where id = ?', [request.memberId]);
      if (!member) problems.push(fieldError('memberId', 'not_a_member'));
      if (request.until < localDate(new Date(), ctx.tenant.timeZone)) {
        problems.push(fieldError('until', 'today_or_later'));
      }
      if (problems.length > 0) throw new ValidationFailed(problems);
      const id = await this.repository.addSnooze(tx, { ...request, by: ctx.principal.userId });
      await this.audit.record(
        {
          action: 'rules.snooze',
          actorUserId: ctx.principal.userId,
          cooperativeId: ctx.tenant.cooperativeId,
          target: request.ruleId,
          details: { memberId: request.memberId, until: request.until, reason: request.reason },
          requestId: ctx.requestId,
        },
        tx,
      );
      return (await this.repository.snooze(tx, id))!;
    });
  }

  async liftSnooze(ctx: TenantRequestContext, id: string): Promise<SnoozeResponse> {
    return this.db.transactional(ctx.tenant, async (tx) => {
      const existing = isUuid(id) ? await this.repository.snooze(tx, id) : null;
      if (!existing) throw new NotFound('snooze');
      if (existing.liftedAt) return existing;
      await this.repository.liftSnooze(tx, id, ctx.principal.userId);
      await this.audit.record(
        {
          action: 'rules.snooze.lift',
          actorUserId: ctx.principal.userId,
          cooperativeId: ctx.tenant.cooperativeId,
          target: existing.ruleId,
          details: { snoozeId: id, memberId: existing.memberId },
          requestId: ctx.requestId,
        },
        tx,
      );
      return (await this.repository.snooze(tx, id))!;
    });
  }

  private async reevaluate(ctx: TenantRequestContext, version: number): Promise<void> {
    try {
      await this.runs.start(ctx.tenant, 'reevaluation', ctx.principal.userId, {});
    } catch (error) {
      // The version is active either way; the nightly audit judges what this run would have.
      this.logger.warn({ err: error, tenant: ctx.tenant.slug, version }, 're-evaluation not queued');
    }
  }

  private releaseOf(ruleSet: RuleSet): Promise<RuleSet | null> {
    return this.catalog.release(ruleSet.pack, ruleSet.packVersion);
  }

  private withSet(row: VersionRow): ActiveRuleSetResponse {
    return { ...toVersionResponse(row, row.rule_set.rules.length), ruleSet: row.rule_set };
  }

  private async draftResponse(
    em: EntityManager,
    ctx: TenantRequestContext,
    draft: NonNullable<Awaited<ReturnType<RuleSetsRepository['draft']>>>,
  ): Promise<RuleSetDraftResponse> {
    const activeVersion = await this.repository.activeVersion(em);
    const active = activeVersion === null ? null : await this.repository.version(em, activeVersion);
    const config = await this.settings.read(em);
    return {
      basedOnVersion: draft.based_on_version,
      ruleSet: draft.rule_set,
      updatedBy: draft.updated_by,
      updatedAt: isoTimestamp(draft.updated_at),
      changes: diffRuleSets(active?.rule_set ?? null, draft.rule_set),
      canActivate: config.authorMayActivate || draft.updated_by !== ctx.principal.userId,
    };
  }
}
