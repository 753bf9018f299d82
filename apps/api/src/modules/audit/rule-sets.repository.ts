import { Injectable } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { RuleSetVersionResponse, SnoozeResponse } from '@kotizo/contracts';
import type { RuleSet } from '@kotizo/rules-engine';
import { isoTimestamp } from '../../platform/database/timestamps.js';

export interface VersionRow {
  version: number;
  source: RuleSetVersionResponse['source'];
  pack: string;
  pack_version: string;
  rule_set: RuleSet;
  author_id: string | null;
  activated_by: string | null;
  activated_at: string;
  note: string | null;
  active: boolean;
}

export interface DraftRow {
  based_on_version: number;
  rule_set: RuleSet;
  updated_by: string;
  updated_at: string;
}

interface SnoozeRow {
  id: string;
  rule_id: string;
  member_id: string;
  member_name: string | null;
  until: string;
  reason: string;
  created_by: string;
  created_at: string;
  lifted_at: string | null;
}

const VERSION_COLUMNS = `v.version, v.source, v.pack, v.pack_version, v.author_id, v.activated_by, v.activated_at,
  v.note, (v.version = s.active_version) as active`;

export function toVersionResponse(row: VersionRow, ruleCount: number): RuleSetVersionResponse {
  return {
    version: row.version,
    source: row.source,
    pack: row.pack,
    packVersion: row.pack_version,
    authorId: row.author_id,
    activatedBy: row.activated_by,
    activatedAt: isoTimestamp(row.activated_at),
    note: row.note,
    active: row.active,
    ruleCount,
  };
}

export function toSnoozeResponse(row: SnoozeRow): SnoozeResponse {
  return {
    id: row.id,
    ruleId: row.rule_id,
    memberId: row.member_id,
    memberName: row.member_name,
    until: row.until,
    reason: row.reason,
    createdBy: row.created_by,
    createdAt: isoTimestamp(row.created_at),
    liftedAt: row.lifted_at ? isoTimestamp(row.lifted_at) : null,
  };
}

/** Rule-set versions, the draft and snoozes of one cooperative (the EntityManager is bound to its schema). */
@Injectable()
export class RuleSetsRepository {
  async activeVersion(em: EntityManager): Promise<number | null> {
    const [row] = await em.execute<{ active_version: number | null }[]>(
      'select active_version from rule_state where id = 1',
    );
    return row?.active_version ?? null;
  }

  async version(em: EntityManager, version: number): Promise<VersionRow | null> {
    const [row] = await em.execute<VersionRow[]>(
      `select ${VERSION_COLUMNS}, v.rule_set from rule_set_versions v cross join rule_state s where v.version = ?`,
      [version],
    );
    return row ?? null;
  }

  async versions(em: EntityManager): Promise<(VersionRow & { rule_count: number })[]> {
    return em.execute(
      `select ${VERSION_COLUMNS}, jsonb_array_length(v.rule_set -> 'rules') as rule_count
         from rule_set_versions v cross join rule_state s order by v.version desc`,
    );
  }

  /**
   * Adds a version and makes it the active one. The state row is locked, so
   * two activations never get the same number.
   */
  async activate(
    tx: EntityManager,
    entry: {
      source: VersionRow['source'];
      ruleSet: RuleSet;
      authorId: string | null;
      by: string | null;
      note?: string;
    },
  ): Promise<number> {
    await tx.execute('select 1 from rule_state where id = 1 for update');
    const [row] = await tx.execute<{ version: number }[]>(
      `insert into rule_set_versions (version, source, pack, pack_version, rule_set, author_id, activated_by, note)
       select coalesce(max(version), 0) + 1, ?, ?, ?, ?, ?, ?, ? from rule_set_versions
       returning version`,
      [
        entry.source,
        entry.ruleSet.pack,
        entry.ruleSet.packVersion,
        JSON.stringify(entry.ruleSet),
        entry.authorId,
        entry.by,
        entry.note ?? null,
      ],
    );
    await tx.execute('update rule_state set active_version = ? where id = 1', [row!.version]);
    return row!.version;
  }

  async draft(em: EntityManager, lock = false): Promise<DraftRow | null> {
    const [row] = await em.execute<DraftRow[]>(
      `select based_on_version, rule_set, updated_by, updated_at from rule_set_draft where id = 1${lock ? ' for update' : ''}`,
    );
    return row ?? null;
  }

  async saveDraft(tx: EntityManager, basedOn: number, ruleSet: RuleSet, by: string): Promise<void> {
    await tx.execute(
      `insert into rule_set_draft (id, based_on_version, rule_set, updated_by) values (1, ?, ?, ?)
       on conflict (id) do update set based_on_version = excluded.based_on_version, rule_set = excluded.rule_set,
         updated_by = excluded.updated_by, updated_at = now()`,
      [basedOn, JSON.stringify(ruleSet), by],
    );
  }

  async deleteDraft(tx: EntityManager): Promise<boolean> {
    const rows = await tx.execute<{ id: number }[]>('delete from rule_set_draft where id = 1 returning id');
    return rows.length > 0;
  }

  async snoozes(em: EntityManager, activeOnly: boolean): Promise<SnoozeResponse[]> {
    const rows = await em.execute<SnoozeRow[]>(
      `select z.id, z.rule_id, z.member_id, m.full_name as member_name, to_char(z.until, 'YYYY-MM-DD') as until,
              z.reason, z.created_by, z.created_at, z.lifted_at
         from rule_snoozes z join members m on m.id = z.member_id
        ${activeOnly ? 'where z.lifted_at is null' : ''} order by z.created_at desc limit 500`,
    );
    return rows.map(toSnoozeResponse);
  }

  async addSnooze(
    tx: EntityManager,
    snooze: { ruleId: string; memberId: string; until: string; reason: string; by: string },
  ): Promise<string> {
    const [row] = await tx.execute<{ id: string }[]>(
      `insert into rule_snoozes (rule_id, member_id, until, reason, created_by) values (?, ?, ?, ?, ?) returning id`,
      [snooze.ruleId, snooze.memberId, snooze.until, snooze.reason, snooze.by],
    );
    return row!.id;
  }

  async liftSnooze(tx: EntityManager, id: string, by: string): Promise<boolean> {
    const rows = await tx.execute<{ id: string }[]>(
      `update rule_snoozes set lifted_at = now(), lifted_by = ? where id = ? and lifted_at is null returning id`,
      [by, id],
    );
    return rows.length > 0;
  }

  async snooze(em: EntityManager, id: string): Promise<SnoozeResponse | null> {
    const rows = await em.execute<SnoozeRow[]>(
      `select z.id, z.rule_id, z.member_id, m.full_name as member_name, to_char(z.until, 'YYYY-MM-DD') as until,
              z.reason, z.created_by, z.created_at, z.lifted_at
         from rule_snoozes z join members m on m.id = z.member_id where z.id = ?`,
      [id],
    );
    return rows[0] ? toSnoozeResponse(rows[0]) : null;
  }

  /** Rule ids snoozed for each member on `day`. */
  async snoozedOn(em: EntityManager, memberIds: string[], day: string): Promise<Set<string>> {
    if (memberIds.length === 0) return new Set();
    const rows = await em.execute<{ rule_id: string; member_id: string }[]>(
      `select rule_id, member_id from rule_snoozes
        where member_id in (?) and lifted_at is null and until >= ?`,
      [memberIds, day],
    );
    return new Set(rows.map((r) => `${r.rule_id}:${r.member_id}`));
  }
}
