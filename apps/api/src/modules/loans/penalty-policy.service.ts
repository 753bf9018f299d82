import { Injectable } from '@nestjs/common';
import type { PenaltyPolicyRequest, PenaltyPolicyResponse } from '@kotizo/contracts';
import { type LatePenaltyPolicy, localDate } from '@kotizo/domain';
import { TenantDatabase } from '../../platform/database/tenant-database.js';
import { AuditLog } from '../../platform/observability/audit-log.js';
import type { TenantRequestContext } from '../../platform/tenancy/tenant-context.js';
import { PENALTY_POLICY_SETTING, PenaltyPolicySettings } from './penalty-policy-settings.js';

function toResponse(policy: LatePenaltyPolicy, currency: string): PenaltyPolicyResponse {
  return {
    enabled: policy.enabled,
    charge: { ...policy.charge },
    period: policy.period,
    graceDays: policy.graceDays,
    cap: policy.cap === null ? null : { ...policy.cap },
    effectiveFrom: policy.effectiveFrom,
    currency,
  };
}

/** The cooperative's automatic late-installment penalty: read by anyone who reads settings, set by an admin. */
@Injectable()
export class PenaltyPolicyService {
  constructor(
    private readonly db: TenantDatabase,
    private readonly settings: PenaltyPolicySettings,
    private readonly audit: AuditLog,
  ) {}

  async get(ctx: TenantRequestContext): Promise<PenaltyPolicyResponse> {
    const policy = await this.db.read(ctx.tenant, (em) => this.settings.read(em));
    return toResponse(policy, ctx.tenant.currency);
  }

  /** New terms take effect today, in the cooperative's calendar; the change is kept in the audit log. */
  async save(ctx: TenantRequestContext, request: PenaltyPolicyRequest): Promise<PenaltyPolicyResponse> {
    const today = localDate(new Date(), ctx.tenant.timeZone);
    const policy = await this.db.transactional(ctx.tenant, async (tx) => {
      const saved = await this.settings.save(tx, request, today);
      await this.audit.settingsChanged(ctx, PENALTY_POLICY_SETTING, { ...saved }, tx);
      return saved;
    });
    return toResponse(policy, ctx.tenant.currency);
  }
}
