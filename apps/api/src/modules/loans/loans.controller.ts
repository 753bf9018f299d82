import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import {
  assessPenaltyRequest,
  disburseLoanRequest,
  listLoansQuery,
  loanDecisionRequest,
  repayLoanRequest,
  requestLoanRequest,
  writeOffLoanRequest,
  type AssessPenaltyRequest,
  type DisburseLoanRequest,
  type ListLoansQuery,
  type LoanDecisionRequest,
  type LoanResponse,
  type Page,
  type PortfolioResponse,
  type RepaymentResponse,
  type RepayLoanRequest,
  type RequestLoanCommand,
  type WriteOffLoanRequest,
} from '@kotizo/contracts';
import { Can } from '../../platform/authorization/permission.decorators.js';
import { IdempotencyKey } from '../../platform/idempotency/idempotency-key.decorator.js';
import { Tenant } from '../../platform/tenancy/context.decorators.js';
import type { TenantRequestContext } from '../../platform/tenancy/tenant-context.js';
import { openApiSchema } from '../../platform/validation/openapi-schema.js';
import { ZodValidationPipe } from '../../platform/validation/zod-validation.pipe.js';
import { LoansService } from './loans.service.js';

@ApiTags('loans')
@ApiBearerAuth()
@Controller({ path: 'coops/:slug', version: '1' })
export class LoansController {
  constructor(private readonly loans: LoansService) {}

  @Post('loans')
  @Can('create', 'Loan')
  @ApiOperation({ summary: 'Request a loan for a member (someone else decides it)' })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiBody({ schema: openApiSchema(requestLoanRequest) })
  async request(
    @Tenant() ctx: TenantRequestContext,
    @IdempotencyKey() key: string | null,
    @Body(new ZodValidationPipe(requestLoanRequest)) command: RequestLoanCommand,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<LoanResponse> {
    const result = await this.loans.request(ctx, command, key);
    void reply.status(result.status);
    return result.body;
  }

  @Get('loans')
  @Can('read', 'Loan')
  list(
    @Tenant() ctx: TenantRequestContext,
    @Query(new ZodValidationPipe(listLoansQuery)) query: ListLoansQuery,
  ): Promise<Page<LoanResponse>> {
    return this.loans.list(ctx, query);
  }

  @Get('loans/:loanId')
  @Can('read', 'Loan')
  get(@Tenant() ctx: TenantRequestContext, @Param('loanId') id: string): Promise<LoanResponse> {
    return this.loans.get(ctx, id);
  }

  @Post('loans/:loanId/decision')
  @HttpCode(200)
  @Can('approve', 'Loan')
  @ApiOperation({ summary: 'Approve or reject a requested loan (never by its requester)' })
  @ApiBody({ schema: openApiSchema(loanDecisionRequest) })
  decide(
    @Tenant() ctx: TenantRequestContext,
    @Param('loanId') id: string,
    @Body(new ZodValidationPipe(loanDecisionRequest)) request: LoanDecisionRequest,
  ): Promise<LoanResponse> {
    return this.loans.decide(ctx, id, request);
  }

  @Post('loans/:loanId/disbursement')
  @Can('create', 'Transaction')
  @ApiOperation({ summary: 'Pay out an approved loan; fixes its schedule' })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiBody({ schema: openApiSchema(disburseLoanRequest) })
  async disburse(
    @Tenant() ctx: TenantRequestContext,
    @Param('loanId') id: string,
    @IdempotencyKey() key: string | null,
    @Body(new ZodValidationPipe(disburseLoanRequest)) request: DisburseLoanRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<LoanResponse> {
    const result = await this.loans.disburse(ctx, id, request, key);
    void reply.status(result.status === 201 ? 200 : result.status);
    return result.body;
  }

  @Post('loans/:loanId/repayments')
  @Can('create', 'Transaction')
  @ApiOperation({ summary: 'Record a repayment: penalty, then interest, then principal, oldest installment first' })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiBody({ schema: openApiSchema(repayLoanRequest) })
  async repay(
    @Tenant() ctx: TenantRequestContext,
    @Param('loanId') id: string,
    @IdempotencyKey() key: string | null,
    @Body(new ZodValidationPipe(repayLoanRequest)) request: RepayLoanRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<RepaymentResponse> {
    const result = await this.loans.repay(ctx, id, request, key);
    void reply.status(result.status);
    return result.body;
  }

  @Post('loans/:loanId/penalties')
  @HttpCode(200)
  @Can('approve', 'Loan')
  @ApiOperation({ summary: 'Charge a penalty on a late installment; repayments pay it first' })
  @ApiBody({ schema: openApiSchema(assessPenaltyRequest) })
  assessPenalty(
    @Tenant() ctx: TenantRequestContext,
    @Param('loanId') id: string,
    @Body(new ZodValidationPipe(assessPenaltyRequest)) request: AssessPenaltyRequest,
  ): Promise<LoanResponse> {
    return this.loans.assessPenalty(ctx, id, request);
  }

  @Post('loans/:loanId/write-off')
  @HttpCode(200)
  @Can('manage', 'Loan')
  @ApiOperation({ summary: 'Write off a running loan, with a reason (admin)' })
  @ApiBody({ schema: openApiSchema(writeOffLoanRequest) })
  writeOff(
    @Tenant() ctx: TenantRequestContext,
    @Param('loanId') id: string,
    @Body(new ZodValidationPipe(writeOffLoanRequest)) request: WriteOffLoanRequest,
  ): Promise<LoanResponse> {
    return this.loans.writeOff(ctx, id, request);
  }

  @Get('portfolio')
  @Can('read', 'Dashboard')
  @ApiOperation({ summary: 'Outstanding loans and portfolio at risk (PAR30)' })
  portfolio(@Tenant() ctx: TenantRequestContext): Promise<PortfolioResponse> {
    return this.loans.portfolio(ctx);
  }
}
