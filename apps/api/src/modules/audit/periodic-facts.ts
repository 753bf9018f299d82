import { Injectable } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { SubjectType } from '@kotizo/contracts';
import { duePeriods, duesStatus, type IsoDate, maxIsoDate, minorUnitDigits, portfolioAtRisk } from '@kotizo/domain';
import type { CooperativeFact, DueFact, Facts, LoanFact, MemberFact, RuleScope } from '@kotizo/rules-engine';
import type { TenantContext } from '../../platform/tenancy/tenant-context.js';
import { DuesRepository } from '../dues/dues.repository.js';
import { LedgerRepository } from '../ledger/ledger.repository.js';
import { toLoanResponse } from '../loans/loan-view.js';
import { LoansRepository } from '../loans/loans.repository.js';
import { type AuditConfig, AuditSettings } from './audit-settings.js';
import { daysBetween } from './movement-facts.js';

/** One thing a periodic audit looks at, with its facts and what its findings are about. */
export interface PeriodicSubject {
  scope: Exclude<RuleScope, 'movement'>;
  facts: Facts;
  subjectType: SubjectType;
  subjectId: string | null;
  period: string;
  label: string | null;
}

interface MemberRow {
  id: string;
  number: number;
  full_name: string;
  status: MemberFact['status'];
  joined_on: string;
  savings: string;
}

/**
 * The facts of the cooperative as it stands on a day: each running loan,
 * each unpaid due, and the cooperative as a whole (PAR30, cash that does not
 * reconcile). Loans and dues are computed with the same domain functions as
 * the pages that show them.
 */
@Injectable()
export class PeriodicFactsBuilder {
  constructor(
    private readonly settings: AuditSettings,
    private readonly loans: LoansRepository,
    private readonly dues: DuesRepository,
    private readonly ledger: LedgerRepository,
  ) {}

  async build(em: EntityManager, tenant: TenantContext, today: IsoDate): Promise<PeriodicSubject[]> {
    const config = await this.settings.read(em);
    const cooperative = await this.cooperativeFact(em, tenant, config);
    const members = await this.members(em);
    const loanSubjects = await this.loanSubjects(em, tenant, today, members, cooperative);
    const dueSubjects = await this.dueSubjects(em, today, members, cooperative, config);
    const month = today.slice(0, 7);
    const journalCash = await this.ledger.cashFromJournal(em);
    const lateLoans = loanSubjects.filter((s) => (s.facts.loan?.daysPastDue ?? 0) > 0).length;
    const par = portfolioAtRisk(
      loanSubjects.map((s) => ({
        outstandingPrincipal: s.outstandingPrincipal,
        daysPastDue: s.facts.loan!.daysPastDue,
      })),
    );
    const whole: PeriodicSubject = {
      scope: 'cooperative',
      subjectType: 'cooperative',
      subjectId: null,
      period: month,
      label: null,
      facts: {
        ...empty(cooperative),
        portfolio: {
          par30Bp: par.ratioBasisPoints,
          cashDiscrepancy: cooperative.cashBalance - journalCash,
          cashBalance: cooperative.cashBalance,
          lateDues: dueSubjects.filter((d) => d.facts.due!.status === 'late').length,
          overdueLoans: lateLoans,
        },
      },
    };
    return [...loanSubjects.map(({ outstandingPrincipal: _, ...s }) => s), ...dueSubjects, whole];
  }

  private async cooperativeFact(
    em: EntityManager,
    tenant: TenantContext,
    config: AuditConfig,
  ): Promise<CooperativeFact> {
    return {
      currency: tenant.currency,
      currencyDigits: minorUnitDigits(tenant.currency),
      timeZone: tenant.timeZone,
      cashBalance: await this.ledger.cash(em),
      sameExternalRef: 0,
      graceDays: config.plan?.graceDays ?? 0,
      openingTime: config.hours.opens,
      closingTime: config.hours.closes,
    };
  }

  private async members(em: EntityManager): Promise<Map<string, MemberRow>> {
    const rows = await em.execute<MemberRow[]>(
      `select m.id, m.number, m.full_name, m.status, to_char(m.joined_on, 'YYYY-MM-DD') as joined_on,
              coalesce((select sum(case when s.kind = 'contribution' then s.amount else -s.amount end)
                 from transactions s left join transactions o on o.id = s.reverses_id
                where s.member_id = m.id
                  and (s.kind = 'contribution' or (s.kind = 'reversal' and o.kind = 'contribution'))), 0) as savings
         from members m`,
    );
    return new Map(rows.map((r) => [r.id, r]));
  }

