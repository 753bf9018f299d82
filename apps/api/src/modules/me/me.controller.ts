import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiTags } from '@nestjs/swagger';
import { changePasswordRequest, type ChangePasswordRequest, type MeResponse } from '@kotizo/contracts';
import { Authenticated } from '../../platform/authorization/permission.decorators.js';
import { Actor } from '../../platform/tenancy/context.decorators.js';
import type { ActorContext } from '../../platform/tenancy/tenant-context.js';
import { openApiSchema } from '../../platform/validation/openapi-schema.js';
import { ZodValidationPipe } from '../../platform/validation/zod-validation.pipe.js';
import { MeService } from './me.service.js';

@ApiTags('me')
@ApiBearerAuth()
@Controller({ path: 'me', version: '1' })
export class MeController {
  constructor(private readonly me: MeService) {}

  @Get()
  @Authenticated()
  get(@Actor() actor: ActorContext): Promise<MeResponse> {
    return this.me.get(actor);
  }

  @Post('password')
  @HttpCode(204)
  @Authenticated()
  @ApiBody({ schema: openApiSchema(changePasswordRequest) })
  changePassword(
    @Actor() actor: ActorContext,
    @Body(new ZodValidationPipe(changePasswordRequest)) request: ChangePasswordRequest,
  ): Promise<void> {
    return this.me.changePassword(actor, request);
  }
}
