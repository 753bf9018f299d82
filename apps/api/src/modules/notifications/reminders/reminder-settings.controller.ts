import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  reminderSettingsRequest,
  type ReminderSettingsRequest,
  type ReminderSettingsResponse,
} from '@kotizo/contracts';
import { Can } from '../../../platform/authorization/permission.decorators.js';
import { Tenant } from '../../../platform/tenancy/context.decorators.js';
import type { TenantRequestContext } from '../../../platform/tenancy/tenant-context.js';
import { openApiSchema } from '../../../platform/validation/openapi-schema.js';
import { ZodValidationPipe } from '../../../platform/validation/zod-validation.pipe.js';
import { ReminderSettingsService } from './reminder-settings.service.js';

@ApiTags('notifications')
@ApiBearerAuth()
@Controller({ path: 'coops/:slug/reminder-settings', version: '1' })
export class ReminderSettingsController {
  constructor(private readonly reminders: ReminderSettingsService) {}

  @Get()
  @Can('read', 'Settings')
  @ApiOperation({ summary: 'The reminders of dues and installments sent to members (on, from 08:00, 3 days ahead)' })
  get(@Tenant() ctx: TenantRequestContext): Promise<ReminderSettingsResponse> {
    return this.reminders.get(ctx);
  }

  @Put()
  @Can('update', 'Settings')
  @ApiOperation({
    summary:
      'Set the reminders: on or off, the local time they go out from (HH:MM), how many days before a due date, and whether late ones are reminded; applies from the next daily run',
  })
  @ApiBody({ schema: openApiSchema(reminderSettingsRequest) })
  save(
    @Tenant() ctx: TenantRequestContext,
    @Body(new ZodValidationPipe(reminderSettingsRequest)) request: ReminderSettingsRequest,
  ): Promise<ReminderSettingsResponse> {
    return this.reminders.save(ctx, request);
  }
}
