import { Injectable } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/postgresql';
import { localDate, minorUnitDigits, loanPosition, type PenaltyCharge } from '@kotizo/domain';
import type {
  Channel,
  CooperativeFact,
  Facts,
  LoanFact,
  LoanStatus,
  MemberFact,
  MemberStatsFact,
  MemberStatus,
  MovementFact,
  MovementKind,
  WindowStats,
} from '@kotizo/rules-engine';
import { isoTimestamp } from '../../platform/database/timestamps.js';
import type { TenantContext } from '../../platform/tenancy/tenant-context.js';
import { savedSchedule } from '../loans/loan-view.js';
import type { InstallmentRow } from '../loans/loans.repository.js';
import { AuditSettings } from './audit-settings.js';

/** A movement together with the facts the rules read about it. */
export interface MovementFacts {
  facts: Facts;
  /** The subject its findings are about: the member, else the cooperative. */
  subject: { type: 'member' | 'cooperative'; id: string | null };
  seq: number;
}

interface Row {
  id: string;
  seq: string;
  kind: MovementKind;
  direction: number;
  amount: string;
  channel: Channel;
  external_ref: string | null;
  category: string | null;
  occurred_on: string;
  recorded_at: string;
  recorded_by: string;
  member_id: string | null;
  loan_id: string | null;
  reverses_id: string | null;
  reversed: boolean;
  cash_after: string;
  same_ref: string;
  member_number: number | null;
  member_status: MemberStatus | null;
  joined_on: string | null;
  savings: string | null;
  loans_outstanding: string | null;
  active_loans: string | null;
  guarantees: string | null;
  expected: string | null;
  last_at: string | null;
  st: Record<string, string | number | null> | null;
}

interface LoanRow {
  id: string;
  number: number;
  status: LoanStatus;
  principal: string;
  installments: number;
  requested_by: string;
  decided_by: string | null;
  disbursed_by: string | null;
  schedule: InstallmentRow[] | null;
  payments: { id: string; seq: string; date: string; amount: string }[] | null;
  penalties: { installment_number: number; assessed_on: string; amount: string }[] | null;
}

/**
 * Loads the facts of movements for the rules: one call of the schema's
 * `audit_movement_facts` function for the movements, their members and the
 * members' rolling statistics (each part an indexed lookup; see the audit
 * migration), plus one statement for the loans they concern. Member status is
 * taken as it was when the movement was recorded; savings and statistics count
 * only the movements before it; the cash balance is the one just after it.
 */
@Injectable()
export class MovementFactsLoader {
  constructor(private readonly settings: AuditSettings) {}

  async load(em: EntityManager, tenant: TenantContext, ids: readonly string[]): Promise<Map<string, MovementFacts>> {
    const result = new Map<string, MovementFacts>();
    if (ids.length === 0) return result;
    const config = await this.settings.read(em);
    const rows = (
      await em.execute<{ facts: Row }[]>('select audit_movement_facts(?::uuid[], ?) as facts', [
        `{${ids.join(',')}}`,
        config.structuringThreshold,
      ])
    ).map((r) => r.facts);
    const loans = await this.loans(em, rows);
    const clock = { timeZone: tenant.timeZone };
    for (const row of rows) {
      const amount = Number(row.amount);
      const recordedAt = isoTimestamp(row.recorded_at);
      const movement: MovementFact = {
        id: row.id,
        kind: row.kind,
        direction: Number(row.direction) === 1 ? 1 : -1,
        amount,
        channel: row.channel,
        externalRef: row.external_ref,
        category: row.category,
        occurredOn: row.occurred_on,
        recordedAt,
        recordedHour: localHour(recordedAt, clock.timeZone),
        recordedBy: row.recorded_by,
        memberId: row.member_id,
        loanId: row.loan_id,
        reversesId: row.reverses_id,
        reversed: row.reversed,
      };
      const savings = Number(row.savings ?? 0);
      const member: MemberFact | null =
        row.member_id === null
          ? null
          : {
              id: row.member_id,
              number: row.member_number!,
              status: row.member_status!,
              joinedOn: row.joined_on!,
              seniorityDays: daysBetween(row.joined_on!, row.occurred_on),
              savings,
              loansOutstanding: Number(row.loans_outstanding ?? 0),
              activeLoans: Number(row.active_loans ?? 0),
              guaranteesGiven: Number(row.guarantees ?? 0),
              expectedContribution: row.expected !== null ? Number(row.expected) : (config.plan?.amount ?? 0),
            };
      const loanRow = row.loan_id ? loans.get(row.loan_id) : undefined;
      const loan = loanRow ? loanFact(loanRow, { seq: Number(row.seq), asOf: row.occurred_on, savings }) : null;
      const cooperative: CooperativeFact = {
        currency: tenant.currency,
        currencyDigits: minorUnitDigits(tenant.currency),
        timeZone: tenant.timeZone,
        cashBalance: Number(row.cash_after),
        sameExternalRef: Number(row.same_ref),
        graceDays: config.plan?.graceDays ?? 0,
        openingTime: config.hours.opens,
        closingTime: config.hours.closes,
      };
      const stats = row.member_id ? statsFact(row, amount, config.structuringThreshold) : null;
      result.set(row.id, {
        seq: Number(row.seq),
        subject: row.member_id ? { type: 'member', id: row.member_id } : { type: 'cooperative', id: null },
        facts: { movement, member, loan, stats, cooperative, due: null, portfolio: null },
      });
    }
    return result;
  }

