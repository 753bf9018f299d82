import { Injectable } from '@nestjs/common';
import type { AssistantPorts, MemberProfile, SimilarMovementsQuery } from '@kotizo/agent';
import type {
  BalancesResponse,
  CaseDetailResponse,
  CaseSummaryResponse,
  DuesOverviewResponse,
  FindingResponse,
  LoanResponse,
  MemberDuesResponse,
  TransactionResponse,
} from '@kotizo/contracts';
import type { RuleDefinition, RuleSet } from '@kotizo/rules-engine';
import { ownMemberScope } from '../../platform/authorization/own-records.js';
import { FederationDatabase } from '../../platform/database/federation-database.js';
import { TenantDatabase } from '../../platform/database/tenant-database.js';
import { AppError } from '../../platform/errors/app-error.js';
import type { TenantRequestContext } from '../../platform/tenancy/tenant-context.js';
import { isUuid } from '../../platform/validation/uuid.js';
import { CasesService } from '../audit/cases.service.js';
import { DuesService } from '../dues/dues.service.js';
import type { TransactionRow } from '../ledger/ledger.repository.js';
import { LedgerService } from '../ledger/ledger.service.js';
import { toTransactionResponse } from '../ledger/transaction.mapper.js';
import { LoansService } from '../loans/loans.service.js';
import { MembersService } from '../members/members.service.js';

const MAX_LIST = 500;

/** A record the caller may not see reads as absent, exactly like one that does not exist. */
async function orNull<T>(work: () => Promise<T>): Promise<T | null> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof AppError && [403, 404, 409].includes(error.status)) return null;
    throw error;
  }
}

/**
 * The agent's read-only view of one cooperative, through the same services
 * as the API's routes and with the caller's rights: the tenant comes from the
 * request or job context, never from what a model asks, and a member asking
 * the assistant sees their own records only.
 */
@Injectable()
export class AgentPortsFactory {
  constructor(
    private readonly federation: FederationDatabase,
    private readonly db: TenantDatabase,
    private readonly ledger: LedgerService,
    private readonly members: MembersService,
    private readonly loans: LoansService,
    private readonly dues: DuesService,
    private readonly cases: CasesService,
  ) {}

  /** The ports for a request or job context, with the cooperative's name read from the registry. */
  async bound(ctx: TenantRequestContext): Promise<AssistantPorts> {
    const [row] = await this.federation
      .em()
      .execute<{ name: string }[]>('select name from federation.cooperatives where id = ?', [ctx.tenant.cooperativeId]);
    return this.for(ctx, row?.name ?? ctx.tenant.slug);
  }

