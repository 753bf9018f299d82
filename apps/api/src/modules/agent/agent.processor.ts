import { Inject, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { Processor, WorkerHost } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import {
  type AgentModels,
  createPostgresCheckpointer,
  type InvestigationEvent,
  InvestigationRunner,
  type InvestigationStatus,
} from '@kotizo/agent';
import {
  type InvestigationProgressEvent,
  type InvestigationResponse,
  type InvestigationStatusName,
  SOCKET_EVENTS,
} from '@kotizo/contracts';
import { defineAbilityFor } from '@kotizo/authorization';
import { type CooperativeRole, FEDERATION_ROLES } from '@kotizo/domain';
import { ENV } from '../../platform/config/config.module.js';
import type { Env } from '../../platform/config/env.schema.js';
import { TenantDatabase } from '../../platform/database/tenant-database.js';
import { writeOutbox } from '../../platform/outbox/outbox.js';
import { RealtimePublisher } from '../../platform/realtime/realtime-publisher.js';
import { Rooms } from '../../platform/realtime/rooms.js';
import { TenantJobs } from '../../platform/queue/tenant-jobs.js';
import type { TenantContext, TenantRequestContext } from '../../platform/tenancy/tenant-context.js';
import { CasesService } from '../audit/cases.service.js';
import { AgentPortsFactory } from './agent-ports.js';
import { setUpCheckpoints } from './checkpoint-setup.js';
import { AGENT_MODELS, AGENT_QUEUE, AGENT_RUN_JOB } from './agent-models.provider.js';
import type { AgentJobData } from './investigations.service.js';
import { type InvestigationRow, InvestigationsRepository } from './investigations.repository.js';
import { TenantTokenBudgets } from './token-budget.js';

/** Cooperative roles that may read investigations (the federation's roles may read them all). */
const INVESTIGATION_READERS: CooperativeRole[] = ['admin', 'auditor'];
/** Where a run stops and waits for a person: its requester is told. */
const STOPS_FOR_A_PERSON: InvestigationStatusName[] = ['awaiting_review', 'degraded'];

function stepView(step: InvestigationStatus['run']['steps'][number]): InvestigationResponse['steps'][number] {
  return {
    node: step.node,
    at: step.at,
    durationMs: step.durationMs,
    detail: step.detail,
    ...(step.model ? { model: step.model } : {}),
    toolCalls: step.toolCalls.map((c) => ({ name: c.name, args: c.args, status: c.status })),
  };
}

/**
 * Drives investigations in the worker: each job starts, resumes after a
 * decision, or continues after a fault, on the run's LangGraph thread,
 * checkpointed in PostgreSQL, so a worker killed mid-run loses nothing and
 * the next attempt goes on from the last step. Progress is written to the
 * investigation row as each step is committed, and announced on the socket
 * server to those who may read it (they then read the run); when the run
 * stops for a person, its requester is notified through the outbox.
 */
@Processor(AGENT_QUEUE)
export class AgentProcessor extends WorkerHost implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(AgentProcessor.name);
  private readonly checkpointer;

  constructor(
    @Inject(ENV) private readonly env: Env,
    @Inject(AGENT_MODELS) private readonly models: AgentModels,
    private readonly tenants: TenantJobs,
    private readonly db: TenantDatabase,
    private readonly ports: AgentPortsFactory,
    private readonly budgets: TenantTokenBudgets,
    private readonly investigations: InvestigationsRepository,
    private readonly cases: CasesService,
    private readonly live: RealtimePublisher,
  ) {
    super();
    this.checkpointer = createPostgresCheckpointer({ connectionString: env.DATABASE_URL });
  }

  async onApplicationBootstrap(): Promise<void> {
    // The migrate command does this; a worker started on a database migrated before the agent existed still works.
    await setUpCheckpoints(this.env.DATABASE_URL);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.checkpointer.end();
  }

  async process(job: Job): Promise<InvestigationStatusName> {
    if (job.name !== AGENT_RUN_JOB) throw new Error(`Unknown agent job ${job.name}`);
    const data = job.data as AgentJobData;
    const tenant = await this.tenants.context(data);
    const ctx: TenantRequestContext = {
      tenant,
      principal: data.principal,
      ability: defineAbilityFor(data.principal),
      sessionId: '',
      requestId: null,
    };
    const row = await this.db.read(tenant, (em) => this.investigations.find(em, data.investigationId));
    if (!row) throw new Error(`Investigation ${data.investigationId} does not exist`);
    const runner = new InvestigationRunner({
      ports: await this.ports.bound(ctx),
      analyst: this.models.analyst,
      checkpointer: this.checkpointer,
      budget: this.budgets.for(tenant),
    });
    await this.db.transactional(tenant, (tx) => this.investigations.update(tx, row.id, { status: 'running' }));
    let steps = row.steps.length;
    this.announce(tenant, row, 'running', steps);
    const onEvent = async (event: InvestigationEvent): Promise<void> => {
      if (event.type === 'step') {
        await this.db.transactional(tenant, (tx) => this.investigations.appendStep(tx, row.id, stepView(event.step)));
        steps += 1;
        this.announce(tenant, row, 'running', steps);
      }
    };
    const action = data.action;
    const status =
      action.kind === 'start'
        ? await runner.start({ threadId: row.id, caseId: row.case_id, locale: row.locale }, { onEvent })
        : action.kind === 'decide'
          ? await runner.decide(row.id, action.decision, { onEvent })
          : await runner.continue(row.id, { onEvent });
    const name: InvestigationStatusName = status.phase;
    // The case closes before the run shows its outcome, so whoever sees "confirmed" finds the case closed.
    if (
      action.kind === 'decide' &&
      action.decision.decision !== 'ask' &&
      (name === 'confirmed' || name === 'dismissed')
    ) {
      await this.closeCase(ctx, row.case_id, row.id, name, action.decision.note);
    }
    await this.save(tenant, row, status);
    this.announce(tenant, row, name, status.run.steps.length);
    return name;
  }

  /**
   * Tells the run's readers it moved. Best effort: while Redis is away nothing is sent, and the
   * console reads the run again when its socket comes back.
   */
  private announce(tenant: TenantContext, row: InvestigationRow, status: InvestigationStatusName, steps: number): void {
    const event: InvestigationProgressEvent = {
      id: `${tenant.cooperativeId}:${row.id}:${steps}:${status}`,
      tenant: { cooperativeId: tenant.cooperativeId, slug: tenant.slug },
      investigationId: row.id,
      caseId: row.case_id,
      status,
      steps,
    };
    const rooms = [
      ...INVESTIGATION_READERS.map((role) => Rooms.role(tenant.cooperativeId, role)),
      ...FEDERATION_ROLES.map((role) => Rooms.federation(role)),
    ];
    this.live.emit(rooms, SOCKET_EVENTS.investigationProgress, event);
  }

  private async save(tenant: TenantContext, row: InvestigationRow, status: InvestigationStatus): Promise<void> {
    const id = row.id;
    const name: InvestigationStatusName = status.phase;
    const report = status.report;
    await this.db.transactional(tenant, async (tx) => {
      await this.investigations.update(tx, id, {
        status: name,
        steps: status.run.steps.map(stepView),
        report: report && {
          locale: report.locale,
          summary: report.summary,
          riskLevel: report.riskLevel,
          claims: report.claims.map((c) => ({ text: c.text, citations: c.citations })),
          recommendedActions: report.recommendedActions,
          removedClaims: report.removedClaims.length,
          figures: report.figures,
          author: report.author,
          round: report.round,
        },
        decision: status.decision as InvestigationResponse['decision'],
        follow_ups: status.followUps.map((f) => ({ question: f.question, at: f.at })),
        input_tokens: status.run.usage.inputTokens,
        output_tokens: status.run.usage.outputTokens,
        duration_ms: Math.round(status.run.durationMs),
        error: status.error,
        mode: status.run.mode,
        model: status.run.model,
      });
      if (STOPS_FOR_A_PERSON.includes(name)) {
        await writeOutbox(tx, {
          type: 'investigation.finished',
          investigationId: id,
          caseId: row.case_id,
          status: name,
          requestedBy: row.requested_by,
        });
      }
    });
    this.logger.log({ tenant: tenant.slug, investigation: id, phase: name }, 'investigation step done');
  }

  /** The auditor's decision on the report closes the case the same way (never the model's doing). */
  private async closeCase(
    ctx: TenantRequestContext,
    caseId: string,
    investigationId: string,
    outcome: 'confirmed' | 'dismissed',
    note: string | undefined,
  ): Promise<void> {
    const current = await this.cases.get(ctx, caseId);
    if (!['open', 'investigating'].includes(current.status)) return;
    const words = outcome === 'confirmed' ? 'Confirmed after investigation' : 'Dismissed after investigation';
    await this.cases.changeStatus(ctx, caseId, {
      status: outcome === 'confirmed' ? 'confirmed' : 'false_positive',
      note: `${words} ${investigationId.slice(0, 8)}${note ? `: ${note}` : '.'}`,
    });
  }
}
