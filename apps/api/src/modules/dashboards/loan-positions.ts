import { Injectable } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { DashboardPortfolio } from '@kotizo/contracts';
import { addDays, type IsoDate, loanPosition, portfolioAtRisk } from '@kotizo/domain';
import { TenantDatabase } from '../../platform/database/tenant-database.js';
import type { TenantContext } from '../../platform/tenancy/tenant-context.js';
import { savedSchedule } from '../loans/loan-view.js';
import { LoansRepository } from '../loans/loans.repository.js';

const BATCH = 500;
/** Every payment and penalty is dated on or before today, so a position "as of the end of time" is today's. */
const END_OF_TIME = '9999-12-31';

export interface StoredPosition {
  outstandingPrincipal: number;
  /** Due date of the oldest installment whose principal or interest is not fully paid; null when none. */
  oldestUnpaidDueOn: IsoDate | null;
}

/**
 * Keeps `loan_positions`: what each loan still owes in principal and since
 * when it is late. The triggers mark a loan stale when money moves on it or a
 * penalty is charged; this recomputes stale loans with the same domain
 * function as the loan page (`loanPosition`), so PAR30 on the dashboard is the
 * portfolio page's, read from one small table instead of every schedule.
 */
@Injectable()
export class LoanPositions {
  constructor(
    private readonly db: TenantDatabase,
    private readonly loans: LoansRepository,
  ) {}

  /** Recomputes the stale positions; a position being written by a concurrent movement is left for later. */
  refreshStale(tenant: TenantContext): Promise<number> {
    return this.db.transactional(tenant, (tx) => this.refreshIn(tx));
  }

  /** Same, inside the caller's transaction. */
  async refreshIn(tx: EntityManager): Promise<number> {
    let refreshed = 0;
    for (;;) {
      const rows = await tx.execute<{ loan_id: string }[]>(
        `select loan_id from loan_positions where stale order by loan_id limit ? for update skip locked`,
        [BATCH],
      );
      if (rows.length === 0) return refreshed;
      const ids = rows.map((r) => r.loan_id);
      const positions = await this.compute(tx, ids);
      const values = ids.map((id) => {
        const p = positions.get(id)!;
        return [id, p.outstandingPrincipal, p.oldestUnpaidDueOn];
      });
      await tx.execute(
        `update loan_positions p
            set outstanding_principal = v.outstanding, oldest_unpaid_due_on = v.oldest, stale = false,
                refreshed_at = now()
           from (values ${values.map(() => '(?::uuid, ?::bigint, ?::date)').join(', ')}) as v (id, outstanding, oldest)
          where p.loan_id = v.id`,
        values.flat(),
      );
      refreshed += ids.length;
      if (rows.length < BATCH) return refreshed;
    }
  }

  /** Positions of the loans given, computed from their schedules, repayments and penalties (three queries). */
  async compute(em: EntityManager, ids: string[]): Promise<Map<string, StoredPosition>> {
    const [installments, repayments, penalties] = [
      await this.loans.installmentsOf(em, ids),
      await this.loans.repaymentsOf(em, ids),
      await this.loans.penaltiesOf(em, ids),
    ];
    const result = new Map<string, StoredPosition>();
    for (const id of ids) {
      const position = loanPosition(
        savedSchedule(installments.get(id) ?? []),
        repayments.get(id) ?? [],
        END_OF_TIME,
        penalties.get(id) ?? [],
      );
      const unpaid = position.installments.filter(
        (i) => i.principal - i.paidPrincipal + i.interest - i.paidInterest > 0,
      );
      result.set(id, {
        outstandingPrincipal: position.outstandingPrincipal,
        oldestUnpaidDueOn: unpaid.reduce<IsoDate | null>((min, i) => (min && min < i.dueDate ? min : i.dueDate), null),
      });
    }
    return result;
  }

  /** The running loans as of `today`, from the stored positions (refresh the stale ones first). */
  async portfolio(em: EntityManager, today: IsoDate): Promise<DashboardPortfolio> {
    const [row] = await em.execute<
      { active: string; late: string; outstanding: string | null; at_risk: string | null }[]
    >(
      `select count(*) as active,
              count(*) filter (where p.oldest_unpaid_due_on < ?::date) as late,
              sum(p.outstanding_principal) as outstanding,
              sum(p.outstanding_principal) filter (where p.oldest_unpaid_due_on < ?::date) as at_risk
         from loans l join loan_positions p on p.loan_id = l.id
        where l.status = 'disbursed'`,
      // More than 30 days past due: the oldest unpaid installment fell due before today - 30.
      [today, addDays(today, -30)],
    );
    return portfolioFigures(
      Number(row?.outstanding ?? 0),
      Number(row?.at_risk ?? 0),
      Number(row?.active ?? 0),
      Number(row?.late ?? 0),
    );
  }
}

/** The portfolio from its sums; the ratio goes through the domain's own function, so it rounds as the portfolio page. */
export function portfolioFigures(
  outstanding: number,
  atRisk: number,
  active: number,
  late: number,
): DashboardPortfolio {
  const par = portfolioAtRisk([
    { outstandingPrincipal: atRisk, daysPastDue: 31 },
    { outstandingPrincipal: outstanding - atRisk, daysPastDue: 0 },
  ]);
  return {
    outstanding,
    atRisk30: atRisk,
    par30BasisPoints: par.ratioBasisPoints,
    activeLoans: active,
    lateLoans: late,
  };
}
