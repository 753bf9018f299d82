import { Injectable } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { ContributionPlanRequest } from '@kotizo/contracts';

export const PLAN_SETTING = 'contributions.plan';

export interface MemberForDues {
  id: string;
  number: number;
  full_name: string;
  joined_on: string;
  override_amount: string | null;
}

/** The contribution plan (a setting), member overrides and contributions as received. */
@Injectable()
export class DuesRepository {
  async plan(em: EntityManager): Promise<ContributionPlanRequest | null> {
    const [row] = await em.execute<{ value: ContributionPlanRequest }[]>('select value from settings where key = ?', [
      PLAN_SETTING,
    ]);
    return row?.value ?? null;
  }

  async savePlan(tx: EntityManager, plan: ContributionPlanRequest): Promise<void> {
    await tx.execute(
      `insert into settings (key, value) values (?, ?)
       on conflict (key) do update set value = excluded.value, updated_at = now()`,
      [PLAN_SETTING, JSON.stringify(plan)],
    );
  }

  async setOverride(tx: EntityManager, memberId: string, amount: number | null): Promise<void> {
    if (amount === null) {
      await tx.execute('delete from contribution_overrides where member_id = ?', [memberId]);
      return;
    }
    await tx.execute(
      `insert into contribution_overrides (member_id, amount) values (?, ?)
       on conflict (member_id) do update set amount = excluded.amount, updated_at = now()`,
      [memberId, amount],
    );
  }

  members(em: EntityManager, memberId?: string): Promise<MemberForDues[]> {
    return em.execute<MemberForDues[]>(
      `select m.id, m.number, m.full_name, to_char(m.joined_on, 'YYYY-MM-DD') as joined_on, o.amount as override_amount
         from members m left join contribution_overrides o on o.member_id = m.id
        where ${memberId ? 'm.id = ?' : `m.status = 'active'`}
        order by m.number`,
      memberId ? [memberId] : [],
    );
  }

  /** Contributions still standing (reversed ones excluded), per member, in date order. */
  async contributions(em: EntityManager, memberId?: string): Promise<Map<string, { date: string; amount: number }[]>> {
    const rows = await em.execute<{ member_id: string; occurred_on: string; amount: string }[]>(
      `select t.member_id, to_char(t.occurred_on, 'YYYY-MM-DD') as occurred_on, t.amount from transactions t
        where t.kind = 'contribution' ${memberId ? 'and t.member_id = ?' : ''}
          and not exists (select 1 from transactions r where r.reverses_id = t.id)
        order by t.member_id, t.occurred_on, t.seq`,
      memberId ? [memberId] : [],
    );
    const byMember = new Map<string, { date: string; amount: number }[]>();
    for (const r of rows) {
      const list = byMember.get(r.member_id) ?? [];
      list.push({ date: r.occurred_on, amount: Number(r.amount) });
      byMember.set(r.member_id, list);
    }
    return byMember;
  }
}
