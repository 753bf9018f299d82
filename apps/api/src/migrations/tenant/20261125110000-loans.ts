import { Migration } from '@mikro-orm/migrations';

/**
 * Loans: the request and its decision (maker-checker), the schedule fixed at
 * disbursement, and the history of state changes. Money moves only through
 * the ledger (loan_disbursement and repayment entries carry the loan id).
 */
export class TenantLoans20261125110000 extends Migration {
  override up(): void {
    this.addSql(`create sequence loan_number_seq`);
    this.addSql(`
      create table loans (
        id uuid primary key default gen_random_uuid(),
        number integer not null unique default nextval('loan_number_seq'),
        member_id uuid not null references members (id),
        principal bigint not null check (principal > 0),
        currency char(3) not null,
        annual_rate_bp integer not null check (annual_rate_bp >= 0),
        method text not null check (method in ('flat', 'declining')),
        installments integer not null check (installments between 1 and 520),
        frequency text not null check (frequency in ('weekly', 'biweekly', 'monthly')),
        purpose text not null,
        status text not null default 'requested'
          check (status in ('requested', 'approved', 'rejected', 'disbursed', 'closed', 'written_off')),
        requested_by uuid not null,
        requested_at timestamptz not null default now(),
        decided_by uuid,
        decided_at timestamptz,
        decision_note text,
        disbursed_on date,
        disbursement_id uuid references transactions (id),
        written_off_by uuid,
        written_off_at timestamptz,
        write_off_reason text
      )`);
    this.addSql(`alter sequence loan_number_seq owned by loans.number`);
    this.addSql(`create index loans_member_idx on loans (member_id)`);
    this.addSql(`create index loans_status_idx on loans (status)`);
    this.addSql(`
      create table loan_guarantors (
        loan_id uuid not null references loans (id),
        member_id uuid not null references members (id),
        primary key (loan_id, member_id)
      )`);
    this.addSql(`
      create table loan_installments (
        loan_id uuid not null references loans (id),
        number integer not null,
        due_on date not null,
        principal bigint not null check (principal >= 0),
        interest bigint not null check (interest >= 0),
        primary key (loan_id, number)
      )`);
    this.addSql(`create trigger loan_installments_append_only before update or delete on loan_installments
                   for each row execute function refuse_ledger_change()`);
    this.addSql(`
      create table loan_events (
        id bigint generated always as identity primary key,
        loan_id uuid not null references loans (id),
        at timestamptz not null default now(),
        actor_user_id uuid not null,
        action text not null,
        note text
      )`);
    this.addSql(`create trigger loan_events_append_only before update or delete on loan_events
                   for each row execute function refuse_ledger_change()`);
    this.addSql(`create index transactions_loan_idx on transactions (loan_id) where loan_id is not null`);
  }
}