  for(ctx: TenantRequestContext, name: string): AssistantPorts {
    const { tenant } = ctx;
    const own = ownMemberScope(ctx, 'Transaction');
    const visible = (memberId: string | null): boolean => own === undefined || (own !== null && memberId === own);
    const rows = (sql: string, params: unknown[]) =>
      this.db.read(tenant, (em) => em.execute<TransactionRow[]>(sql, params));
    const columns = `t.id, t.seq, t.kind, t.direction, t.amount, t.currency, t.member_id, t.loan_id, t.category,
      t.channel, t.external_ref, t.memo, to_char(t.occurred_on, 'YYYY-MM-DD') as occurred_on, t.recorded_by,
      t.recorded_at, t.reverses_id, (select r.id from transactions r where r.reverses_id = t.id) as reversed_by_id,
      t.reason, t.prev_hash, t.hash, (select m.full_name from members m where m.id = t.member_id) as member_name`;
    const ownClause = own === undefined ? '' : ' and t.member_id = ?';
    const ownParams = own === undefined ? [] : [own];
    return {
      cooperative: {
        id: tenant.cooperativeId,
        slug: tenant.slug,
        name,
        currency: tenant.currency,
        timeZone: tenant.timeZone,
      },
      getCase: (caseId): Promise<CaseDetailResponse | null> =>
        own !== undefined ? Promise.resolve(null) : orNull(() => this.cases.get(ctx, caseId)),
      getRule: async (ruleId, version): Promise<RuleDefinition | null> => {
        if (own !== undefined || !Number.isSafeInteger(version)) return null;
        const [row] = await this.db.read(tenant, (em) =>
          em.execute<{ rule_set: RuleSet }[]>('select rule_set from rule_set_versions where version = ?', [version]),
        );
        return row?.rule_set.rules.find((r) => r.id === ruleId) ?? null;
      },
      getMember: (memberId): Promise<MemberProfile | null> =>
        orNull(async () => {
          const member = await this.members.get(ctx, memberId);
          const summary = await this.ledger.memberSummary(ctx, memberId);
          return { ...member, savings: summary.savings, penalties: summary.penalties };
        }),
      listMemberMovements: async (memberId, query): Promise<TransactionResponse[]> => {
        if (!isUuid(memberId) || !visible(memberId)) return [];
        const page = await this.ledger.list(ctx, {
          memberId,
          limit: Math.min(Math.max(query.limit, 1), 100),
          offset: 0,
        });
        return page.items;
      },
      getTransactions: async (ids): Promise<TransactionResponse[]> => {
        const valid = ids.filter(isUuid).slice(0, MAX_LIST);
        if (valid.length === 0) return [];
        const found = await rows(`select ${columns} from transactions t where t.id in (?)${ownClause}`, [
          valid,
          ...ownParams,
        ]);
        return found.map(toTransactionResponse);
      },
      getLoan: (loanId): Promise<LoanResponse | null> => orNull(() => this.loans.get(ctx, loanId)),
      findSimilarMovements: async (query: SimilarMovementsQuery): Promise<TransactionResponse[]> => {
        if (!isUuid(query.transactionId)) return [];
        const window = Math.min(Math.max(Math.trunc(query.windowDays), 0), 365);
        const limit = Math.min(Math.max(Math.trunc(query.limit), 1), 100);
        const found = await rows(
          `select ${columns} from transactions t join transactions x on x.id = ?
            where t.id <> x.id and t.kind = x.kind
              and t.occurred_on between x.occurred_on - ? and x.occurred_on + ?
              and (t.amount between x.amount * 0.9 and x.amount * 1.1
                   or (x.external_ref is not null and t.external_ref = x.external_ref))${ownClause}
            order by t.seq desc limit ?`,
          [query.transactionId, window, window, ...ownParams, limit],
        );
        return found.map(toTransactionResponse);
      },
      getMemberDues: (memberId): Promise<MemberDuesResponse | null> => orNull(() => this.dues.forMember(ctx, memberId)),
      listMovements: async (query): Promise<TransactionResponse[]> => {
        const found = await rows(
          `select ${columns} from transactions t where t.occurred_on between ? and ?${ownClause}
            order by t.seq limit 20000`,
          [query.from, query.to, ...ownParams],
        );
        return found.map(toTransactionResponse);
      },
      getBalances: async (asOf): Promise<BalancesResponse> => {
        const [row] = await this.db.read(tenant, (em) =>
          em.execute<Record<string, string | null>[]>(
            `select coalesce(sum(t.direction * t.amount), 0) as cash,
                    coalesce(sum(case when coalesce(o.kind, t.kind) = 'contribution'
                                      then (case when t.kind = 'reversal' then -t.amount else t.amount end) end), 0) as contributions,
                    coalesce(sum(case when coalesce(o.kind, t.kind) = 'expense'
                                      then (case when t.kind = 'reversal' then -t.amount else t.amount end) end), 0) as expenses,
                    coalesce(sum(case when coalesce(o.kind, t.kind) = 'income'
                                      then (case when t.kind = 'reversal' then -t.amount else t.amount end) end), 0) as income,
                    coalesce(sum(case when coalesce(o.kind, t.kind) = 'penalty'
                                      then (case when t.kind = 'reversal' then -t.amount else t.amount end) end), 0) as penalties
               from transactions t left join transactions o on o.id = t.reverses_id
              where t.occurred_on <= ?${ownClause}`,
            [asOf, ...ownParams],
          ),
        );
        return {
          currency: tenant.currency,
          cash: Number(row?.['cash'] ?? 0),
          contributions: Number(row?.['contributions'] ?? 0),
          expenses: Number(row?.['expenses'] ?? 0),
          income: Number(row?.['income'] ?? 0),
          penalties: Number(row?.['penalties'] ?? 0),
        };
      },
      getDuesOverview: async (asOf): Promise<DuesOverviewResponse> => {
        const overview = await orNull(() => this.dues.overview(ctx));
        const empty: DuesOverviewResponse = { currency: tenant.currency, asOf, members: [] };
        if (!overview) return empty;
        return own === undefined
          ? overview
          : { ...overview, members: overview.members.filter((m) => m.memberId === own) };
      },
      listOpenCases: async (): Promise<CaseSummaryResponse[]> => {
        if (own !== undefined) return [];
        const page = await orNull(() => this.cases.list(ctx, { status: 'active', limit: 100, offset: 0 }));
        return page?.items ?? [];
      },
      listFindings: async (query): Promise<FindingResponse[]> => {
        if (own !== undefined) return [];
        const ids = await this.db.read(tenant, (em) =>
          em.execute<{ case_id: string }[]>(
            `select distinct case_id from findings where first_seen_at::date between ? and ? limit 200`,
            [query.from, query.to],
          ),
        );
        const findings: FindingResponse[] = [];
        for (const { case_id } of ids) {
          const detail = await orNull(() => this.cases.get(ctx, case_id));
          for (const f of detail?.findings ?? []) {
            const day = f.firstSeenAt.slice(0, 10);
            if (day >= query.from && day <= query.to) findings.push(f);
          }
        }
        return findings;
      },
    };
  }
}
