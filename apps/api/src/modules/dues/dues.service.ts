import { ownMemberScope } from '../../platform/authorization/own-records.js';
import { isUuid } from '../../platform/validation/uuid.js';
import { Injectable } from '@nestjs/common';
import type {
  ContributionOverrideRequest,
  ContributionPlanRequest,
  ContributionPlanResponse,
  DuesOverviewResponse,
  MemberDuesResponse,
} from '@kotizo/contracts';
import { addDays, duePeriods, duesStatus, type IsoDate, localDate, maxIsoDate } from '@kotizo/domain';
import { TenantDatabase } from '../../platform/database/tenant-database.js';
import { AppError, NotFound } from '../../platform/errors/app-error.js';
import type { TenantRequestContext } from '../../platform/tenancy/tenant-context.js';
import { DuesRepository, type MemberForDues } from './dues.repository.js';

/**
 * Dues: what each member was expected to contribute per period under the
 * cooperative's plan, and whether each period is paid, partial, due or late
 * (past the grace days, judged on the cooperative's own calendar).
 */
@Injectable()
export class DuesService {
  constructor(
    private readonly db: TenantDatabase,
    private readonly dues: DuesRepository,
  ) {}

  async plan(ctx: TenantRequestContext): Promise<ContributionPlanResponse> {
    const plan = await this.db.read(ctx.tenant, (em) => this.dues.plan(em));
    if (!plan) throw new NotFound('contribution_plan');
    return { ...plan, currency: ctx.tenant.currency };
  }

  async savePlan(ctx: TenantRequestContext, plan: ContributionPlanRequest): Promise<ContributionPlanResponse> {
    await this.db.transactional(ctx.tenant, (tx) => this.dues.savePlan(tx, plan));
    return { ...plan, currency: ctx.tenant.currency };
  }

  async setOverride(
    ctx: TenantRequestContext,
    memberId: string,
    request: ContributionOverrideRequest,
  ): Promise<MemberDuesResponse> {
    await this.db.transactional(ctx.tenant, async (tx) => {
      if (!isUuid(memberId) || (await this.dues.members(tx, memberId)).length === 0) throw new NotFound('member');
      await this.dues.setOverride(tx, memberId, request.amount);
    });
    return this.forMember(ctx, memberId);
  }

  async forMember(ctx: TenantRequestContext, memberId: string): Promise<MemberDuesResponse> {
    const own = ownMemberScope(ctx, 'Member');
    if (own !== undefined && own !== memberId) throw new NotFound('member');
    if (!isUuid(memberId)) throw new NotFound('member');
    return this.db.read(ctx.tenant, async (em) => {
      const [member] = await this.dues.members(em, memberId);
      if (!member) throw new NotFound('member');
      const plan = await this.requirePlan(em);
      const contributions = (await this.dues.contributions(em, memberId)).get(memberId) ?? [];
      return this.statement(ctx, plan, member, contributions);
    });
  }

  async overview(ctx: TenantRequestContext): Promise<DuesOverviewResponse> {
    return this.db.read(ctx.tenant, async (em) => {
      const plan = await this.requirePlan(em);
      const contributions = await this.dues.contributions(em);
      const members = await this.dues.members(em);
      const today = this.today(ctx);
      return {
        currency: ctx.tenant.currency,
        asOf: today,
        members: members.map((m) => {
          const s = this.statement(ctx, plan, m, contributions.get(m.id) ?? []);
          return {
            memberId: m.id,
            number: m.number,
            fullName: m.full_name,
            amountDue: s.amountDue,
            amountLate: s.amountLate,
            latePeriods: s.periods.filter((p) => p.status === 'late').length,
          };
        }),
      };
    });
  }

  private statement(
    ctx: TenantRequestContext,
    plan: ContributionPlanRequest,
    member: MemberForDues,
    contributions: { date: string; amount: number }[],
  ): MemberDuesResponse {
    const today = this.today(ctx);
    const from = maxIsoDate(plan.startDate, member.joined_on);
    // Show the period coming next as well, so a member sees what is due soon.
    const to = addDays(today, 31);
    const override = member.override_amount === null ? undefined : { amount: Number(member.override_amount) };
    const periods = from > to ? [] : duePeriods({ ...plan, startDate: from }, from, to, override);
    const status = duesStatus(
      periods,
      contributions.filter((c) => c.date <= today),
      today,
      plan.graceDays,
    );
    return {
      memberId: member.id,
      currency: ctx.tenant.currency,
      asOf: today,
      overrideAmount: override?.amount ?? null,
      periods: status.periods.map((p) => ({ ...p })),
      amountDue: status.amountDue,
      amountLate: status.amountLate,
      unallocated: status.unallocated,
    };
  }

  private today(ctx: TenantRequestContext): IsoDate {
    return localDate(new Date(), ctx.tenant.timeZone);
  }

  private async requirePlan(em: Parameters<DuesRepository['plan']>[0]): Promise<ContributionPlanRequest> {
    const plan = await this.dues.plan(em);
    if (!plan) throw new AppError(409, 'no_contribution_plan');
    return plan;
  }
}
