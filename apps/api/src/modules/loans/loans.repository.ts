import { Injectable } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { ListLoansQuery, RequestLoanCommand } from '@kotizo/contracts';
import type { PenaltyCharge, ScheduledInstallment } from '@kotizo/domain';
import { bulkInsert } from '../../platform/database/bulk-insert.js';

export interface LoanRow {
  id: string;
  number: number;
  member_id: string;
  member_name: string;
  principal: string;
  currency: string;
  annual_rate_bp: number;
  method: 'flat' | 'declining';
  installments: number;
  frequency: 'weekly' | 'biweekly' | 'monthly';
  purpose: string;
  status: string;
  requested_by: string;
  requested_at: string;
  decided_by: string | null;
  decision_note: string | null;
  disbursed_on: string | null;
  write_off_reason: string | null;
}

export interface InstallmentRow {
  number: number;
  due_on: string;
  principal: string;
  interest: string;
}

const COLUMNS = `id, number, member_id, (select m.full_name from members m where m.id = loans.member_id) as member_name,
  principal, currency, annual_rate_bp, method, installments, frequency, purpose, status, requested_by, requested_at,
  decided_by, decision_note, to_char(disbursed_on, 'YYYY-MM-DD') as disbursed_on, write_off_reason`;

/** Loans of one cooperative (the EntityManager is bound to its schema). */
@Injectable()
export class LoansRepository {
  async insert(
    tx: EntityManager,
    loan: RequestLoanCommand & { currency: string; requestedBy: string },
  ): Promise<LoanRow> {
    const [row] = await tx.execute<LoanRow[]>(
      `insert into loans (member_id, principal, currency, annual_rate_bp, method, installments, frequency, purpose, requested_by)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?) returning ${COLUMNS}`,
      [
        loan.memberId,
        loan.principal,
        loan.currency,
        loan.annualRateBasisPoints,
        loan.method,
        loan.installments,
        loan.frequency,
        loan.purpose,
        loan.requestedBy,
      ],
    );
    for (const guarantor of loan.guarantorIds) {
      await tx.execute('insert into loan_guarantors (loan_id, member_id) values (?, ?)', [row!.id, guarantor]);
    }
    return row!;
  }

  async find(em: EntityManager, id: string, lock = false): Promise<LoanRow | null> {
    const [row] = await em.execute<LoanRow[]>(`select ${COLUMNS} from loans where id = ?${lock ? ' for update' : ''}`, [
      id,
    ]);
    return row ?? null;
  }

  async list(
    em: EntityManager,
    query: ListLoansQuery,
    onlyMemberId?: string,
  ): Promise<{ items: LoanRow[]; total: number }> {
    const where: string[] = [];
    const params: unknown[] = [];
    const memberId = onlyMemberId ?? query.memberId;
    if (memberId) {
      where.push('member_id = ?');
      params.push(memberId);
    }
    if (query.status) {
      where.push('status = ?');
      params.push(query.status);
    }
    const clause = where.length ? `where ${where.join(' and ')}` : '';
    const items = await em.execute<LoanRow[]>(
      `select ${COLUMNS} from loans ${clause} order by number desc limit ? offset ?`,
      [...params, query.limit, query.offset],
    );
    const [count] = await em.execute<{ total: string }[]>(`select count(*) as total from loans ${clause}`, params);
    return { items, total: Number(count?.total ?? 0) };
  }

  disbursed(em: EntityManager): Promise<LoanRow[]> {
    return em.execute<LoanRow[]>(`select ${COLUMNS} from loans where status = 'disbursed'`);
  }

  /** Guarantors of each loan given, in one query. */
  async guarantorsOf(em: EntityManager, loanIds: string[]): Promise<Map<string, string[]>> {
    if (loanIds.length === 0) return new Map();
    const rows = await em.execute<{ loan_id: string; member_id: string }[]>(
      'select loan_id, member_id from loan_guarantors where loan_id in (?) order by member_id',
      [loanIds],
    );
    return group(
      rows,
      (r) => r.loan_id,
      (r) => r.member_id,
    );
  }

  /** The fixed schedule of each loan given (none before disbursement), in one query. */
  async installmentsOf(em: EntityManager, loanIds: string[]): Promise<Map<string, InstallmentRow[]>> {
    if (loanIds.length === 0) return new Map();
    const rows = await em.execute<(InstallmentRow & { loan_id: string })[]>(
      `select loan_id, number, to_char(due_on, 'YYYY-MM-DD') as due_on, principal, interest
         from loan_installments where loan_id in (?) order by loan_id, number`,
      [loanIds],
    );
    return group(
      rows,
      (r) => r.loan_id,
      (r) => r,
    );
  }

  async saveSchedule(tx: EntityManager, loanId: string, schedule: readonly ScheduledInstallment[]): Promise<void> {
    await bulkInsert(
      tx,
      'loan_installments',
      [
        { name: 'loan_id', type: 'uuid' },
        { name: 'number', type: 'integer' },
        { name: 'due_on', type: 'date' },
        { name: 'principal', type: 'bigint' },
        { name: 'interest', type: 'bigint' },
      ],
      [
        schedule.map(() => loanId),
        schedule.map((i) => i.number),
        schedule.map((i) => i.dueDate),
        schedule.map((i) => i.principal),
        schedule.map((i) => i.interest),
      ],
    );
  }

