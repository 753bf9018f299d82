import { ownMemberScope } from '../../platform/authorization/own-records.js';
import { isUuid } from '../../platform/validation/uuid.js';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/postgresql';
import type {
  AssessPenaltyRequest,
  DisburseLoanRequest,
  ListLoansQuery,
  LoanDecisionRequest,
  LoanResponse,
  Page,
  PortfolioResponse,
  RepaymentResponse,
  RepayLoanRequest,
  RequestLoanCommand,
  WriteOffLoanRequest,
} from '@kotizo/contracts';
import {
  allocateRepayment,
  type InstallmentBalance,
  type IsoDate,
  loanPosition,
  localDate,
  portfolioAtRisk,
} from '@kotizo/domain';
import { TenantDatabase } from '../../platform/database/tenant-database.js';
import {
  AppError,
  Conflict,
  Forbidden,
  NotFound,
  ValidationFailed,
  fieldError,
} from '../../platform/errors/app-error.js';
import {
  IdempotentWrites,
  requestFingerprint,
  type WriteResult,
} from '../../platform/idempotency/idempotent-writes.js';
import { writeOutbox } from '../../platform/outbox/outbox.js';
import type { TenantRequestContext } from '../../platform/tenancy/tenant-context.js';
import { LedgerRepository } from '../ledger/ledger.repository.js';
import { MembersRepository } from '../members/members.repository.js';
import { MovementAuditor } from '../audit/movement-auditor.js';
import { savedSchedule, scheduleFor, toLoanResponse } from './loan-view.js';
import { type LoanRow, LoansRepository } from './loans.repository.js';

/**
 * A loan's life: requested by one person, approved or rejected by another
 * (maker-checker), disbursed through the ledger, repaid installment by
 * installment (penalty, then interest, then principal), closed when nothing
 * is owed, or written off by an admin with a reason.
 */
@Injectable()
export class LoansService {
  constructor(
    private readonly db: TenantDatabase,
    private readonly loans: LoansRepository,
    private readonly members: MembersRepository,
    private readonly ledger: LedgerRepository,
    private readonly writes: IdempotentWrites,
    private readonly auditor: MovementAuditor,
  ) {}

  request(
    ctx: TenantRequestContext,
    command: RequestLoanCommand,
    key: string | null,
  ): Promise<WriteResult<LoanResponse>> {
    return this.writes.run(ctx.tenant, key, requestFingerprint('loan.request', command), async (tx) => {
      await this.requireActiveMember(tx, command.memberId, 'memberId');
      for (const [i, id] of command.guarantorIds.entries()) await this.requireActiveMember(tx, id, `guarantorIds.${i}`);
      const row = await this.loans.insert(tx, {
        ...command,
        currency: ctx.tenant.currency,
        requestedBy: ctx.principal.userId,
      });
      await this.loans.addEvent(tx, row.id, ctx.principal.userId, 'requested');
      // Those who may approve it (admins, treasurers, never the requester) are told once it commits.
      await writeOutbox(tx, { type: 'loan.requested', loanId: row.id, requestedBy: ctx.principal.userId });
      return this.view(tx, ctx, row);
    });
  }

  async decide(ctx: TenantRequestContext, id: string, request: LoanDecisionRequest): Promise<LoanResponse> {
    return this.db.transactional(ctx.tenant, async (tx) => {
      const loan = await this.require(tx, id, true);
      if (loan.status !== 'requested') throw new Conflict('loan_not_requested', { params: { status: loan.status } });
      const makerChecker = (await this.loans.setting(tx, 'loans.makerChecker')) !== false;
      if (makerChecker && loan.requested_by === ctx.principal.userId) {
        throw new Forbidden('self_approval');
      }
      const status = request.decision === 'approve' ? 'approved' : 'rejected';
      await this.loans.setStatus(tx, id, {
        status,
        decided_by: ctx.principal.userId,
        decided_at: new Date().toISOString(),
        decision_note: request.note ?? null,
      });
      await this.loans.addEvent(tx, id, ctx.principal.userId, status, request.note ?? null);
      return this.view(tx, ctx, (await this.loans.find(tx, id))!);
    });
  }

