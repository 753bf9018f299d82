import { Migration } from '@mikro-orm/migrations';

/**
 * Summaries the dashboards read instead of the journal, kept by statement-level
 * triggers on `transactions`: one run per INSERT statement over all its rows
 * (a single append, a 5,000-row batch of an import, a seeder), so no code path
 * that writes movements can forget them. See docs/dashboards.md.
 *
 * The functions pin their search_path to this schema (`from current`), so they
 * resolve this cooperative's tables whoever inserts the rows.
 */
export class TenantDashboards20261201000000 extends Migration {
  override up(): void {
    // Per day, kind and expense category: net amount (entries minus reversals, a reversal counting on its own
    // day against the kind it reverses), effect on cash, and how many entries and reversals.
    this.addSql(`
      create table daily_summaries (
        day date not null,
        kind text not null,
        category text not null default '',
        amount bigint not null default 0,
        cash bigint not null default 0,
        entries integer not null default 0,
        reversals integer not null default 0,
        primary key (day, kind, category)
      )`);
    // Where each loan stands, computed by the API with the domain's own allocation (penalty, interest, principal,
    // oldest installment first) and marked stale by the triggers whenever its money or penalties change.
    // Days past due on any day D are D - oldest_unpaid_due_on: only the day moves, so nothing here ages.
    this.addSql(`
      create table loan_positions (
        loan_id uuid primary key,
        outstanding_principal bigint not null default 0,
        oldest_unpaid_due_on date,
        stale boolean not null default true,
        refreshed_at timestamptz
      )`);
    this.addSql(`create index loan_positions_stale_idx on loan_positions (loan_id) where stale`);

    this.addSql(`
      create function summarise_movements() returns trigger language plpgsql set search_path from current as $fn$
      begin
        with moved as (
          select i.occurred_on as day, i.kind, coalesce(i.category, '') as category,
                 i.amount, i.direction * i.amount as cash, 0 as reversal
            from inserted i
           where i.reverses_id is null
          union all
          select i.occurred_on, o.kind, coalesce(o.category, ''), -i.amount, i.direction * i.amount, 1
            from inserted i
           cross join lateral (select t.kind, t.category from transactions t where t.id = i.reverses_id) o
           where i.reverses_id is not null
        ),
        daily as (
          insert into daily_summaries as s (day, kind, category, amount, cash, entries, reversals)
          select day, kind, category, sum(amount), sum(cash), count(*) - sum(reversal), sum(reversal)
            from moved
           group by day, kind, category
          on conflict (day, kind, category) do update
             set amount = s.amount + excluded.amount, cash = s.cash + excluded.cash,
                 entries = s.entries + excluded.entries, reversals = s.reversals + excluded.reversals
        ),
        touched_loans as (
          insert into loan_positions as p (loan_id)
          select distinct loan_id from inserted where loan_id is not null
          on conflict (loan_id) do update set stale = true
        )
        insert into federation.cooperative_totals as f
               (cooperative_id, contributions, loans_disbursed, repayments, penalties, expenses, income,
                adjustments, cash, movements, last_movement_on, updated_at)
        select c.id,
               coalesce(sum(m.amount) filter (where m.kind = 'contribution'), 0),
               coalesce(sum(m.amount) filter (where m.kind = 'loan_disbursement'), 0),
               coalesce(sum(m.amount) filter (where m.kind = 'repayment'), 0),
               coalesce(sum(m.amount) filter (where m.kind = 'penalty'), 0),
               coalesce(sum(m.amount) filter (where m.kind = 'expense'), 0),
               coalesce(sum(m.amount) filter (where m.kind = 'income'), 0),
               coalesce(sum(m.cash) filter (where m.kind = 'adjustment'), 0),
               sum(m.cash), count(*), max(m.day), now()
          from moved m
          join federation.cooperatives c on c.schema_name = tg_table_schema
         group by c.id
        on conflict (cooperative_id) do update
           set contributions = f.contributions + excluded.contributions,
               loans_disbursed = f.loans_disbursed + excluded.loans_disbursed,
               repayments = f.repayments + excluded.repayments,
               penalties = f.penalties + excluded.penalties,
               expenses = f.expenses + excluded.expenses,
               income = f.income + excluded.income,
               adjustments = f.adjustments + excluded.adjustments,
               cash = f.cash + excluded.cash,
               movements = f.movements + excluded.movements,
               last_movement_on = greatest(f.last_movement_on, excluded.last_movement_on),
               updated_at = excluded.updated_at;
        return null;
      end $fn$`);
    this.addSql(`create trigger transactions_summarise after insert on transactions
                   referencing new table as inserted for each statement execute function summarise_movements()`);

    // A penalty charged changes what a repayment pays first, so the loan's position is recomputed.
    this.addSql(`
      create function loan_penalties_touch() returns trigger language plpgsql set search_path from current as $fn$
      begin
        insert into loan_positions as p (loan_id)
        select distinct loan_id from added
        on conflict (loan_id) do update set stale = true;
        return null;
      end $fn$`);
    this.addSql(`create trigger loan_penalties_touch after insert on loan_penalties
                   referencing new table as added for each statement execute function loan_penalties_touch()`);

    // Recomputes every summary from the journal (the rebuild-summaries command, and this migration for
    // cooperatives that already have books). Holding the head of the chain keeps appends out meanwhile.
    this.addSql(`
      create function rebuild_summaries() returns void language plpgsql set search_path from current as $fn$
      begin
        perform 1 from ledger_head where id = 1 for update;
        delete from daily_summaries;
        insert into daily_summaries (day, kind, category, amount, cash, entries, reversals)
        select t.occurred_on, coalesce(o.kind, t.kind), coalesce(case when t.reverses_id is null then t.category
                                                                      else o.category end, ''),
               sum(case when t.reverses_id is null then t.amount else -t.amount end),
               sum(t.direction * t.amount),
               count(*) filter (where t.reverses_id is null),
               count(*) filter (where t.reverses_id is not null)
          from transactions t left join transactions o on o.id = t.reverses_id
         group by 1, 2, 3;
        insert into loan_positions as p (loan_id)
        select distinct loan_id from transactions where loan_id is not null
        on conflict (loan_id) do update set stale = true;
        delete from federation.cooperative_totals
         where cooperative_id = (select id from federation.cooperatives where schema_name = current_schema());
        insert into federation.cooperative_totals
               (cooperative_id, contributions, loans_disbursed, repayments, penalties, expenses, income,
                adjustments, cash, movements, last_movement_on)
        select c.id,
               coalesce(sum(s.amount) filter (where s.kind = 'contribution'), 0),
               coalesce(sum(s.amount) filter (where s.kind = 'loan_disbursement'), 0),
               coalesce(sum(s.amount) filter (where s.kind = 'repayment'), 0),
               coalesce(sum(s.amount) filter (where s.kind = 'penalty'), 0),
               coalesce(sum(s.amount) filter (where s.kind = 'expense'), 0),
               coalesce(sum(s.amount) filter (where s.kind = 'income'), 0),
               coalesce(sum(s.cash) filter (where s.kind = 'adjustment'), 0),
               coalesce(sum(s.cash), 0), coalesce(sum(s.entries + s.reversals), 0), max(s.day)
          from federation.cooperatives c left join daily_summaries s on true
         where c.schema_name = current_schema()
         group by c.id;
      end $fn$`);
    this.addSql(`select rebuild_summaries()`);
  }
}
