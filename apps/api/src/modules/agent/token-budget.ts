import { Inject, Injectable } from '@nestjs/common';
import type { TokenBudget, UsageRecord } from '@kotizo/agent';
import { ENV } from '../../platform/config/config.module.js';
import type { Env } from '../../platform/config/env.schema.js';
import { TenantDatabase } from '../../platform/database/tenant-database.js';
import type { TenantContext } from '../../platform/tenancy/tenant-context.js';

export const BUDGET_SETTING = 'ai.monthlyTokenBudget';

const month = (): string => new Date().toISOString().slice(0, 7);

/**
 * Each cooperative's monthly AI token budget: the usage rows of the month
 * against the cooperative's setting (or the deployment's default). The agent
 * checks it before every model call: a hard stop with a clear message.
 */
@Injectable()
export class TenantTokenBudgets {
  constructor(
    private readonly db: TenantDatabase,
    @Inject(ENV) private readonly env: Env,
  ) {}

  for(tenant: TenantContext): TokenBudget {
    return {
      usedThisMonth: () => this.used(tenant),
      monthlyLimit: () => this.limit(tenant),
      record: (usage: UsageRecord) =>
        this.db
          .transactional(tenant, (tx) =>
            tx.execute(
              'insert into ai_usage (month, model, purpose, input_tokens, output_tokens) values (?, ?, ?, ?, ?)',
              [usage.at.slice(0, 7), usage.model, usage.purpose, usage.inputTokens, usage.outputTokens],
            ),
          )
          .then(() => undefined),
    };
  }

  async used(tenant: TenantContext): Promise<number> {
    const [row] = await this.db.read(tenant, (em) =>
      em.execute<{ n: string | null }[]>(
        'select sum(input_tokens + output_tokens) as n from ai_usage where month = ?',
        [month()],
      ),
    );
    return Number(row?.n ?? 0);
  }

  async limit(tenant: TenantContext): Promise<number | null> {
    const [row] = await this.db.read(tenant, (em) =>
      em.execute<{ value: unknown }[]>('select value from settings where key = ?', [BUDGET_SETTING]),
    );
    const value = typeof row?.value === 'number' ? row.value : this.env.AI_MONTHLY_TOKEN_BUDGET;
    return value > 0 ? value : null;
  }

  month(): string {
    return month();
  }
}
