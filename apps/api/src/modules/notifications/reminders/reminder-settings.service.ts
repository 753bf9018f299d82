import { Injectable } from '@nestjs/common';
import type { ReminderSettingsRequest, ReminderSettingsResponse } from '@kotizo/contracts';
import { TenantDatabase } from '../../../platform/database/tenant-database.js';
import { AuditLog } from '../../../platform/observability/audit-log.js';
import type { TenantRequestContext } from '../../../platform/tenancy/tenant-context.js';
import { ReminderSettings, type ReminderSettingsValue } from './reminder-settings.js';

/** The target of the audit log entry of a change. */
export const REMINDER_SETTINGS_TARGET = 'reminders';

function toResponse(settings: ReminderSettingsValue, timeZone: string): ReminderSettingsResponse {
  return { ...settings, timeZone };
}

/** The cooperative's reminders: read by anyone who reads settings, set by an admin. */
@Injectable()
export class ReminderSettingsService {
  constructor(
    private readonly db: TenantDatabase,
    private readonly settings: ReminderSettings,
    private readonly audit: AuditLog,
  ) {}

  async get(ctx: TenantRequestContext): Promise<ReminderSettingsResponse> {
    const settings = await this.db.read(ctx.tenant, (em) => this.settings.read(em));
    return toResponse(settings, ctx.tenant.timeZone);
  }

  /** Applies from the next daily run; the change is kept in the audit log. */
  async save(ctx: TenantRequestContext, request: ReminderSettingsRequest): Promise<ReminderSettingsResponse> {
    const settings = await this.db.transactional(ctx.tenant, async (tx) => {
      const saved = await this.settings.save(tx, request);
      await this.audit.settingsChanged(ctx, REMINDER_SETTINGS_TARGET, { ...saved }, tx);
      return saved;
    });
    return toResponse(settings, ctx.tenant.timeZone);
  }
}
