import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { RulePackReleaseResponse } from '@kotizo/contracts';
import { type RuleSet, type RuleSetProblem, validateRuleSet } from '@kotizo/rules-engine';
import { ENV } from '../../platform/config/config.module.js';
import type { Env } from '../../platform/config/env.schema.js';
import { FederationDatabase } from '../../platform/database/federation-database.js';
import { isoTimestamp } from '../../platform/database/timestamps.js';
import { Conflict, type FieldError, ValidationFailed, fieldError } from '../../platform/errors/app-error.js';
import { type Language, translate } from '../../platform/errors/messages/catalog.js';

export const DEFAULT_PACK = 'default';

/** The rule-set part of a pack file (its fixtures and descriptions stay in `rules/`). */
export function ruleSetOf(pack: Record<string, unknown>): Record<string, unknown> {
  return { pack: pack['pack'], packVersion: pack['packVersion'], rules: pack['rules'] };
}

/**
 * A problem of a rule set in the caller's language, from its code and params (every code of the
 * rules engine is a field code of the catalog: the compiler checks it here). An operator's value
 * that came from a parameter says which.
 */
export function sayRuleSetProblem(problem: RuleSetProblem, language: Language): string {
  const said = translate(language, 'field', problem.code, problem.params);
  const param = problem.params['param'];
  if (!problem.code.startsWith('value_') || typeof param !== 'string') return said;
  return `${said} ${translate(language, 'ruleSet', 'value_from_param', { param })}`;
}

/**
 * A rule set's problems as a 422, one entry per JSON pointer. Several problems at one pointer
 * are joined in its message, as the other field errors are; the code and params are the first one's.
 */
export function problemsAsFields(problems: readonly RuleSetProblem[]): ValidationFailed {
  const byField = new Map<string, RuleSetProblem[]>();
  for (const problem of problems) {
    const field = problem.path || '/';
    byField.set(field, [...(byField.get(field) ?? []), problem]);
  }
  const errors = [...byField].map(([field, [first, ...others]]): FieldError => ({
    field,
    code: first!.code,
    ...(Object.keys(first!.params).length > 0 ? { params: first!.params } : {}),
    say: (language) => [...new Set([first!, ...others].map((p) => sayRuleSetProblem(p, language)))].join('; '),
  }));
  return new ValidationFailed(errors, { detail: 'rule_set_problems' });
}

interface ReleaseRow {
  pack: string;
  version: string;
  rule_set: RuleSet;
  published_by: string | null;
  published_at: string;
}

/**
 * The audit rule packs: those shipped in `rules/` and the updates the
 * federation publishes. Shipped packs are published when the API starts (a
 * version already there is left alone), so every cooperative installs and
 * compares against the same releases.
 */
@Injectable()
export class RulePackCatalog implements OnApplicationBootstrap {
  private readonly logger = new Logger(RulePackCatalog.name);
  private shippedPacks: RuleSet[] | null = null;

  constructor(
    @Inject(ENV) private readonly env: Env,
    private readonly db: FederationDatabase,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.publishShipped();
  }

  /** The packs in RULES_DIR, validated: a broken pack stops the start instead of reaching a cooperative. */
  shipped(): RuleSet[] {
    if (this.shippedPacks) return this.shippedPacks;
    const dir = resolve(this.env.RULES_DIR);
    if (!existsSync(dir)) {
      throw new Error(`RULES_DIR: no folder of rule packs at ${dir} (run from the project root, or set RULES_DIR)`);
    }
    const files = readdirSync(dir).filter((f) => f.endsWith('.json'));
    this.shippedPacks = files.map((file) => {
      const result = validateRuleSet(ruleSetOf(JSON.parse(readFileSync(join(dir, file), 'utf8'))));
      if (!result.ok) {
        const first = result.problems[0]!;
        throw new Error(`Rule pack ${file} is invalid: ${first.path} ${first.message}`);
      }
      return result.ruleSet;
    });
    return this.shippedPacks;
  }

  async publishShipped(): Promise<void> {
    for (const pack of this.shipped()) {
      await this.db.em().execute(
        `insert into federation.rule_pack_releases (pack, version, rule_set) values (?, ?, ?)
           on conflict (pack, version) do nothing`,
        [pack.pack, pack.packVersion, JSON.stringify(pack)],
      );
    }
    this.logger.log({ packs: this.shipped().map((p) => `${p.pack}@${p.packVersion}`) }, 'rule packs published');
  }

  /** The newest release of a pack (the shipped file when nothing is published yet). */
  async latest(pack: string, em: EntityManager = this.db.em()): Promise<RuleSet | null> {
    const [row] = await em.execute<ReleaseRow[]>(
      `select rule_set from federation.rule_pack_releases where pack = ? order by published_at desc, version desc limit 1`,
      [pack],
    );
    return row?.rule_set ?? this.shipped().find((p) => p.pack === pack) ?? null;
  }

  async release(pack: string, version: string): Promise<RuleSet | null> {
    const [row] = await this.db
      .em()
      .execute<ReleaseRow[]>('select rule_set from federation.rule_pack_releases where pack = ? and version = ?', [
        pack,
        version,
      ]);
    return row?.rule_set ?? null;
  }

  async releases(): Promise<RulePackReleaseResponse[]> {
    const rows = await this.db.em().execute<ReleaseRow[]>(
      `select pack, version, rule_set, published_by, published_at from federation.rule_pack_releases
          order by pack, published_at desc`,
    );
    return rows.map((r) => ({
      pack: r.pack,
      version: r.version,
      ruleCount: r.rule_set.rules.length,
      publishedBy: r.published_by,
      publishedAt: isoTimestamp(r.published_at),
    }));
  }

  /** A federation publishes a new version of a pack; cooperatives then see it as an update to adopt. */
  async publish(input: Record<string, unknown>, userId: string): Promise<RulePackReleaseResponse> {
    const result = validateRuleSet(ruleSetOf(input));
    if (!result.ok) throw problemsAsFields(result.problems);
    const set = result.ruleSet;
    const [row] = await this.db.em().execute<ReleaseRow[]>(
      `insert into federation.rule_pack_releases (pack, version, rule_set, published_by) values (?, ?, ?, ?)
       on conflict (pack, version) do nothing
       returning pack, version, rule_set, published_by, published_at`,
      [set.pack, set.packVersion, JSON.stringify(set), userId],
    );
    if (!row) {
      throw new Conflict('pack_version_exists', {
        params: { version: set.packVersion, pack: set.pack },
        errors: [fieldError('pack.packVersion', 'pack_version_published')],
      });
    }
    return {
      pack: row.pack,
      version: row.version,
      ruleCount: set.rules.length,
      publishedBy: row.published_by,
      publishedAt: isoTimestamp(row.published_at),
    };
  }
}
