import { Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/postgresql';
import { isoDateField, penaltyPolicyRequest, type PenaltyPolicyRequest } from '@kotizo/contracts';
import type { IsoDate, LatePenaltyPolicy } from '@kotizo/domain';

export const PENALTY_POLICY_SETTING = 'loans.penaltyPolicy';

/** Off: penalties are charged by hand until an admin turns the policy on. The terms are a starting point. */
export const DEFAULT_PENALTY_POLICY: LatePenaltyPolicy = {
  enabled: false,
  charge: { kind: 'rate', basisPoints: 200 },
  period: 'month',
  graceDays: 7,
  cap: { kind: 'rate', basisPoints: 2_000 },
  effectiveFrom: null,
};

const stored = penaltyPolicyRequest.extend({ effectiveFrom: isoDateField.nullable() });

/** The same terms (the date they took effect aside). */
function sameTerms(a: PenaltyPolicyRequest, b: PenaltyPolicyRequest): boolean {
  const terms = (p: PenaltyPolicyRequest) =>
    JSON.stringify([p.enabled, p.charge, p.period, p.graceDays, p.cap], (_key, value: unknown) =>
      value && typeof value === 'object' && !Array.isArray(value)
        ? Object.fromEntries(Object.entries(value).sort(([x], [y]) => x.localeCompare(y)))
        : value,
    );
  return terms(a) === terms(b);
}

/** The cooperative's automatic penalty policy, kept in its settings. */
@Injectable()
export class PenaltyPolicySettings {
  private readonly logger = new Logger(PenaltyPolicySettings.name);

  /** The policy in force; the default (off) when never set, or when what is stored does not read (never guess terms). */
  async read(em: EntityManager): Promise<LatePenaltyPolicy> {
    const [row] = await em.execute<{ value: unknown }[]>('select value from settings where key = ?', [
      PENALTY_POLICY_SETTING,
    ]);
    if (row === undefined) return DEFAULT_PENALTY_POLICY;
    const parsed = stored.safeParse(row.value);
    if (parsed.success) return parsed.data;
    this.logger.warn(
      { fields: parsed.error.issues.map((i) => i.path.join('.')) },
      'stored penalty policy unreadable; treated as off',
    );
    return DEFAULT_PENALTY_POLICY;
  }

  /**
   * Stores new terms. They take effect on `today` (periods that started
   * earlier are not charged under them); terms saved unchanged keep their date.
   */
  async save(tx: EntityManager, request: PenaltyPolicyRequest, today: IsoDate): Promise<LatePenaltyPolicy> {
    const current = await this.read(tx);
    const unchanged = current.effectiveFrom !== null && sameTerms(current, request);
    const policy: LatePenaltyPolicy = {
      ...request,
      effectiveFrom: !request.enabled ? null : unchanged ? current.effectiveFrom : today,
    };
    await tx.execute(
      `insert into settings (key, value) values (?, ?)
       on conflict (key) do update set value = excluded.value, updated_at = now()`,
      [PENALTY_POLICY_SETTING, JSON.stringify(policy)],
    );
    return policy;
  }
}