  async disburse(
    ctx: TenantRequestContext,
    id: string,
    request: DisburseLoanRequest,
    key: string | null,
  ): Promise<WriteResult<LoanResponse>> {
    this.requireUuid(id);
    let entryId: string | null = null;
    const result = await this.writes.run(
      ctx.tenant,
      key,
      requestFingerprint(`loan.disburse:${id}`, request),
      async (tx) => {
        const loan = await this.require(tx, id, true);
        if (loan.status !== 'approved') throw new Conflict('loan_not_approved', { params: { status: loan.status } });
        const on = this.pastOrToday(ctx, request.occurredOn);
        const entry = await this.ledger.append(tx, {
          kind: 'loan_disbursement',
          direction: -1,
          amount: Number(loan.principal),
          currency: loan.currency.trim(),
          memberId: loan.member_id,
          loanId: loan.id,
          category: null,
          channel: request.channel,
          externalRef: request.externalRef ?? null,
          memo: null,
          occurredOn: on,
          recordedBy: ctx.principal.userId,
          reversesId: null,
          reason: null,
        });
        entryId = entry.id;
        await this.loans.saveSchedule(tx, id, scheduleFor(loan, on));
        await this.loans.setStatus(tx, id, { status: 'disbursed', disbursed_on: on, disbursement_id: entry.id });
        await this.loans.addEvent(tx, id, ctx.principal.userId, 'disbursed');
        return this.view(tx, ctx, (await this.loans.find(tx, id))!);
      },
    );
    // The rules check the payout once it is committed (not again on a replay).
    if (entryId) await this.auditor.afterWrite(ctx.tenant, [entryId]);
    return result;
  }

  async repay(
    ctx: TenantRequestContext,
    id: string,
    request: RepayLoanRequest,
    key: string | null,
  ): Promise<WriteResult<RepaymentResponse>> {
    this.requireUuid(id);
    const result = await this.writes.run(
      ctx.tenant,
      key,
      requestFingerprint(`loan.repay:${id}`, request),
      async (tx) => {
        const loan = await this.require(tx, id, true);
        if (loan.status !== 'disbursed') throw new Conflict('loan_not_running', { params: { status: loan.status } });
        const on = this.pastOrToday(ctx, request.occurredOn);
        // What is owed today, per installment and component, read once for the check and the allocation.
        const balances = await this.balances(tx, loan, localDate(new Date(), ctx.tenant.timeZone));
        const owed = balances.reduce((sum, b) => sum + b.penalty + b.interest + b.principal, 0);
        if (request.amount > owed) {
          // The amount is said in the loan's currency, from its minor units (catalog `{owed, money}`).
          const params = { owed, currency: loan.currency.trim() };
          throw new AppError(422, 'repayment_exceeds_outstanding', {
            params,
            errors: [fieldError('amount', 'more_than_owed', params)],
          });
        }
        const allocation = allocateRepayment(balances, request.amount, on);
        const entry = await this.ledger.append(tx, {
          kind: 'repayment',
          direction: 1,
          amount: request.amount,
          currency: loan.currency.trim(),
          memberId: loan.member_id,
          loanId: loan.id,
          category: null,
          channel: request.channel,
          externalRef: request.externalRef ?? null,
          memo: null,
          occurredOn: on,
          recordedBy: ctx.principal.userId,
          reversesId: null,
          reason: null,
        });
        if (request.amount === owed) {
          await this.loans.setStatus(tx, id, { status: 'closed' });
          await this.loans.addEvent(tx, id, ctx.principal.userId, 'closed');
        }
        return {
          transactionId: entry.id,
          allocation: allocation.allocations.map((a) => ({
            number: a.number,
            penalty: a.penalty,
            interest: a.interest,
            principal: a.principal,
          })),
          loan: await this.view(tx, ctx, (await this.loans.find(tx, id))!),
        };
      },
    );
    if (!result.replayed) await this.auditor.afterWrite(ctx.tenant, [result.body.transactionId]);
    return result;
  }

  async writeOff(ctx: TenantRequestContext, id: string, request: WriteOffLoanRequest): Promise<LoanResponse> {
    return this.db.transactional(ctx.tenant, async (tx) => {
      const loan = await this.require(tx, id, true);
      if (loan.status !== 'disbursed') {
        throw new Conflict('loan_not_running', {
          detail: 'loan_not_running_write_off',
          params: { status: loan.status },
        });
      }
      await this.loans.setStatus(tx, id, {
        status: 'written_off',
        written_off_by: ctx.principal.userId,
        written_off_at: new Date().toISOString(),
        write_off_reason: request.reason,
      });
      await this.loans.addEvent(tx, id, ctx.principal.userId, 'written_off', request.reason);
      return this.view(tx, ctx, (await this.loans.find(tx, id))!);
    });
  }

  async get(ctx: TenantRequestContext, id: string): Promise<LoanResponse> {
    return this.db.read(ctx.tenant, async (em) => {
      const loan = await this.require(em, id);
      const own = this.ownMember(ctx);
      if (own !== undefined && loan.member_id !== own) throw new NotFound('loan');
      return this.view(em, ctx, loan);
    });
  }

  async list(ctx: TenantRequestContext, query: ListLoansQuery): Promise<Page<LoanResponse>> {
    const own = this.ownMember(ctx);
    if (own === null) return { items: [], total: 0, limit: query.limit, offset: query.offset };
    return this.db.read(ctx.tenant, async (em) => {
      const { items, total } = await this.loans.list(em, query, own);
      return { items: await this.views(em, ctx, items), total, limit: query.limit, offset: query.offset };
    });
  }

