import { Migration } from '@mikro-orm/migrations';

/**
 * Audit rules, their verdicts on each movement, findings and the cases that
 * group them. Also keeps the cash balance at the head of the ledger, so the
 * rules can read it without summing the journal on every write.
 */
export class TenantAudit20261126000000 extends Migration {
  override up(): void {
    this.addSql(`alter table ledger_head add column cash bigint not null default 0`);
    // A member's movements in chain order: what came before a movement (savings, last movement, statistics)
    // is a range of this index. It replaces the (member_id, occurred_on) one, whose lookups it also serves.
    this.addSql(`create index transactions_member_seq_idx on transactions (member_id, seq)`);
    this.addSql(`drop index transactions_member_idx`);
    this.addSql(`update ledger_head set cash = (select coalesce(sum(direction * amount), 0) from transactions)`);

    // What each loan still owes (schedule + penalties - repayments not reversed), for the rules' facts.
    this.addSql(`
      create view loan_balances as
      select l.id, l.member_id, l.status, l.principal,
             coalesce((select sum(i.principal + i.interest) from loan_installments i where i.loan_id = l.id), 0)
           + coalesce((select sum(p.amount) from loan_penalties p where p.loan_id = l.id), 0)
           - coalesce((select sum(t.amount) from transactions t
                        where t.loan_id = l.id and t.kind = 'repayment'
                          and not exists (select 1 from transactions r where r.reverses_id = t.id)), 0) as outstanding
        from loans l`);

    // The facts of movements for the rules: one indexed lookup each for the movement, its member, the member's
    // savings, loans and guarantees, rolling statistics (same kind, before it, 1/30/90 days), the cash just
    // after it and its external reference. A plpgsql function, so each connection plans it once rather than
    // at every write.
    this.addSql(`
      create function audit_movement_facts(p_ids uuid[], p_threshold bigint) returns setof jsonb
      language plpgsql stable as $fn$
      begin
        return query
        select to_jsonb(f) from (
        with mv as (select * from transactions where id = any (p_ids))
               select mv.id, mv.seq, mv.kind, mv.direction, mv.amount, mv.channel, mv.external_ref, mv.category,
                      to_char(mv.occurred_on, 'YYYY-MM-DD') as occurred_on, mv.recorded_at, mv.recorded_by,
                      mv.member_id, mv.loan_id, mv.reverses_id,
                      exists (select 1 from transactions r where r.reverses_id = mv.id) as reversed,
                      (select h.cash from ledger_head h where h.id = 1)
                        - coalesce((select sum(l.direction * l.amount) from transactions l where l.seq > mv.seq), 0) as cash_after,
                      case when mv.external_ref is null then 0 else
                        (select count(*) from transactions x where x.external_ref = mv.external_ref and x.id <> mv.id) end as same_ref,
                      m.number as member_number,
                      coalesce((select e.changes -> 'status' ->> 'to' from member_events e
                                 where e.member_id = m.id and e.action in ('suspended', 'reactivated', 'exited')
                                   and e.at <= mv.recorded_at order by e.id desc limit 1), 'active') as member_status,
                      to_char(m.joined_on, 'YYYY-MM-DD') as joined_on,
                      -- "+ 0" keeps the planner on the member's index: one member's rows, not the whole chain.
                      (select coalesce(sum(s.amount), 0) from transactions s
                        where s.member_id = m.id and s.seq + 0 < mv.seq and s.kind = 'contribution')
                      - (select coalesce(sum(r.amount), 0) from transactions r join transactions o on o.id = r.reverses_id
                          where r.member_id = m.id and r.seq + 0 < mv.seq and r.kind = 'reversal'
                            and o.kind = 'contribution') as savings,
                      (select coalesce(sum(b.outstanding), 0) from loan_balances b
                        where b.member_id = m.id and b.status = 'disbursed') as loans_outstanding,
                      (select count(*) from loans b where b.member_id = m.id and b.status = 'disbursed') as active_loans,
                      (select coalesce(sum(b.outstanding), 0) from loan_balances b join loan_guarantors g on g.loan_id = b.id
                        where g.member_id = m.id and b.status = 'disbursed') as guarantees,
                      (select o.amount from contribution_overrides o where o.member_id = m.id) as expected,
                      (select p.recorded_at from transactions p where p.member_id = m.id and p.seq < mv.seq
                        order by p.seq desc limit 1) as last_at,
                      (select row_to_json(st) from (
          select
            count(*) filter (where s.occurred_on >= mv.occurred_on - 1
                               and s.amount >= ceil(p_threshold * 0.9) and s.amount < p_threshold) as just_below,
            count(*) filter (where s.occurred_on >= mv.occurred_on - 1) as h24_count,
            coalesce(sum(s.amount) filter (where s.occurred_on >= mv.occurred_on - 1), 0) as h24_sum,
            coalesce(avg(s.amount) filter (where s.occurred_on >= mv.occurred_on - 1), 0) as h24_mean,
            coalesce(stddev_pop(s.amount) filter (where s.occurred_on >= mv.occurred_on - 1), 0) as h24_sd,
            count(*) filter (where s.occurred_on >= mv.occurred_on - 1 and s.amount = mv.amount) as same_amount,
            count(*) filter (where s.occurred_on >= mv.occurred_on - 1 and s.amount = mv.amount
                               and s.channel = mv.channel) as same_amount_channel,
            count(*) filter (where s.occurred_on >= mv.occurred_on - 30) as d30_count,
            coalesce(sum(s.amount) filter (where s.occurred_on >= mv.occurred_on - 30), 0) as d30_sum,
            coalesce(avg(s.amount) filter (where s.occurred_on >= mv.occurred_on - 30), 0) as d30_mean,
            coalesce(stddev_pop(s.amount) filter (where s.occurred_on >= mv.occurred_on - 30), 0) as d30_sd,
            count(*) as d90_count,
            coalesce(sum(s.amount), 0) as d90_sum,
            coalesce(avg(s.amount), 0) as d90_mean,
            coalesce(stddev_pop(s.amount), 0) as d90_sd
          from transactions s
          where s.member_id = mv.member_id and s.kind = mv.kind and s.seq + 0 < mv.seq
            and s.occurred_on + 0 between mv.occurred_on - 90 and mv.occurred_on) st) as st
                 from mv left join members m on m.id = mv.member_id
        ) f;
      end $fn$`);

    // Every activation is a new version; versions are never edited.
    this.addSql(`
      create table rule_set_versions (
        version integer primary key,
        source text not null check (source in ('install', 'draft', 'rollback')),
        pack text not null,
        pack_version text not null,
        rule_set jsonb not null,
        author_id uuid,
        activated_by uuid,
        activated_at timestamptz not null default now(),
        note text
      )`);
    this.addSql(`
      create table rule_state (
        id smallint primary key check (id = 1),
        active_version integer references rule_set_versions (version)
      )`);
    this.addSql(`insert into rule_state (id, active_version) values (1, null)`);
    this.addSql(`
      create table rule_set_draft (
        id smallint primary key check (id = 1),
        based_on_version integer not null references rule_set_versions (version),
        rule_set jsonb not null,
        updated_by uuid not null,
        updated_at timestamptz not null default now()
      )`);
    this.addSql(`
      create table rule_snoozes (
        id uuid primary key default gen_random_uuid(),
        rule_id text not null,
        member_id uuid not null references members (id),
        until date not null,
        reason text not null,
        created_by uuid not null,
        created_at timestamptz not null default now(),
        lifted_by uuid,
        lifted_at timestamptz
      )`);
    this.addSql(`create index rule_snoozes_member_idx on rule_snoozes (member_id) where lifted_at is null`);

    this.addSql(`create sequence case_number_seq`);
    this.addSql(`
      create table cases (
        id uuid primary key default gen_random_uuid(),
        number integer not null unique default nextval('case_number_seq'),
        subject_type text not null check (subject_type in ('member', 'loan', 'cooperative')),
        subject_id uuid,
        severity text not null check (severity in ('low', 'medium', 'high', 'critical')),
        severity_rank smallint not null,
        status text not null default 'open'
          check (status in ('open', 'investigating', 'confirmed', 'false_positive', 'resolved')),
        assignee_id uuid,
        outcome_note text,
        opened_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        closed_at timestamptz,
        closed_by uuid
      )`);
    this.addSql(`alter sequence case_number_seq owned by cases.number`);
    // One open case per subject: new findings about it join that case.
    this.addSql(`create unique index cases_one_open_per_subject on cases
                   (subject_type, coalesce(subject_id, '00000000-0000-0000-0000-000000000000'))
                   where status in ('open', 'investigating')`);
    this.addSql(`create index cases_status_idx on cases (status, severity_rank desc, updated_at desc)`);
    this.addSql(`
      create table findings (
        id uuid primary key default gen_random_uuid(),
        case_id uuid not null references cases (id),
        rule_id text not null,
        rule_version integer not null,
        severity text not null,
        scope text not null,
        subject_type text not null,
        subject_id uuid,
        period text not null,
        rule_name jsonb not null,
        message jsonb not null,
        held jsonb not null,
        transaction_ids uuid[] not null default '{}',
        occurrences integer not null default 1,
        first_seen_at timestamptz not null default now(),
        last_seen_at timestamptz not null default now()
      )`);
    // Deduplication: one finding per rule, subject and period.
    this.addSql(`create unique index findings_dedupe on findings
                   (rule_id, subject_type, coalesce(subject_id, '00000000-0000-0000-0000-000000000000'), period)`);
    this.addSql(`create index findings_case_idx on findings (case_id)`);
    this.addSql(`
      create table case_events (
        id bigint generated always as identity primary key,
        case_id uuid not null references cases (id),
        at timestamptz not null default now(),
        actor_id uuid,
        action text not null,
        data jsonb not null default '{}'
      )`);
    this.addSql(`create index case_events_case_idx on case_events (case_id, id)`);
    this.addSql(`create trigger case_events_append_only before update or delete on case_events
                   for each row execute function refuse_ledger_change()`);

    // The verdict of the active rules on each movement, written right after the movement.
    this.addSql(`
      create table movement_verdicts (
        transaction_id uuid primary key references transactions (id),
        rule_version integer not null,
        hits jsonb not null,
        evaluated_at timestamptz not null default now()
      )`);
    this.addSql(`
      create table audit_runs (
        id uuid primary key,
        kind text not null check (kind in ('scheduled', 'full', 'reevaluation', 'import')),
        status text not null default 'queued' check (status in ('queued', 'running', 'done', 'failed')),
        rule_version integer,
        requested_by uuid,
        queued_at timestamptz not null default now(),
        started_at timestamptz,
        finished_at timestamptz,
        done integer not null default 0,
        total integer not null default 0,
        findings_created integer not null default 0,
        error text,
        params jsonb not null default '{}'
      )`);
    this.addSql(`create index audit_runs_recent_idx on audit_runs (queued_at desc)`);
  }
}
