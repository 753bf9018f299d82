import { Injectable } from '@nestjs/common';
import { FederationDatabase } from '../database/federation-database.js';
import type { TenantRequestContext } from '../tenancy/tenant-context.js';

export interface AuditRecord {
  action: string;
  actorUserId?: string | null;
  cooperativeId?: string | null;
  target?: string | null;
  details?: Record<string, unknown>;
  requestId?: string | null;
}

interface Executor {
  execute(sql: string, params: unknown[]): Promise<unknown>;
}

/** The platform audit log: who did what to which cooperative or account, and when. */
@Injectable()
export class AuditLog {
  constructor(private readonly db: FederationDatabase) {}

  /** Pass the transaction's EntityManager to record in the same transaction as the change. */
  async record(entry: AuditRecord, em: Executor = this.db.em()): Promise<void> {
    await em.execute(
      `insert into federation.audit_log (actor_user_id, cooperative_id, action, target, details, request_id)
       values (?, ?, ?, ?, ?, ?)`,
      [
        entry.actorUserId ?? null,
        entry.cooperativeId ?? null,
        entry.action,
        entry.target ?? null,
        JSON.stringify(entry.details ?? {}),
        entry.requestId ?? null,
      ],
    );
  }

  /** A cooperative's setting changed by the request's user: `target` names it, `saved` is what is now in force. */
  async settingsChanged(
    ctx: TenantRequestContext,
    target: string,
    saved: Record<string, unknown>,
    em: Executor,
  ): Promise<void> {
    await this.record(
      {
        action: 'settings.update',
        actorUserId: ctx.principal.userId,
        cooperativeId: ctx.tenant.cooperativeId,
        target,
        details: saved,
        requestId: ctx.requestId,
      },
      em,
    );
  }
}
