import { Injectable } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { ListLoansQuery, RequestLoanCommand } from '@kotizo/contracts';
import type { ScheduledInstallment } from '@kotizo/domain';

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

  async disbursedIds(em: EntityManager): Promise<string[]> {
    const rows = await em.execute<{ id: string }[]>(`select id from loans where status = 'disbursed'`);
    return rows.map((r) => r.id);
  }

  async guarantors(em: EntityManager, loanId: string): Promise<string[]> {
    const rows = await em.execute<{ member_id: string }[]>(
      'select member_id from loan_guarantors where loan_id = ? order by member_id',
      [loanId],
    );
    return rows.map((r) => r.member_id);
  }

  installments(em: EntityManager, loanId: string): Promise<InstallmentRow[]> {
    return em.execute<InstallmentRow[]>(
      `select number, to_char(due_on, 'YYYY-MM-DD') as due_on, principal, interest from loan_installments where loan_id = ? order by number`,
      [loanId],
    );
  }

  async saveSchedule(tx: EntityManager, loanId: string, schedule: readonly ScheduledInstallment[]): Promise<void> {
    for (const i of schedule) {
      await tx.execute(
        'insert into loan_installments (loan_id, number, due_on, principal, interest) values (?, ?, ?, ?, ?)',
        [loanId, i.number, i.dueDate, i.principal, i.interest],
      );
    }
  }

  /** Repayments still standing (a reversed repayment no longer counts), in date order. */
  async repayments(em: EntityManager, loanId: string): Promise<{ date: string; amount: number }[]> {
    const rows = await em.execute<{ occurred_on: string; amount: string }[]>(
      `select to_char(t.occurred_on, 'YYYY-MM-DD') as occurred_on, t.amount from transactions t
        where t.loan_id = ? and t.kind = 'repayment'
          and not exists (select 1 from transactions r where r.reverses_id = t.id)
        order by t.occurred_on, t.seq`,
      [loanId],
    );
    return rows.map((r) => ({ date: r.occurred_on, amount: Number(r.amount) }));
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
    actorUserId: string,
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