  async portfolio(ctx: TenantRequestContext): Promise<PortfolioResponse> {
    return this.db.read(ctx.tenant, async (em) => {
      const positions = (await this.views(em, ctx, await this.loans.disbursed(em))).map((loan) => loan.position!);
      const par = portfolioAtRisk(
        positions.map((p) => ({ outstandingPrincipal: p.outstandingPrincipal, daysPastDue: p.daysPastDue })),
      );
      return {
        currency: ctx.tenant.currency,
        outstanding: par.outstanding,
        atRisk30: par.atRisk,
        par30BasisPoints: par.ratioBasisPoints,
        activeLoans: positions.length,
        lateLoans: positions.filter((p) => p.daysPastDue > 0).length,
      };
    });
  }

  /** What is still owed on each installment, penalty, interest and principal apart. */
  private async balances(em: EntityManager, loan: LoanRow, asOf: IsoDate): Promise<InstallmentBalance[]> {
    const ids = [loan.id];
    const position = loanPosition(
      savedSchedule((await this.loans.installmentsOf(em, ids)).get(loan.id) ?? []),
      (await this.loans.repaymentsOf(em, ids)).get(loan.id) ?? [],
      asOf,
      (await this.loans.penaltiesOf(em, ids)).get(loan.id) ?? [],
    );
    return position.installments
      .filter((i) => i.remaining > 0)
      .map((i) => ({
        number: i.number,
        dueDate: i.dueDate,
        penalty: i.penalty - i.paidPenalty,
        interest: i.interest - i.paidInterest,
        principal: i.principal - i.paidPrincipal,
      }));
  }

  /** Charges a penalty on an installment that is late (its due date has passed and it is not paid). */
  async assessPenalty(ctx: TenantRequestContext, id: string, request: AssessPenaltyRequest): Promise<LoanResponse> {
    return this.db.transactional(ctx.tenant, async (tx) => {
      const loan = await this.require(tx, id, true);
      if (loan.status !== 'disbursed') {
        throw new Conflict('loan_not_running', { detail: 'loan_not_running_penalty', params: { status: loan.status } });
      }
      const today = localDate(new Date(), ctx.tenant.timeZone);
      const installment = (await this.view(tx, ctx, loan)).schedule.find((i) => i.number === request.installmentNumber);
      if (!installment) throw new ValidationFailed([fieldError('installmentNumber', 'not_an_installment')]);
      if (installment.status !== 'late' && !(installment.dueDate < today && installment.remaining > 0)) {
        throw new ValidationFailed([fieldError('installmentNumber', 'installment_not_late')]);
      }
      await this.loans.chargePenalty(tx, {
        loanId: id,
        ...request,
        assessedOn: today,
        assessedBy: ctx.principal.userId,
      });
      return this.view(tx, ctx, (await this.loans.find(tx, id))!);
    });
  }

  private async view(em: EntityManager, ctx: TenantRequestContext, loan: LoanRow): Promise<LoanResponse> {
    return (await this.views(em, ctx, [loan]))[0]!;
  }

  /** Loans as the console shows them; schedules and repayments of all of them in three queries. */
  private async views(em: EntityManager, ctx: TenantRequestContext, loans: LoanRow[]): Promise<LoanResponse[]> {
    const ids = loans.map((l) => l.id);
    const [guarantors, installments, repayments, penalties] = [
      await this.loans.guarantorsOf(em, ids),
      await this.loans.installmentsOf(em, ids),
      await this.loans.repaymentsOf(em, ids),
      await this.loans.penaltiesOf(em, ids),
    ];
    const today = localDate(new Date(), ctx.tenant.timeZone);
    return loans.map((loan) =>
      toLoanResponse(loan, {
        guarantorIds: guarantors.get(loan.id) ?? [],
        installments: installments.get(loan.id) ?? [],
        repayments: repayments.get(loan.id) ?? [],
        penalties: penalties.get(loan.id) ?? [],
        today,
      }),
    );
  }

  private pastOrToday(ctx: TenantRequestContext, date: IsoDate | undefined): IsoDate {
    const today = localDate(new Date(), ctx.tenant.timeZone);
    if (date && date > today) throw new ValidationFailed([fieldError('occurredOn', 'in_future')]);
    return date ?? today;
  }

  private ownMember(ctx: TenantRequestContext): string | null | undefined {
    return ownMemberScope(ctx, 'Loan');
  }

  private requireUuid(id: string): void {
    if (!isUuid(id)) throw new NotFound('loan');
  }

  private async require(em: EntityManager, id: string, lock = false): Promise<LoanRow> {
    this.requireUuid(id);
    const loan = await this.loans.find(em, id, lock);
    if (!loan) throw new NotFound('loan');
    return loan;
  }

  private async requireActiveMember(tx: EntityManager, memberId: string, field: string): Promise<void> {
    const member = await this.members.find(tx, memberId);
    if (!member) throw new ValidationFailed([fieldError(field, 'not_a_member')]);
    if (member.status !== 'active') {
      throw new ValidationFailed([fieldError(field, member.status === 'exited' ? 'member_left' : 'member_suspended')]);
    }
  }
}
