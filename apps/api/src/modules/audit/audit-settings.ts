import { Injectable } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { ContributionPlanRequest } from '@kotizo/contracts';
import { PLAN_SETTING } from '../dues/dues.repository.js';

export const STRUCTURING_THRESHOLD_SETTING = 'audit.structuringThreshold';
export const AUTHOR_MAY_ACTIVATE_SETTING = 'rules.authorMayActivate';

export interface AuditConfig {
  plan: ContributionPlanRequest | null;
  hours: { opens: string; closes: string };
  /** Amounts just under it, repeated, look like splitting a payment to stay below a control. */
  structuringThreshold: number;
  authorMayActivate: boolean;
}

const DEFAULT_HOURS = { opens: '07:00', closes: '19:00' };
const DEFAULT_STRUCTURING_THRESHOLD = 100_000;

/** The cooperative settings the audit reads, in one query. */
@Injectable()
export class AuditSettings {
  async read(em: EntityManager): Promise<AuditConfig> {
    const rows = await em.execute<{ key: string; value: unknown }[]>(
      'select key, value from settings where key in (?)',
      [[PLAN_SETTING, 'office.hours', STRUCTURING_THRESHOLD_SETTING, AUTHOR_MAY_ACTIVATE_SETTING]],
    );
    const get = (key: string): unknown => rows.find((r) => r.key === key)?.value;
    const hours = get('office.hours') as { opens?: string; closes?: string } | undefined;
    const threshold = get(STRUCTURING_THRESHOLD_SETTING);
    return {
      plan: (get(PLAN_SETTING) as ContributionPlanRequest | undefined) ?? null,
      hours: { opens: hours?.opens ?? DEFAULT_HOURS.opens, closes: hours?.closes ?? DEFAULT_HOURS.closes },
      structuringThreshold:
        typeof threshold === 'number' && Number.isSafeInteger(threshold) && threshold > 0
          ? threshold
          : DEFAULT_STRUCTURING_THRESHOLD,
      authorMayActivate: get(AUTHOR_MAY_ACTIVATE_SETTING) === true,
    };
  }
}
