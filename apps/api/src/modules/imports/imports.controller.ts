import { Body, Controller, Headers, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  importMappingRequest,
  type ImportCommitResponse,
  type ImportPreviewResponse,
  type ImportUploadResponse,
} from '@kotizo/contracts';
import type { z } from 'zod';
import { Can } from '../../platform/authorization/permission.decorators.js';
import { RequestLanguage } from '../../platform/errors/messages/accept-language.js';
import type { Language } from '../../platform/errors/messages/catalog.js';
import { Tenant } from '../../platform/tenancy/context.decorators.js';
import type { TenantRequestContext } from '../../platform/tenancy/tenant-context.js';
import { openApiSchema } from '../../platform/validation/openapi-schema.js';
import { ZodValidationPipe } from '../../platform/validation/zod-validation.pipe.js';
import { ImportsService } from './imports.service.js';

type MappingBody = z.output<typeof importMappingRequest>;

@ApiTags('imports')
@ApiBearerAuth()
@Controller({ path: 'coops/:slug/imports', version: '1' })
export class ImportsController {
  constructor(private readonly imports: ImportsService) {}

  @Post()
  @Can('create', 'Transaction')
  @ApiOperation({
    summary:
      'Upload a CSV file (our template or a mobile-money statement), read as it arrives; nothing is recorded yet',
  })
  @ApiConsumes('text/csv')
  @ApiBody({ schema: { type: 'string', format: 'binary' } })
  upload(
    @Tenant() ctx: TenantRequestContext,
    // The request stream itself (see the text/csv parser in app.factory.ts): the file is never held whole.
    @Body() body: unknown,
    @Headers('x-file-name') fileName: string | undefined,
  ): Promise<ImportUploadResponse> {
    return this.imports.upload(ctx, body, fileName?.slice(0, 200) ?? null);
  }

  @Post(':importId/preview')
  @HttpCode(200)
  @Can('create', 'Transaction')
  @ApiOperation({ summary: 'Read every row with a column mapping: valid, duplicates, and each rejected row with why' })
  @ApiBody({ schema: openApiSchema(importMappingRequest) })
  preview(
    @Tenant() ctx: TenantRequestContext,
    @Param('importId') id: string,
    @Body(new ZodValidationPipe(importMappingRequest)) body: MappingBody,
    @RequestLanguage() language: Language,
  ): Promise<ImportPreviewResponse> {
    return this.imports.preview(ctx, id, body.mapping, language);
  }

  @Post(':importId/commit')
  @HttpCode(200)
  @Can('create', 'Transaction')
  @ApiOperation({ summary: 'Record every row, or none if any is rejected; duplicates are skipped' })
  @ApiBody({ schema: openApiSchema(importMappingRequest) })
  commit(
    @Tenant() ctx: TenantRequestContext,
    @Param('importId') id: string,
    @Body(new ZodValidationPipe(importMappingRequest)) body: MappingBody,
  ): Promise<ImportCommitResponse> {
    return this.imports.commit(ctx, id, body.mapping);
  }
}