  private async loans(em: EntityManager, rows: Row[]): Promise<Map<string, LoanRow>> {
    const ids = [...new Set(rows.map((r) => r.loan_id).filter((id): id is string => id !== null))];
    if (ids.length === 0) return new Map();
    const loans = await em.execute<LoanRow[]>(
      `select l.id, l.number, l.status, l.principal, l.installments, l.requested_by, l.decided_by,
              (select d.recorded_by from transactions d where d.id = l.disbursement_id) as disbursed_by,
              (select json_agg(json_build_object('number', i.number, 'due_on', to_char(i.due_on, 'YYYY-MM-DD'),
                        'principal', i.principal, 'interest', i.interest) order by i.number)
                 from loan_installments i where i.loan_id = l.id) as schedule,
              (select json_agg(json_build_object('id', t.id, 'seq', t.seq,
                        'date', to_char(t.occurred_on, 'YYYY-MM-DD'), 'amount', t.amount))
                 from transactions t where t.loan_id = l.id and t.kind = 'repayment'
                  and not exists (select 1 from transactions r where r.reverses_id = t.id)) as payments,
              (select json_agg(json_build_object('installment_number', p.installment_number,
                        'assessed_on', to_char(p.assessed_on, 'YYYY-MM-DD'), 'amount', p.amount))
                 from loan_penalties p where p.loan_id = l.id) as penalties
         from loans l where l.id in (?)`,
      [ids],
    );
    return new Map(loans.map((l) => [l.id, l]));
  }
}

/** A loan as the rules see it just before the movement (a repayment is checked against what was owed). */
export function loanFact(row: LoanRow, at: { seq: number; asOf: string; savings: number }): LoanFact {
  const principal = Number(row.principal);
  let outstanding = principal;
  let daysPastDue = 0;
  let arrears = 0;
  let installmentsPaid = 0;
  const schedule = savedSchedule(
    (row.schedule ?? []).map((i) => ({ ...i, principal: String(i.principal), interest: String(i.interest) })),
  );
  if (schedule.length > 0) {
    const payments = (row.payments ?? [])
      .filter((p) => Number(p.seq) < at.seq && p.date <= at.asOf)
      .map((p) => ({ date: p.date, amount: Number(p.amount) }));
    const penalties: PenaltyCharge[] = (row.penalties ?? []).map((p) => ({
      installmentNumber: p.installment_number,
      assessedOn: p.assessed_on,
      amount: Number(p.amount),
    }));
    const position = loanPosition(schedule, payments, at.asOf, penalties);
    outstanding = position.installments.reduce((sum, i) => sum + i.remaining, 0);
    daysPastDue = position.daysPastDue;
    arrears = position.arrears;
    installmentsPaid = position.installments.filter((i) => i.remaining === 0).length;
  }
  return {
    id: row.id,
    number: row.number,
    status: row.status,
    principal,
    outstanding,
    daysPastDue,
    arrears,
    installments: row.installments,
    installmentsPaid,
    requestedBy: row.requested_by,
    decidedBy: row.decided_by,
    disbursedBy: row.disbursed_by,
    principalToSavings: principal / Math.max(at.savings, 1),
  };
}

function statsFact(row: Row, amount: number, threshold: number): MemberStatsFact {
  const st = row.st ?? {};
  const window = (prefix: string): WindowStats => ({
    count: Number(st[`${prefix}_count`] ?? 0),
    sum: Number(st[`${prefix}_sum`] ?? 0),
    mean: Number(st[`${prefix}_mean`] ?? 0),
    stddev: Number(st[`${prefix}_sd`] ?? 0),
    amount,
  });
  const lastAt = row.last_at ? isoTimestamp(row.last_at) : null;
  return {
    h24: {
      ...window('h24'),
      sameAmount: Number(st['same_amount'] ?? 0),
      sameAmountAndChannel: Number(st['same_amount_channel'] ?? 0),
      // The earlier ones of the last day, and this one.
      justBelowThreshold:
        Number(st['just_below'] ?? 0) + (amount >= Math.ceil(threshold * 0.9) && amount < threshold ? 1 : 0),
    },
    d30: window('d30'),
    d90: window('d90'),
    lastMovementAt: lastAt,
    daysSinceLastMovement: lastAt ? daysBetween(lastAt.slice(0, 10), row.occurred_on) : null,
  };
}

const hourFormats = new Map<string, Intl.DateTimeFormat>();

export function localHour(instant: string, timeZone: string): number {
  let format = hourFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', hourCycle: 'h23' });
    hourFormats.set(timeZone, format);
  }
  return Number(format.format(new Date(instant)));
}

export function daysBetween(from: string, to: string): number {
  return Math.round(
    (Date.parse(`${to.slice(0, 10)}T00:00:00Z`) - Date.parse(`${from.slice(0, 10)}T00:00:00Z`)) / 86_400_000,
  );
}

export function todayIn(timeZone: string): string {
  return localDate(new Date(), timeZone);
}
