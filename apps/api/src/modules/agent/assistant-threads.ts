import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { type AgentModels, AssistantChat, type AssistantTurn, createPostgresCheckpointer } from '@kotizo/agent';
import type { AskRequest, AssistantThreadResponse, AssistantTurnResponse } from '@kotizo/contracts';
import { ENV } from '../../platform/config/config.module.js';
import type { Env } from '../../platform/config/env.schema.js';
import { TenantDatabase } from '../../platform/database/tenant-database.js';
import { isoTimestamp } from '../../platform/database/timestamps.js';
import { uuid7 } from '../../platform/database/uuid7.js';
import { NotFound } from '../../platform/errors/app-error.js';
import type { TenantRequestContext } from '../../platform/tenancy/tenant-context.js';
import { isUuid } from '../../platform/validation/uuid.js';
import { AgentPortsFactory } from './agent-ports.js';
import { AGENT_MODELS } from './agent-models.provider.js';
import { TenantTokenBudgets } from './token-budget.js';

interface ThreadRow {
  id: string;
  owner_id: string;
  title: string;
  created_at: string;
  updated_at: string;
}

const toThread = (r: ThreadRow): AssistantThreadResponse => ({
  id: r.id,
  title: r.title,
  createdAt: isoTimestamp(r.created_at),
  updatedAt: isoTimestamp(r.updated_at),
});

export function toTurnResponse(turn: AssistantTurn): AssistantTurnResponse {
  return {
    at: turn.at,
    request: turn.request as AskRequest['request'],
    locale: turn.locale,
    found: turn.found,
    answer: { text: turn.answer.text, citations: turn.answer.citations, author: turn.answer.author },
  };
}

/**
 * The assistant's threads: one per conversation of one user in one
 * cooperative. Each question is a checkpointed LangGraph run on the thread,
 * answered with the caller's rights; nobody else reads a thread.
 */
@Injectable()
export class AssistantThreads implements OnApplicationShutdown {
  private readonly checkpointer;

  constructor(
    @Inject(ENV) env: Env,
    @Inject(AGENT_MODELS) private readonly models: AgentModels,
    private readonly db: TenantDatabase,
    private readonly ports: AgentPortsFactory,
    private readonly budgets: TenantTokenBudgets,
  ) {
    this.checkpointer = createPostgresCheckpointer({ connectionString: env.DATABASE_URL });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.checkpointer.end();
  }

  async list(ctx: TenantRequestContext): Promise<AssistantThreadResponse[]> {
    const rows = await this.db.read(ctx.tenant, (em) =>
      em.execute<ThreadRow[]>('select * from assistant_threads where owner_id = ? order by updated_at desc limit 100', [
        ctx.principal.userId,
      ]),
    );
    return rows.map(toThread);
  }

  async create(ctx: TenantRequestContext, title: string | undefined): Promise<AssistantThreadResponse> {
    const [row] = await this.db.transactional(ctx.tenant, (tx) =>
      tx.execute<ThreadRow[]>('insert into assistant_threads (id, owner_id, title) values (?, ?, ?) returning *', [
        uuid7(),
        ctx.principal.userId,
        title ?? (ctx.tenant.locale.startsWith('en') ? 'New conversation' : 'Nouvelle conversation'),
      ]),
    );
    return toThread(row!);
  }

  async history(ctx: TenantRequestContext, id: string): Promise<AssistantTurnResponse[]> {
    await this.own(ctx, id);
    const turns = await (await this.chat(ctx)).history(id);
    return turns.map(toTurnResponse);
  }

  async ask(
    ctx: TenantRequestContext,
    id: string,
    request: AskRequest,
    onToken: (token: string) => void,
  ): Promise<AssistantTurnResponse> {
    await this.own(ctx, id);
    const locale = request.locale ?? (ctx.tenant.locale.startsWith('en') ? 'en' : 'fr');
    const turn = await (await this.chat(ctx)).ask(id, request.request, locale, { onToken });
    await this.db.transactional(ctx.tenant, (tx) =>
      tx.execute('update assistant_threads set updated_at = now() where id = ?', [id]),
    );
    return toTurnResponse(turn);
  }

  /** A thread that is not the caller's reads as absent. */
  async own(ctx: TenantRequestContext, id: string): Promise<void> {
    const [row] = isUuid(id)
      ? await this.db.read(ctx.tenant, (em) =>
          em.execute<ThreadRow[]>('select * from assistant_threads where id = ? and owner_id = ?', [
            id,
            ctx.principal.userId,
          ]),
        )
      : [];
    if (!row) throw new NotFound('conversation');
  }

  private async chat(ctx: TenantRequestContext): Promise<AssistantChat> {
    return new AssistantChat({
      ports: await this.ports.bound(ctx),
      owner: ctx.principal.userId,
      writer: this.models.writer,
      checkpointer: this.checkpointer,
      budget: this.budgets.for(ctx.tenant),
    });
  }
}
