import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import {
  federationExportQuery,
  federationOverviewQuery,
  type FederationExportQuery,
  type FederationOverviewQuery,
  type FederationOverviewResponse,
} from '@kotizo/contracts';
import { Can } from '../../platform/authorization/permission.decorators.js';
import { Actor } from '../../platform/tenancy/context.decorators.js';
import type { ActorContext } from '../../platform/tenancy/tenant-context.js';
import { ZodValidationPipe } from '../../platform/validation/zod-validation.pipe.js';
import { sendCsv } from '../reports/csv-export.js';
import { overviewFile } from './overview-export.js';
import { OverviewService } from './overview.service.js';

/** Federation staff only: outside a cooperative, `Dashboard` and `Report` are granted by the federation role alone. */
@ApiTags('federation')
@ApiBearerAuth()
@Controller({ path: 'federation/overview', version: '1' })
export class OverviewController {
  constructor(private readonly overview: OverviewService) {}

  @Get()
  @Can('read', 'Dashboard')
  @ApiOperation({
    summary:
      'Every cooperative side by side: money totals, members, portfolio and PAR30, open cases, late dues, ' +
      'ranked by risk; sums per currency',
  })
  list(
    @Actor() _actor: ActorContext,
    @Query(new ZodValidationPipe(federationOverviewQuery)) query: FederationOverviewQuery,
  ): Promise<FederationOverviewResponse> {
    return this.overview.overviewPage(query);
  }

  @Get('export')
  @Can('export', 'Report')
  @ApiProduces('text/csv')
  @ApiOperation({ summary: 'The same comparison as CSV (UTF-8 with BOM, `;` or `,`, formulas neutralised)' })
  export(
    @Actor() actor: ActorContext,
    @Query(new ZodValidationPipe(federationExportQuery)) query: FederationExportQuery,
    @Res() reply: FastifyReply,
  ): FastifyReply {
    const file = overviewFile(this.overview, query);
    return sendCsv(reply, file, { file: file.filename, requestId: actor.requestId });
  }
}
