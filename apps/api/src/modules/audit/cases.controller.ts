import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import {
  assignCaseRequest,
  changeCaseStatusRequest,
  commentCaseRequest,
  listCasesQuery,
  startAuditRequest,
  type AssignCaseRequest,
  type AuditRunResponse,
  type CaseDetailResponse,
  type CasePage,
  type ChangeCaseStatusRequest,
  type CommentCaseRequest,
  type ListCasesQuery,
  type StartAuditRequest,
  type VerdictResponse,
} from '@kotizo/contracts';
import { Can } from '../../platform/authorization/permission.decorators.js';
import { NotFound } from '../../platform/errors/app-error.js';
import { Tenant } from '../../platform/tenancy/context.decorators.js';
import type { TenantRequestContext } from '../../platform/tenancy/tenant-context.js';
import { isUuid } from '../../platform/validation/uuid.js';
import { openApiSchema } from '../../platform/validation/openapi-schema.js';
import { ZodValidationPipe } from '../../platform/validation/zod-validation.pipe.js';
import { AuditRuns } from './audit-runs.js';
import { CasesService } from './cases.service.js';

@ApiTags('cases and audits')
@ApiBearerAuth()
@Controller({ path: 'coops/:slug', version: '1' })
export class CasesController {
  constructor(
    private readonly cases: CasesService,
    private readonly runs: AuditRuns,
  ) {}

  @Get('cases')
  @Can('read', 'Case')
  @ApiOperation({ summary: 'The cases inbox, filterable, with counts by status and severity' })
  list(
    @Tenant() ctx: TenantRequestContext,
    @Query(new ZodValidationPipe(listCasesQuery)) query: ListCasesQuery,
  ): Promise<CasePage> {
    return this.cases.list(ctx, query);
  }

  @Get('cases/:caseId')
  @Can('read', 'Case')
  @ApiOperation({ summary: 'A case with its findings, evidence and timeline' })
  get(@Tenant() ctx: TenantRequestContext, @Param('caseId') id: string): Promise<CaseDetailResponse> {
    return this.cases.get(ctx, id);
  }

  @Post('cases/:caseId/assign')
  @HttpCode(200)
  @Can('update', 'Case')
  @ApiBody({ schema: openApiSchema(assignCaseRequest) })
  assign(
    @Tenant() ctx: TenantRequestContext,
    @Param('caseId') id: string,
    @Body(new ZodValidationPipe(assignCaseRequest)) request: AssignCaseRequest,
  ): Promise<CaseDetailResponse> {
    return this.cases.assign(ctx, id, request.assigneeId);
  }

  @Post('cases/:caseId/comments')
  @HttpCode(200)
  @Can('update', 'Case')
  @ApiBody({ schema: openApiSchema(commentCaseRequest) })
  comment(
    @Tenant() ctx: TenantRequestContext,
    @Param('caseId') id: string,
    @Body(new ZodValidationPipe(commentCaseRequest)) request: CommentCaseRequest,
  ): Promise<CaseDetailResponse> {
    return this.cases.comment(ctx, id, request.text);
  }

  @Post('cases/:caseId/status')
  @HttpCode(200)
  @Can('update', 'Case')
  @ApiOperation({ summary: 'Investigate, close with an outcome and a note, or reopen' })
  @ApiBody({ schema: openApiSchema(changeCaseStatusRequest) })
  changeStatus(
    @Tenant() ctx: TenantRequestContext,
    @Param('caseId') id: string,
    @Body(new ZodValidationPipe(changeCaseStatusRequest)) request: ChangeCaseStatusRequest,
  ): Promise<CaseDetailResponse> {
    return this.cases.changeStatus(ctx, id, request);
  }

  @Get('transactions/:transactionId/verdict')
  @Can('read', 'Case')
  @ApiOperation({ summary: 'What the rules said about a movement when it was recorded' })
  verdict(@Tenant() ctx: TenantRequestContext, @Param('transactionId') id: string): Promise<VerdictResponse> {
    return this.cases.verdict(ctx, id);
  }

  @Post('audits')
  @Can('update', 'Case')
  @ApiOperation({ summary: 'Audit the whole cooperative now; answers 202 with the run to follow' })
  @ApiBody({ schema: openApiSchema(startAuditRequest) })
  async startAudit(
    @Tenant() ctx: TenantRequestContext,
    @Body(new ZodValidationPipe(startAuditRequest)) request: StartAuditRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<AuditRunResponse> {
    const run = await this.runs.start(ctx.tenant, request.kind ?? 'full', ctx.principal.userId);
    void reply.status(202);
    return run;
  }

  @Get('audits')
  @Can('read', 'Case')
  audits(@Tenant() ctx: TenantRequestContext): Promise<AuditRunResponse[]> {
    return this.runs.list(ctx.tenant);
  }

  @Get('audits/:runId')
  @Can('read', 'Case')
  audit(@Tenant() ctx: TenantRequestContext, @Param('runId') id: string): Promise<AuditRunResponse> {
    if (!isUuid(id)) throw new NotFound('audit_run');
    return this.runs.get(ctx.tenant, id);
  }
}
