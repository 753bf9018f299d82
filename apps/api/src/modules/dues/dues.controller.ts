import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  contributionOverrideRequest,
  contributionPlanRequest,
  type ContributionOverrideRequest,
  type ContributionPlanRequest,
  type ContributionPlanResponse,
  type DuesOverviewResponse,
  type MemberDuesResponse,
} from '@kotizo/contracts';
import { Can } from '../../platform/authorization/permission.decorators.js';
import { Tenant } from '../../platform/tenancy/context.decorators.js';
import type { TenantRequestContext } from '../../platform/tenancy/tenant-context.js';
import { openApiSchema } from '../../platform/validation/openapi-schema.js';
import { ZodValidationPipe } from '../../platform/validation/zod-validation.pipe.js';
import { DuesService } from './dues.service.js';

@ApiTags('dues')
@ApiBearerAuth()
@Controller({ path: 'coops/:slug', version: '1' })
export class DuesController {
  constructor(private readonly dues: DuesService) {}

  @Get('contribution-plan')
  @Can('read', 'Settings')
  plan(@Tenant() ctx: TenantRequestContext): Promise<ContributionPlanResponse> {
    return this.dues.plan(ctx);
  }

  @Put('contribution-plan')
  @Can('update', 'Settings')
  @ApiOperation({ summary: 'Set the contribution plan: amount, frequency, due day, start, grace days' })
  @ApiBody({ schema: openApiSchema(contributionPlanRequest) })
  savePlan(
    @Tenant() ctx: TenantRequestContext,
    @Body(new ZodValidationPipe(contributionPlanRequest)) plan: ContributionPlanRequest,
  ): Promise<ContributionPlanResponse> {
    return this.dues.savePlan(ctx, plan);
  }

  @Put('members/:memberId/contribution-override')
  @Can('update', 'Settings')
  @ApiOperation({ summary: 'Give a member their own contribution amount (null: back to the plan)' })
  @ApiBody({ schema: openApiSchema(contributionOverrideRequest) })
  setOverride(
    @Tenant() ctx: TenantRequestContext,
    @Param('memberId') memberId: string,
    @Body(new ZodValidationPipe(contributionOverrideRequest)) request: ContributionOverrideRequest,
  ): Promise<MemberDuesResponse> {
    return this.dues.setOverride(ctx, memberId, request);
  }

  @Get('members/:memberId/dues')
  @Can('read', 'Member')
  forMember(@Tenant() ctx: TenantRequestContext, @Param('memberId') memberId: string): Promise<MemberDuesResponse> {
    return this.dues.forMember(ctx, memberId);
  }

  @Get('dues')
  @Can('read', 'Dashboard')
  @ApiOperation({ summary: 'Every active member’s dues: amount due and late' })
  overview(@Tenant() ctx: TenantRequestContext): Promise<DuesOverviewResponse> {
    return this.dues.overview(ctx);
  }
}
