import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { dashboardQuery, type DashboardQuery, type DashboardResponse } from '@kotizo/contracts';
import { Can } from '../../platform/authorization/permission.decorators.js';
import { Tenant } from '../../platform/tenancy/context.decorators.js';
import type { TenantRequestContext } from '../../platform/tenancy/tenant-context.js';
import { ZodValidationPipe } from '../../platform/validation/zod-validation.pipe.js';
import { DashboardService } from './dashboard.service.js';

@ApiTags('dashboards')
@ApiBearerAuth()
@Controller({ path: 'coops/:slug', version: '1' })
export class DashboardController {
  constructor(private readonly dashboards: DashboardService) {}

  @Get('dashboard')
  @Can('read', 'Dashboard')
  @ApiOperation({
    summary:
      'Figures of a period (from, to, granularity week or month): totals, cash, series, expenses by category; ' +
      'portfolio, PAR30, members and open cases as of today',
  })
  dashboard(
    @Tenant() ctx: TenantRequestContext,
    @Query(new ZodValidationPipe(dashboardQuery)) query: DashboardQuery,
  ): Promise<DashboardResponse> {
    return this.dashboards.dashboard(ctx, query);
  }
}
