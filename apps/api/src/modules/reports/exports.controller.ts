import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { exportQuery, movementsExportQuery, type ExportQuery, type MovementsExportQuery } from '@kotizo/contracts';
import { Can } from '../../platform/authorization/permission.decorators.js';
import { Tenant } from '../../platform/tenancy/context.decorators.js';
import type { TenantRequestContext } from '../../platform/tenancy/tenant-context.js';
import { ZodValidationPipe } from '../../platform/validation/zod-validation.pipe.js';
import { CasesExport } from './cases-export.js';
import { type CsvFile, sendCsv } from './csv-export.js';
import { DuesExport } from './dues-export.js';
import { LoansExport } from './loans-export.js';
import { MembersExport } from './members-export.js';
import { MovementsExport } from './movements-export.js';

const CSV_NOTE =
  'UTF-8 with BOM, `;` (default in French) or `,` as `delimiter`, CRLF, RFC 4180 quoting, formulas neutralised';

@ApiTags('reports')
@ApiBearerAuth()
@ApiProduces('text/csv')
@Controller({ path: 'coops/:slug/exports', version: '1' })
export class ExportsController {
  constructor(
    private readonly movements: MovementsExport,
    private readonly members: MembersExport,
    private readonly loans: LoansExport,
    private readonly dues: DuesExport,
    private readonly cases: CasesExport,
  ) {}

  @Get('movements')
  @Can('export', 'Report')
  @ApiOperation({ summary: `The journal of a period (from, to), streamed as CSV. ${CSV_NOTE}` })
  async movementsCsv(
    @Tenant() ctx: TenantRequestContext,
    @Query(new ZodValidationPipe(movementsExportQuery)) query: MovementsExportQuery,
    @Res() reply: FastifyReply,
  ): Promise<FastifyReply> {
    return this.send(ctx, reply, await this.movements.file(ctx.tenant, query));
  }

  @Get('members')
  @Can('export', 'Report')
  @ApiOperation({ summary: `Members with their savings, streamed as CSV. ${CSV_NOTE}` })
  membersCsv(
    @Tenant() ctx: TenantRequestContext,
    @Query(new ZodValidationPipe(exportQuery)) query: ExportQuery,
    @Res() reply: FastifyReply,
  ): FastifyReply {
    return this.send(ctx, reply, this.members.file(ctx.tenant, query.delimiter));
  }

  @Get('loans')
  @Can('export', 'Report')
  @ApiOperation({ summary: `Loans with their state today, streamed as CSV. ${CSV_NOTE}` })
  loansCsv(
    @Tenant() ctx: TenantRequestContext,
    @Query(new ZodValidationPipe(exportQuery)) query: ExportQuery,
    @Res() reply: FastifyReply,
  ): FastifyReply {
    return this.send(ctx, reply, this.loans.file(ctx.tenant, query.delimiter));
  }

  @Get('dues')
  @Can('export', 'Report')
  @ApiOperation({ summary: `Due periods of active members up to today, streamed as CSV. ${CSV_NOTE}` })
  async duesCsv(
    @Tenant() ctx: TenantRequestContext,
    @Query(new ZodValidationPipe(exportQuery)) query: ExportQuery,
    @Res() reply: FastifyReply,
  ): Promise<FastifyReply> {
    return this.send(ctx, reply, await this.dues.file(ctx.tenant, query.delimiter));
  }

  @Get('cases')
  @Can('export', 'Report')
  @ApiOperation({ summary: `Audit cases, streamed as CSV. ${CSV_NOTE}` })
  casesCsv(
    @Tenant() ctx: TenantRequestContext,
    @Query(new ZodValidationPipe(exportQuery)) query: ExportQuery,
    @Res() reply: FastifyReply,
  ): FastifyReply {
    return this.send(ctx, reply, this.cases.file(ctx.tenant, query.delimiter));
  }

  private send(ctx: TenantRequestContext, reply: FastifyReply, file: CsvFile): FastifyReply {
    return sendCsv(reply, file, { tenant: ctx.tenant.slug, file: file.filename, requestId: ctx.requestId });
  }
}
