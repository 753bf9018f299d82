import { Injectable } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { InvestigationResponse, InvestigationStatusName } from '@kotizo/contracts';
import { isoTimestamp } from '../../platform/database/timestamps.js';

export interface InvestigationRow {
  id: string;
  case_id: string;
  status: InvestigationStatusName;
  locale: 'fr' | 'en';
  requested_by: string;
  requested_role: string;
  mode: 'openai' | 'offline';
  model: string;
  steps: InvestigationResponse['steps'];
  report: InvestigationResponse['report'];
  decision: InvestigationResponse['decision'];
  follow_ups: InvestigationResponse['followUps'];
  input_tokens: number;
  output_tokens: number;
  duration_ms: number;
  error: InvestigationResponse['error'];
  created_at: string;
  updated_at: string;
}

export function toInvestigationResponse(row: InvestigationRow): InvestigationResponse {
  return {
    id: row.id,
    caseId: row.case_id,
    status: row.status,
    locale: row.locale,
    requestedBy: row.requested_by,
    mode: row.mode,
    model: row.model,
    steps: row.steps,
    report: row.report,
    decision: row.decision,
    followUps: row.follow_ups,
    usage: { inputTokens: row.input_tokens, outputTokens: row.output_tokens },
    durationMs: row.duration_ms,
    error: row.error,
    createdAt: isoTimestamp(row.created_at),
    updatedAt: isoTimestamp(row.updated_at),
  };
}

/** Investigations as the console follows them; the graph's own state lives in LangGraph's checkpoints. */
@Injectable()
export class InvestigationsRepository {
  async find(em: EntityManager, id: string, lock = false): Promise<InvestigationRow | null> {
    const [row] = await em.execute<InvestigationRow[]>(
      `select * from investigations where id = ?${lock ? ' for update' : ''}`,
      [id],
    );
    return row ?? null;
  }

  async forCase(em: EntityManager, caseId: string): Promise<InvestigationRow[]> {
    return em.execute<InvestigationRow[]>('select * from investigations where case_id = ? order by created_at desc', [
      caseId,
    ]);
  }

  async activeForCase(em: EntityManager, caseId: string): Promise<InvestigationRow | null> {
    const [row] = await em.execute<InvestigationRow[]>(
      `select * from investigations where case_id = ? and status in ('queued', 'running', 'awaiting_review')
        order by created_at desc limit 1`,
      [caseId],
    );
    return row ?? null;
  }

  async insert(
    tx: EntityManager,
    row: Pick<InvestigationRow, 'id' | 'case_id' | 'locale' | 'requested_by' | 'requested_role' | 'mode' | 'model'>,
  ): Promise<InvestigationRow> {
    const [inserted] = await tx.execute<InvestigationRow[]>(
      `insert into investigations (id, case_id, locale, requested_by, requested_role, mode, model)
       values (?, ?, ?, ?, ?, ?, ?) returning *`,
      [row.id, row.case_id, row.locale, row.requested_by, row.requested_role, row.mode, row.model],
    );
    return inserted!;
  }

  async update(tx: EntityManager, id: string, fields: Partial<Omit<InvestigationRow, 'id'>>): Promise<void> {
    const keys = Object.keys(fields) as (keyof typeof fields)[];
    if (keys.length === 0) return;
    const json = new Set(['steps', 'report', 'decision', 'follow_ups', 'error']);
    await tx.execute(
      `update investigations set ${keys.map((k) => `${k} = ?`).join(', ')}, updated_at = now() where id = ?`,
      [...keys.map((k) => (json.has(k) ? JSON.stringify(fields[k] ?? null) : fields[k])), id],
    );
  }

  async appendStep(tx: EntityManager, id: string, step: InvestigationResponse['steps'][number]): Promise<void> {
    await tx.execute(
      `update investigations set steps = steps || ?::jsonb, status = 'running', updated_at = now() where id = ?`,
      [JSON.stringify([step]), id],
    );
  }
}
