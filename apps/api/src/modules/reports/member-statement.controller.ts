import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { memberStatementQuery, type MemberStatementQuery } from '@kotizo/contracts';
import { Can } from '../../platform/authorization/permission.decorators.js';
import { Tenant } from '../../platform/tenancy/context.decorators.js';
import type { TenantRequestContext } from '../../platform/tenancy/tenant-context.js';
import { ZodValidationPipe } from '../../platform/validation/zod-validation.pipe.js';
import { sendCsv } from './csv-export.js';
import { MemberStatementExport } from './member-statement-export.js';

/** Beside the member's other routes, and read as the member is: a member account reads its own only. */
@ApiTags('reports')
@ApiBearerAuth()
@ApiProduces('text/csv')
@Controller({ path: 'coops/:slug/members', version: '1' })
export class MemberStatementController {
  constructor(private readonly statements: MemberStatementExport) {}

  @Get(':memberId/statement.csv')
  @Can('read', 'Member')
  @ApiOperation({
    summary:
      'A member’s statement (from, to): opening balance, each movement with the savings balance after it, closing balance, streamed as CSV. UTF-8 with BOM, `;` (default in French) or `,` as `delimiter`, formulas neutralised',
  })
  async statementCsv(
    @Tenant() ctx: TenantRequestContext,
    @Param('memberId') memberId: string,
    @Query(new ZodValidationPipe(memberStatementQuery)) query: MemberStatementQuery,
    @Res() reply: FastifyReply,
  ): Promise<FastifyReply> {
    const file = await this.statements.file(ctx, memberId, query);
    return sendCsv(reply, file, { tenant: ctx.tenant.slug, file: file.filename, requestId: ctx.requestId });
  }
}