  /** Penalties charged on each loan given, in one query. */
  async penaltiesOf(em: EntityManager, loanIds: string[]): Promise<Map<string, PenaltyCharge[]>> {
    if (loanIds.length === 0) return new Map();
    const rows = await em.execute<
      { loan_id: string; installment_number: number; assessed_on: string; amount: string }[]
    >(
      `select loan_id, installment_number, to_char(assessed_on, 'YYYY-MM-DD') as assessed_on, amount
         from loan_penalties where loan_id in (?) order by assessed_on, assessed_at`,
      [loanIds],
    );
    return group(
      rows,
      (r) => r.loan_id,
      (r) => ({
        installmentNumber: r.installment_number,
        assessedOn: r.assessed_on,
        amount: Number(r.amount),
      }),
    );
  }

  /**
   * Charges a penalty on an installment, with its loan event: the one path for
   * a penalty charged by hand and one charged by the automatic policy. A
   * policy charge names the period late it covers and is kept to one per
   * installment and period (a second attempt adds nothing and answers false).
   */
  async chargePenalty(
    tx: EntityManager,
    penalty: {
      loanId: string;
      installmentNumber: number;
      amount: number;
      assessedOn: string;
      reason: string;
      /** Null for a charge made by the policy, which nobody signs. */
      assessedBy: string | null;
      policyPeriod?: { startsOn: string; endsBefore: string };
    },
  ): Promise<boolean> {
    const inserted = await tx.execute<{ id: string }[]>(
      `insert into loan_penalties
         (loan_id, installment_number, amount, assessed_on, reason, assessed_by, policy_period_start, policy_period_end)
       values (?, ?, ?, ?, ?, ?, ?, ?)
       on conflict (loan_id, installment_number, policy_period_start) where policy_period_start is not null do nothing
       returning id`,
      [
        penalty.loanId,
        penalty.installmentNumber,
        penalty.amount,
        penalty.assessedOn,
        penalty.reason,
        penalty.assessedBy,
        penalty.policyPeriod?.startsOn ?? null,
        penalty.policyPeriod?.endsBefore ?? null,
      ],
    );
    if (inserted.length === 0) return false;
    await this.addEvent(tx, penalty.loanId, penalty.assessedBy, 'penalty', penalty.reason);
    return true;
  }

  /** Per loan and installment, what the automatic policy charged and where its last period ends. */
  async policyChargesOf(
    em: EntityManager,
    loanIds: string[],
  ): Promise<Map<string, Map<number, { charged: number; until: string }>>> {
    const byLoan = new Map<string, Map<number, { charged: number; until: string }>>();
    if (loanIds.length === 0) return byLoan;
    const rows = await em.execute<{ loan_id: string; installment_number: number; charged: string; until: string }[]>(
      `select loan_id, installment_number, sum(amount) as charged,
              to_char(max(policy_period_end), 'YYYY-MM-DD') as until
         from loan_penalties where loan_id in (?) and policy_period_start is not null
        group by loan_id, installment_number`,
      [loanIds],
    );
    for (const r of rows) {
      const installments = byLoan.get(r.loan_id) ?? new Map<number, { charged: number; until: string }>();
      installments.set(r.installment_number, { charged: Number(r.charged), until: r.until });
      byLoan.set(r.loan_id, installments);
    }
    return byLoan;
  }

  /** Repayments still standing (a reversed one no longer counts) of each loan given, in date order. */
  async repaymentsOf(em: EntityManager, loanIds: string[]): Promise<Map<string, { date: string; amount: number }[]>> {
    if (loanIds.length === 0) return new Map();
    const rows = await em.execute<{ loan_id: string; occurred_on: string; amount: string }[]>(
      `select t.loan_id, to_char(t.occurred_on, 'YYYY-MM-DD') as occurred_on, t.amount from transactions t
        where t.loan_id in (?) and t.kind = 'repayment'
          and not exists (select 1 from transactions r where r.reverses_id = t.id)
        order by t.occurred_on, t.seq`,
      [loanIds],
    );
    return group(
      rows,
      (r) => r.loan_id,
      (r) => ({ date: r.occurred_on, amount: Number(r.amount) }),
    );
  }

  async setStatus(tx: EntityManager, id: string, fields: Record<string, unknown>): Promise<void> {
    const keys = Object.keys(fields);
    await tx.execute(`update loans set ${keys.map((k) => `${k} = ?`).join(', ')} where id = ?`, [
      ...keys.map((k) => fields[k]),
      id,
    ]);
  }

  async addEvent(
    tx: EntityManager,
    loanId: string,
    actorUserId: string | null,
    action: string,
    note: string | null = null,
  ): Promise<void> {
    await tx.execute('insert into loan_events (loan_id, actor_user_id, action, note) values (?, ?, ?, ?)', [
      loanId,
      actorUserId,
      action,
      note,
    ]);
  }

  async setting(em: EntityManager, key: string): Promise<unknown> {
    const [row] = await em.execute<{ value: unknown }[]>('select value from settings where key = ?', [key]);
    return row?.value;
  }
}

function group<R, V>(rows: R[], key: (row: R) => string, value: (row: R) => V): Map<string, V[]> {
  const map = new Map<string, V[]>();
  for (const row of rows) {
    const list = map.get(key(row)) ?? [];
    list.push(value(row));
    map.set(key(row), list);
  }
  return map;
}
