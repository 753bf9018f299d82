import { Injectable } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/postgresql';
import { type CompiledRuleSet, compileRuleSet, type RuleSet } from '@kotizo/rules-engine';
import type { TenantContext } from '../../platform/tenancy/tenant-context.js';
import { DEFAULT_PACK, RulePackCatalog } from './rule-packs.js';
import { RuleSetsRepository } from './rule-sets.repository.js';

export interface ActiveRules {
  version: number;
  ruleSet: RuleSet;
  compiled: CompiledRuleSet;
}

const CACHE_SIZE = 2_000;

/**
 * The active rule set of a cooperative, compiled once per version. A write
 * costs one indexed read of the active version number; the set itself is
 * read and compiled only the first time a process sees that version.
 */
@Injectable()
export class ActiveRulesProvider {
  private readonly cache = new Map<string, ActiveRules>();

  constructor(
    private readonly repository: RuleSetsRepository,
    private readonly catalog: RulePackCatalog,
  ) {}

  async get(em: EntityManager, tenant: TenantContext): Promise<ActiveRules> {
    let version = await this.repository.activeVersion(em);
    if (version === null) version = await this.install(em);
    return this.compiled(em, tenant, version);
  }

  async compiled(em: EntityManager, tenant: TenantContext, version: number): Promise<ActiveRules> {
    const key = `${tenant.cooperativeId}:${version}`;
    const hit = this.cache.get(key);
    if (hit) return hit;
    const row = await this.repository.version(em, version);
    if (!row) throw new Error(`Rule set version ${version} is missing`);
    const entry = { version, ruleSet: row.rule_set, compiled: compileRuleSet(row.rule_set) };
    if (this.cache.size >= CACHE_SIZE) this.cache.delete(this.cache.keys().next().value!);
    this.cache.set(key, entry);
    return entry;
  }

  /**
   * Installs the default pack as version 1. Runs at provisioning, and on first
   * use for a cooperative created before the rules existed.
   */
  async install(tx: EntityManager): Promise<number> {
    const pack = await this.catalog.latest(DEFAULT_PACK, tx);
    if (!pack) throw new Error('The default rule pack is missing');
    await tx.execute('select 1 from rule_state where id = 1 for update');
    const current = await this.repository.activeVersion(tx);
    if (current !== null) return current;
    return this.repository.activate(tx, {
      source: 'install',
      ruleSet: pack,
      authorId: null,
      by: null,
      note: `${pack.pack} ${pack.packVersion}`,
    });
  }
}
