import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { publishPackRequest, type PublishPackRequest, type RulePackReleaseResponse } from '@kotizo/contracts';
import { Can } from '../../platform/authorization/permission.decorators.js';
import { Actor } from '../../platform/tenancy/context.decorators.js';
import type { ActorContext } from '../../platform/tenancy/tenant-context.js';
import { openApiSchema } from '../../platform/validation/openapi-schema.js';
import { ZodValidationPipe } from '../../platform/validation/zod-validation.pipe.js';
import { RulePackCatalog } from './rule-packs.js';

@ApiTags('audit rules')
@ApiBearerAuth()
@Controller({ path: 'rule-packs', version: '1' })
export class RulePacksController {
  constructor(private readonly catalog: RulePackCatalog) {}

  @Get()
  @Can('read', 'RuleSet')
  @ApiOperation({ summary: 'Releases of the rule packs' })
  list(): Promise<RulePackReleaseResponse[]> {
    return this.catalog.releases();
  }

  @Post()
  @Can('manage', 'RuleSet')
  @ApiOperation({ summary: 'Publish a new release of a pack; cooperatives see it as an update to adopt' })
  @ApiBody({ schema: openApiSchema(publishPackRequest) })
  publish(
    @Actor() actor: ActorContext,
    @Body(new ZodValidationPipe(publishPackRequest)) request: PublishPackRequest,
  ): Promise<RulePackReleaseResponse> {
    return this.catalog.publish(request.pack, actor.principal.userId);
  }
}
