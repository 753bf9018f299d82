import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectQueue } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import type { AgentModels } from '@kotizo/agent';
import type { AiStatusResponse, InvestigationDecisionRequest, InvestigationResponse } from '@kotizo/contracts';
import type { Principal } from '@kotizo/authorization';
import { TenantDatabase } from '../../platform/database/tenant-database.js';
import { uuid7 } from '../../platform/database/uuid7.js';
import { AppError, Conflict, NotFound } from '../../platform/errors/app-error.js';
import { translate } from '../../platform/errors/messages/catalog.js';
import { TenantJobs } from '../../platform/queue/tenant-jobs.js';
import type { TenantJobData, TenantRequestContext } from '../../platform/tenancy/tenant-context.js';
import { isUuid } from '../../platform/validation/uuid.js';
import { CasesService } from '../audit/cases.service.js';
import { AGENT_MODELS, AGENT_QUEUE, AGENT_RUN_JOB } from './agent-models.provider.js';
import { InvestigationsRepository, toInvestigationResponse } from './investigations.repository.js';
import { TenantTokenBudgets } from './token-budget.js';

export type AgentAction =
  | { kind: 'start' }
  | { kind: 'decide'; decision: InvestigationDecisionRequest & { by: string } }
  | { kind: 'continue' };

export interface AgentJobData extends TenantJobData {
  investigationId: string;
  principal: Principal;
  action: AgentAction;
}

/**
 * Investigations of cases, as BullMQ jobs run by the worker: the API records
 * the request, queues it and answers 202; the worker drives the LangGraph run
 * (see AgentProcessor), which pauses on its report until an auditor decides.
 */
@Injectable()
export class InvestigationsService {
  private readonly logger = new Logger(InvestigationsService.name);

  constructor(
    private readonly db: TenantDatabase,
    private readonly repository: InvestigationsRepository,
    private readonly cases: CasesService,
    private readonly budgets: TenantTokenBudgets,
    @Inject(AGENT_MODELS) private readonly models: AgentModels,
    @InjectQueue(AGENT_QUEUE) private readonly queue: Queue,
  ) {}

  async start(ctx: TenantRequestContext, caseId: string, locale?: 'fr' | 'en'): Promise<InvestigationResponse> {
    await this.cases.get(ctx, caseId); // 404 for a case that is not there
    const row = await this.db.transactional(ctx.tenant, async (tx) => {
      await tx.execute('select 1 from cases where id = ? for update', [caseId]);
      const running = await this.repository.activeForCase(tx, caseId);
      if (running) throw new Conflict('investigation_in_progress');
      return this.repository.insert(tx, {
        id: uuid7(),
        case_id: caseId,
        locale: locale ?? (ctx.tenant.locale.startsWith('en') ? 'en' : 'fr'),
        requested_by: ctx.principal.userId,
        requested_role: ctx.principal.cooperativeRole ?? ctx.principal.federationRole ?? 'unknown',
        mode: this.models.mode,
        model: this.models.model,
      });
    });
    await this.enqueue(ctx, row.id, { kind: 'start' }, `${row.id}.start`);
    return toInvestigationResponse(row);
  }

  async decide(
    ctx: TenantRequestContext,
    id: string,
    request: InvestigationDecisionRequest,
  ): Promise<InvestigationResponse> {
    const row = await this.db.transactional(ctx.tenant, async (tx) => {
      const current = isUuid(id) ? await this.repository.find(tx, id, true) : null;
      if (!current) throw new NotFound('investigation');
      if (current.status !== 'awaiting_review') {
        throw new Conflict('not_awaiting_review', { params: { status: current.status } });
      }
      await this.repository.update(tx, id, { status: 'queued' });
      return { ...current, status: 'queued' as const };
    });
    const round = row.follow_ups.length;
    await this.enqueue(
      ctx,
      id,
      { kind: 'decide', decision: { ...request, by: ctx.principal.userId } },
      `${id}.decide.${round}`,
    );
    return toInvestigationResponse(row);
  }

  /** A run stopped on a provider fault or a spent budget goes on from its last checkpoint. */
  async retry(ctx: TenantRequestContext, id: string): Promise<InvestigationResponse> {
    const row = await this.db.transactional(ctx.tenant, async (tx) => {
      const current = isUuid(id) ? await this.repository.find(tx, id, true) : null;
      if (!current) throw new NotFound('investigation');
      if (current.status !== 'degraded') throw new Conflict('not_degraded', { params: { status: current.status } });
      await this.repository.update(tx, id, { status: 'queued', error: null });
      return { ...current, status: 'queued' as const, error: null };
    });
    await this.enqueue(ctx, id, { kind: 'continue' }, `${id}.continue.${Date.now()}`);
    return toInvestigationResponse(row);
  }

  async get(ctx: TenantRequestContext, id: string): Promise<InvestigationResponse> {
    const row = isUuid(id) ? await this.db.read(ctx.tenant, (em) => this.repository.find(em, id)) : null;
    if (!row) throw new NotFound('investigation');
    return toInvestigationResponse(row);
  }

  async forCase(ctx: TenantRequestContext, caseId: string): Promise<InvestigationResponse[]> {
    await this.cases.get(ctx, caseId);
    const rows = await this.db.read(ctx.tenant, (em) => this.repository.forCase(em, caseId));
    return rows.map(toInvestigationResponse);
  }

  async status(ctx: TenantRequestContext): Promise<AiStatusResponse> {
    return {
      mode: this.models.mode,
      model: this.models.model,
      describe: this.models.describe,
      budget: {
        month: this.budgets.month(),
        usedTokens: await this.budgets.used(ctx.tenant),
        limitTokens: await this.budgets.limit(ctx.tenant),
      },
    };
  }

  private async enqueue(ctx: TenantRequestContext, id: string, action: AgentAction, jobId: string): Promise<void> {
    const data: AgentJobData = {
      tenant: TenantJobs.payload(ctx.tenant),
      investigationId: id,
      principal: { ...ctx.principal },
      action,
    };
    try {
      await this.queue.add(AGENT_RUN_JOB, data, { jobId, attempts: 3, backoff: { type: 'exponential', delay: 2_000 } });
    } catch (error) {
      this.logger.error({ err: error, tenant: ctx.tenant.slug, investigationId: id }, 'investigation not queued');
      await this.db.transactional(ctx.tenant, (tx) =>
        this.repository.update(tx, id, {
          status: 'degraded',
          error: {
            code: 'queue_unavailable',
            message: {
              fr: translate('fr', 'problem', 'queue_unavailable'),
              en: translate('en', 'problem', 'queue_unavailable'),
            },
            retryable: true,
          },
        }),
      );
      throw new AppError(503, 'queue_unavailable');
    }
  }
}
