import { Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  addDays,
  type InstallmentPosition,
  type IsoDate,
  type LatePenaltyPolicy,
  loanPosition,
  type PolicyPenalty,
  policyPenaltiesDue,
} from '@kotizo/domain';
import { TenantDatabase } from '../../platform/database/tenant-database.js';
import type { TenantContext } from '../../platform/tenancy/tenant-context.js';
import { savedSchedule } from './loan-view.js';
import { LoansRepository } from './loans.repository.js';
import { PenaltyPolicySettings } from './penalty-policy-settings.js';

export interface PenaltyRun {
  /** Loans that got at least one penalty. */
  loans: number;
  /** Penalties charged (one per installment and period). */
  charged: number;
  /** Their sum, in minor units. */
  amount: number;
}

/**
 * One cooperative's automatic late-installment penalties for one local date:
 * each running loan in its own short transaction, its row locked (so a
 * repayment or another run of the same job waits rather than races), what
 * the policy says is due worked out from the loan as it stands that day, and
 * each period charged through the same path as a penalty charged by hand.
 * Each period is one row at most, so running again the same day, or after a
 * crash halfway, charges nothing twice.
 */
@Injectable()
export class PenaltyRunner {
  private readonly logger = new Logger(PenaltyRunner.name);

  constructor(
    private readonly db: TenantDatabase,
    private readonly loans: LoansRepository,
    private readonly settings: PenaltyPolicySettings,
  ) {}

  async run(tenant: TenantContext, today: IsoDate): Promise<PenaltyRun> {
    const run: PenaltyRun = { loans: 0, charged: 0, amount: 0 };
    const { policy, loanIds } = await this.db.read(tenant, async (em) => ({
      policy: await this.settings.read(em),
      loanIds: (await this.loans.disbursed(em)).map((l) => l.id),
    }));
    if (!policy.enabled) return run;
    for (const loanId of loanIds) {
      const charged = await this.db.transactional(tenant, (tx) => this.chargeLoan(tx, tenant, loanId, today));
      if (charged.length === 0) continue;
      run.loans += 1;
      run.charged += charged.length;
      run.amount += charged.reduce((sum, p) => sum + p.amount, 0);
    }
    this.logger.log({ tenant: tenant.slug, date: today, ...run }, 'late-installment penalties charged');
    return run;
  }

  private async chargeLoan(
    tx: EntityManager,
    tenant: TenantContext,
    loanId: string,
    today: IsoDate,
  ): Promise<PolicyPenalty[]> {
    const loan = await this.loans.find(tx, loanId, true);
    if (!loan || loan.status !== 'disbursed') return [];
    // Read again under the lock: the policy may have been turned off since the run began.
    const policy = await this.settings.read(tx);
    if (!policy.enabled) return [];
    const ids = [loanId];
    const position = loanPosition(
      savedSchedule((await this.loans.installmentsOf(tx, ids)).get(loanId) ?? []),
      (await this.loans.repaymentsOf(tx, ids)).get(loanId) ?? [],
      today,
      (await this.loans.penaltiesOf(tx, ids)).get(loanId) ?? [],
    );
    const byPolicy = (await this.loans.policyChargesOf(tx, ids)).get(loanId);
    const due = position.installments
      .filter((i) => i.status === 'late')
      .flatMap((i) => dueOn(policy, i, byPolicy?.get(i.number), today));
    const charged: PolicyPenalty[] = [];
    for (const penalty of due) {
      const added = await this.loans.chargePenalty(tx, {
        loanId,
        installmentNumber: penalty.installmentNumber,
        amount: penalty.amount,
        assessedOn: today,
        reason: reasonFor(penalty, tenant.locale),
        assessedBy: null,
        policyPeriod: { startsOn: penalty.startsOn, endsBefore: penalty.endsBefore },
      });
      if (added) charged.push(penalty);
    }
    return charged;
  }
}

function dueOn(
  policy: LatePenaltyPolicy,
  installment: InstallmentPosition,
  byPolicy: { charged: number; until: string } | undefined,
  today: IsoDate,
): PolicyPenalty[] {
  return policyPenaltiesDue(
    policy,
    {
      number: installment.number,
      dueDate: installment.dueDate,
      scheduled: installment.principal + installment.interest,
      overdue: installment.principal - installment.paidPrincipal + installment.interest - installment.paidInterest,
      chargedByPolicy: byPolicy?.charged ?? 0,
      chargedUntil: byPolicy?.until ?? null,
    },
    today,
  );
}

/** Kept with the charge, in the cooperative's language: the period it covers, last day included. */
function reasonFor(penalty: PolicyPenalty, locale: string): string {
  const last = addDays(penalty.endsBefore, -1);
  return locale.startsWith('fr')
    ? `Pénalité de retard automatique, période ${penalty.period} (du ${penalty.startsOn} au ${last})`
    : `Automatic late penalty, period ${penalty.period} (${penalty.startsOn} to ${last})`;
}
