import { Migration } from '@mikro-orm/migrations';

/** Penalties charged on late installments; paid first by the next repayments. */
export class TenantLoanPenalties20261125140000 extends Migration {
  override up(): void {
    this.addSql(`
      create table loan_penalties (
        id uuid primary key default gen_random_uuid(),
        loan_id uuid not null references loans (id),
        installment_number integer not null,
        amount bigint not null check (amount > 0),
        assessed_on date not null,
        reason text not null,
        assessed_by uuid not null,
        assessed_at timestamptz not null default now(),
        foreign key (loan_id, installment_number) references loan_installments (loan_id, number)
      )`);
    this.addSql(`create index loan_penalties_loan_idx on loan_penalties (loan_id)`);
    this.addSql(`create trigger loan_penalties_append_only before update or delete on loan_penalties
                   for each row execute function refuse_ledger_change()`);
  }
}
