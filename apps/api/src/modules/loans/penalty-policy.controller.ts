import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { penaltyPolicyRequest, type PenaltyPolicyRequest, type PenaltyPolicyResponse } from '@kotizo/contracts';
import { Can } from '../../platform/authorization/permission.decorators.js';
import { Tenant } from '../../platform/tenancy/context.decorators.js';
import type { TenantRequestContext } from '../../platform/tenancy/tenant-context.js';
import { openApiSchema } from '../../platform/validation/openapi-schema.js';
import { ZodValidationPipe } from '../../platform/validation/zod-validation.pipe.js';
import { PenaltyPolicyService } from './penalty-policy.service.js';

@ApiTags('loans')
@ApiBearerAuth()
@Controller({ path: 'coops/:slug/penalty-policy', version: '1' })
export class PenaltyPolicyController {
  constructor(private readonly policy: PenaltyPolicyService) {}

  @Get()
  @Can('read', 'Settings')
  @ApiOperation({ summary: 'The automatic penalty on late installments (off by default)' })
  get(@Tenant() ctx: TenantRequestContext): Promise<PenaltyPolicyResponse> {
    return this.policy.get(ctx);
  }

  @Put()
  @Can('update', 'Settings')
  @ApiOperation({
    summary:
      'Set the automatic penalty: fixed amount or basis points of the overdue installment per day, week or month late, after grace days, up to a cap; new terms apply to periods starting from today',
  })
  @ApiBody({ schema: openApiSchema(penaltyPolicyRequest) })
  save(
    @Tenant() ctx: TenantRequestContext,
    @Body(new ZodValidationPipe(penaltyPolicyRequest)) request: PenaltyPolicyRequest,
  ): Promise<PenaltyPolicyResponse> {
    return this.policy.save(ctx, request);
  }
}
