import { Injectable } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { DashboardGranularity } from '@kotizo/contracts';
import type { IsoDate } from '@kotizo/domain';

export interface KindSums {
  kind: string;
  amount: number;
  cash: number;
  entries: number;
  reversals: number;
}

export interface BucketSums {
  start: IsoDate;
  end: IsoDate;
  /** Null for a bucket without movements. */
  kind: string | null;
  amount: number;
  cash: number;
}

const OPEN_CASE = `status in ('open', 'investigating')`;

/**
 * What the dashboard reads: `daily_summaries` (kept by the ledger's trigger),
 * members, cases and loans. Nothing here scans `transactions`.
 */
@Injectable()
export class DashboardRepository {
  async byKind(em: EntityManager, from: IsoDate, to: IsoDate): Promise<KindSums[]> {
    const rows = await em.execute<{ kind: string; amount: string; cash: string; entries: string; reversals: string }[]>(
      `select kind, sum(amount) as amount, sum(cash) as cash, sum(entries) as entries, sum(reversals) as reversals
         from daily_summaries where day between ? and ? group by kind`,
      [from, to],
    );
    return rows.map((r) => ({
      kind: r.kind,
      amount: Number(r.amount),
      cash: Number(r.cash),
      entries: Number(r.entries),
      reversals: Number(r.reversals),
    }));
  }

  /** Cash at the end of the day before `from` and at the end of `to`. */
  async cash(em: EntityManager, from: IsoDate, to: IsoDate): Promise<{ opening: number; closing: number }> {
    const [row] = await em.execute<{ opening: string | null; closing: string | null }[]>(
      `select sum(cash) filter (where day < ?) as opening, sum(cash) as closing from daily_summaries where day <= ?`,
      [from, to],
    );
    return { opening: Number(row?.opening ?? 0), closing: Number(row?.closing ?? 0) };
  }

  /**
   * Net amount and cash per kind in each bucket of the period (ISO weeks or
   * months, cut to the period), empty buckets included, oldest first.
   */
  async buckets(
    em: EntityManager,
    from: IsoDate,
    to: IsoDate,
    granularity: DashboardGranularity,
  ): Promise<BucketSums[]> {
    const step = granularity === 'week' ? '1 week' : '1 month';
    const rows = await em.execute<
      { start: string; end: string; kind: string | null; amount: string | null; cash: string | null }[]
    >(
      `with buckets as (
         select g::date as key, greatest(g::date, ?::date) as start, least((g + ?::interval)::date - 1, ?::date) as last
           from generate_series(date_trunc(?, ?::timestamp), ?::timestamp, ?::interval) g
       ),
       sums as (
         select date_trunc(?, day::timestamp)::date as key, kind, sum(amount) as amount, sum(cash) as cash
           from daily_summaries where day between ? and ? group by 1, 2
       )
       select to_char(b.start, 'YYYY-MM-DD') as start, to_char(b.last, 'YYYY-MM-DD') as end, s.kind, s.amount, s.cash
         from buckets b left join sums s on s.key = b.key
        order by b.key, s.kind`,
      [from, step, to, granularity, from, to, step, granularity, from, to],
    );
    return rows.map((r) => ({
      start: r.start,
      end: r.end,
      kind: r.kind,
      amount: Number(r.amount ?? 0),
      cash: Number(r.cash ?? 0),
    }));
  }

  async expensesByCategory(
    em: EntityManager,
    from: IsoDate,
    to: IsoDate,
  ): Promise<{ category: string; amount: number; entries: number }[]> {
    const rows = await em.execute<{ category: string; amount: string; entries: string }[]>(
      `select category, sum(amount) as amount, sum(entries) as entries
         from daily_summaries where kind = 'expense' and day between ? and ?
        group by category having sum(amount) <> 0 or sum(entries) <> 0
        order by sum(amount) desc, category`,
      [from, to],
    );
    return rows.map((r) => ({ category: r.category || 'other', amount: Number(r.amount), entries: Number(r.entries) }));
  }

  async members(em: EntityManager): Promise<{ active: number; suspended: number; exited: number }> {
    const [row] = await em.execute<{ active: string; suspended: string; exited: string }[]>(
      `select count(*) filter (where status = 'active') as active,
              count(*) filter (where status = 'suspended') as suspended,
              count(*) filter (where status = 'exited') as exited
         from members`,
    );
    return {
      active: Number(row?.active ?? 0),
      suspended: Number(row?.suspended ?? 0),
      exited: Number(row?.exited ?? 0),
    };
  }

  /** Open cases per severity, and the findings per severity inside them. */
  async openCases(em: EntityManager): Promise<{ severity: string; cases: number; findings: number }[]> {
    const rows = await em.execute<{ severity: string; cases: string; findings: string }[]>(
      `select s.severity,
              (select count(*) from cases c where c.${OPEN_CASE} and c.severity = s.severity) as cases,
              (select count(*) from findings f join cases c on c.id = f.case_id
                where c.${OPEN_CASE} and f.severity = s.severity) as findings
         from unnest(array['low', 'medium', 'high', 'critical']) as s (severity)`,
    );
    return rows.map((r) => ({ severity: r.severity, cases: Number(r.cases), findings: Number(r.findings) }));
  }

  /** Loans written off in the period (judged on the cooperative's calendar) and their principal still owed. */
  async writeOffs(
    em: EntityManager,
    from: IsoDate,
    to: IsoDate,
    timeZone: string,
  ): Promise<{ loans: number; principal: number }> {
    const [row] = await em.execute<{ loans: string; principal: string | null }[]>(
      `select count(*) as loans, sum(p.outstanding_principal) as principal
         from loans l left join loan_positions p on p.loan_id = l.id
        where l.status = 'written_off' and (l.written_off_at at time zone ?)::date between ? and ?`,
      [timeZone, from, to],
    );
    return { loans: Number(row?.loans ?? 0), principal: Number(row?.principal ?? 0) };
  }
}
