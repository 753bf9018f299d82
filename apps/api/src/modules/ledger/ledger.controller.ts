import { Body, Controller, Get, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import {
  listTransactionsQuery,
  recordTransactionRequest,
  reverseTransactionRequest,
  type BalancesResponse,
  type LedgerVerification,
  type ListTransactionsQuery,
  type MemberSummaryResponse,
  type Page,
  type RecordTransactionRequest,
  type ReverseTransactionRequest,
  type TransactionResponse,
} from '@kotizo/contracts';
import { Can } from '../../platform/authorization/permission.decorators.js';
import { IdempotencyKey } from '../../platform/idempotency/idempotency-key.decorator.js';
import { Tenant } from '../../platform/tenancy/context.decorators.js';
import type { TenantRequestContext } from '../../platform/tenancy/tenant-context.js';
import { openApiSchema } from '../../platform/validation/openapi-schema.js';
import { ZodValidationPipe } from '../../platform/validation/zod-validation.pipe.js';
import { LedgerService } from './ledger.service.js';

@ApiTags('ledger')
@ApiBearerAuth()
@Controller({ path: 'coops/:slug', version: '1' })
export class LedgerController {
  constructor(private readonly ledger: LedgerService) {}

  @Post('transactions')
  @Can('create', 'Transaction')
  @ApiOperation({ summary: 'Record a contribution, expense, income, penalty or adjustment' })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Same key and body: the first answer again' })
  @ApiBody({ schema: openApiSchema(recordTransactionRequest) })
  async record(
    @Tenant() ctx: TenantRequestContext,
    @IdempotencyKey() key: string | null,
    @Body(new ZodValidationPipe(recordTransactionRequest)) request: RecordTransactionRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<TransactionResponse> {
    const result = await this.ledger.record(ctx, request, key);
    void reply.status(result.status);
    return result.body;
  }

  @Get('transactions')
  @Can('read', 'Transaction')
  @ApiOperation({ summary: 'The journal, newest first, filterable and paginated' })
  list(
    @Tenant() ctx: TenantRequestContext,
    @Query(new ZodValidationPipe(listTransactionsQuery)) query: ListTransactionsQuery,
  ): Promise<Page<TransactionResponse>> {
    return this.ledger.list(ctx, query);
  }

  @Get('transactions/:transactionId')
  @Can('read', 'Transaction')
  get(@Tenant() ctx: TenantRequestContext, @Param('transactionId') id: string): Promise<TransactionResponse> {
    return this.ledger.get(ctx, id);
  }

  @Post('transactions/:transactionId/reversal')
  @Can('create', 'Transaction')
  @ApiOperation({ summary: 'Reverse a mistaken entry, with a reason; the reversal is linked to it' })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiBody({ schema: openApiSchema(reverseTransactionRequest) })
  async reverse(
    @Tenant() ctx: TenantRequestContext,
    @Param('transactionId') id: string,
    @IdempotencyKey() key: string | null,
    @Body(new ZodValidationPipe(reverseTransactionRequest)) request: ReverseTransactionRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<TransactionResponse> {
    const result = await this.ledger.reverse(ctx, id, request, key);
    void reply.status(result.status);
    return result.body;
  }

  @Get('balances')
  @Can('read', 'Dashboard')
  balances(@Tenant() ctx: TenantRequestContext): Promise<BalancesResponse> {
    return this.ledger.balances(ctx);
  }

  @Get('members/:memberId/summary')
  @Can('read', 'Member')
  memberSummary(@Tenant() ctx: TenantRequestContext, @Param('memberId') id: string): Promise<MemberSummaryResponse> {
    return this.ledger.memberSummary(ctx, id);
  }

  @Get('ledger/verification')
  @Can('read', 'AuditLog')
  @ApiOperation({ summary: 'Recompute the hash chain; names the first broken link' })
  verify(@Tenant() ctx: TenantRequestContext): Promise<LedgerVerification> {
    return this.ledger.verify(ctx);
  }
}