  private async loanSubjects(
    em: EntityManager,
    tenant: TenantContext,
    today: IsoDate,
    members: Map<string, MemberRow>,
    cooperative: CooperativeFact,
  ): Promise<(PeriodicSubject & { outstandingPrincipal: number })[]> {
    const loans = await this.loans.disbursed(em);
    const ids = loans.map((l) => l.id);
    const [installments, repayments, penalties, decided] = [
      await this.loans.installmentsOf(em, ids),
      await this.loans.repaymentsOf(em, ids),
      await this.loans.penaltiesOf(em, ids),
      ids.length === 0
        ? []
        : await em.execute<{ id: string; disbursed_by: string | null }[]>(
            `select l.id, (select d.recorded_by from transactions d where d.id = l.disbursement_id) as disbursed_by
               from loans l where l.id in (?)`,
            [ids],
          ),
    ];
    const disbursedBy = new Map(decided.map((d) => [d.id, d.disbursed_by]));
    return loans.map((row) => {
      const view = toLoanResponse(row, {
        guarantorIds: [],
        installments: installments.get(row.id) ?? [],
        repayments: repayments.get(row.id) ?? [],
        penalties: penalties.get(row.id) ?? [],
        today,
      });
      const member = members.get(row.member_id);
      const savings = Number(member?.savings ?? 0);
      const position = view.position!;
      const loan: LoanFact = {
        id: row.id,
        number: row.number,
        status: row.status as LoanFact['status'],
        principal: Number(row.principal),
        outstanding: position.outstandingTotal,
        daysPastDue: position.daysPastDue,
        arrears: position.arrears,
        installments: row.installments,
        installmentsPaid: view.schedule.filter((i) => i.remaining === 0).length,
        requestedBy: row.requested_by,
        decidedBy: row.decided_by,
        disbursedBy: disbursedBy.get(row.id) ?? null,
        principalToSavings: Number(row.principal) / Math.max(savings, 1),
      };
      return {
        scope: 'loan' as const,
        subjectType: 'loan' as const,
        subjectId: row.id,
        period: today.slice(0, 7),
        label: `#${row.number} ${row.member_name ?? ''}`.trim(),
        outstandingPrincipal: position.outstandingPrincipal,
        facts: { ...empty(cooperative), loan, member: member ? memberFact(member, savings, today) : null },
      };
    });
  }

  private async dueSubjects(
    em: EntityManager,
    today: IsoDate,
    members: Map<string, MemberRow>,
    cooperative: CooperativeFact,
    config: AuditConfig,
  ): Promise<PeriodicSubject[]> {
    const plan = config.plan;
    if (!plan) return [];
    const contributions = await this.dues.contributions(em);
    const subjects: PeriodicSubject[] = [];
    for (const m of await this.dues.members(em)) {
      const from = maxIsoDate(plan.startDate, m.joined_on);
      if (from > today) continue;
      const override = m.override_amount === null ? undefined : { amount: Number(m.override_amount) };
      const periods = duePeriods({ ...plan, startDate: from }, from, today, override);
      const paid = (contributions.get(m.id) ?? []).filter((c) => c.date <= today);
      const status = duesStatus(periods, paid, today, plan.graceDays);
      const row = members.get(m.id);
      for (const p of status.periods) {
        if (p.status === 'paid' || p.status === 'upcoming') continue;
        const due: DueFact = {
          memberId: m.id,
          period: p.dueDate,
          dueOn: p.dueDate,
          expected: p.amount,
          paid: p.paid,
          status: p.status,
          daysLate: Math.max(0, daysBetween(p.dueDate, today)),
        };
        subjects.push({
          scope: 'due',
          subjectType: 'member',
          subjectId: m.id,
          period: `due:${p.dueDate}`,
          label: m.full_name,
          facts: {
            ...empty(cooperative),
            due,
            member: row ? memberFact(row, Number(row.savings), today, override?.amount ?? plan.amount) : null,
          },
        });
      }
    }
    return subjects;
  }
}

function empty(cooperative: CooperativeFact): Facts {
  return { movement: null, member: null, loan: null, stats: null, cooperative, due: null, portfolio: null };
}

function memberFact(row: MemberRow, savings: number, today: IsoDate, expected = 0): MemberFact {
  return {
    id: row.id,
    number: row.number,
    status: row.status,
    joinedOn: row.joined_on,
    seniorityDays: Math.max(0, daysBetween(row.joined_on, today)),
    savings,
    loansOutstanding: 0,
    activeLoans: 0,
    guaranteesGiven: 0,
    expectedContribution: expected,
  };
}
