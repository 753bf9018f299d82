import { ownMemberScope } from '../../platform/authorization/own-records.js';
import { isUuid } from '../../platform/validation/uuid.js';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/postgresql';
import type {
  BalancesResponse,
  LedgerVerification,
  ListTransactionsQuery,
  MemberSummaryResponse,
  Page,
  RecordTransactionRequest,
  ReverseTransactionRequest,
  TransactionResponse,
} from '@kotizo/contracts';
import { localDate } from '@kotizo/domain';
import { TenantDatabase } from '../../platform/database/tenant-database.js';
import { AppError, Conflict, NotFound, ValidationFailed, fieldError } from '../../platform/errors/app-error.js';
import {
  IdempotentWrites,
  requestFingerprint,
  type WriteResult,
} from '../../platform/idempotency/idempotent-writes.js';
import type { TenantRequestContext } from '../../platform/tenancy/tenant-context.js';
import { MembersRepository } from '../members/members.repository.js';
import { MovementAuditor } from '../audit/movement-auditor.js';
import { entryHash, GENESIS_HASH } from './ledger-hash.js';
import { LedgerRepository, sealedFromRow } from './ledger.repository.js';
import { toTransactionResponse } from './transaction.mapper.js';

const MONEY_IN = new Set(['contribution', 'penalty', 'income', 'repayment']);

/**
 * Records money movements in the append-only, hash-chained journal, and
 * reads balances from it. Nothing is edited: a mistake is reversed.
 */
@Injectable()
export class LedgerService {
  constructor(
    private readonly db: TenantDatabase,
    private readonly ledger: LedgerRepository,
    private readonly members: MembersRepository,
    private readonly writes: IdempotentWrites,
    private readonly auditor: MovementAuditor,
  ) {}

  /** The rules check each new movement once it is committed; a replayed answer was checked the first time. */
  private async checked<T extends { id: string }>(
    ctx: TenantRequestContext,
    result: WriteResult<T>,
  ): Promise<WriteResult<T>> {
    if (!result.replayed) await this.auditor.afterWrite(ctx.tenant, [result.body.id]);
    return result;
  }

  async record(
    ctx: TenantRequestContext,
    request: RecordTransactionRequest,
    key: string | null,
  ): Promise<WriteResult<TransactionResponse>> {
    const result = await this.writes.run(
      ctx.tenant,
      key,
      requestFingerprint('transaction.record', request),
      async (tx) => {
        if (request.memberId) await this.requireMember(tx, request.memberId);
        const direction =
          request.kind === 'adjustment' ? (request.direction === 'in' ? 1 : -1) : MONEY_IN.has(request.kind) ? 1 : -1;
        const today = localDate(new Date(), ctx.tenant.timeZone);
        if (request.occurredOn && request.occurredOn > today) {
          throw new ValidationFailed([fieldError('occurredOn', 'in_future')]);
        }
        const row = await this.ledger.append(tx, {
          kind: request.kind,
          direction,
          amount: request.amount,
          currency: ctx.tenant.currency,
          memberId: request.memberId ?? null,
          loanId: null,
          category: request.kind === 'expense' ? request.category : null,
          channel: request.channel,
          externalRef: request.externalRef ?? null,
          memo: request.memo ?? null,
          occurredOn: request.occurredOn ?? today,
          recordedBy: ctx.principal.userId,
          reversesId: null,
          reason: null,
        });
        return toTransactionResponse(row);
      },
    );
    return this.checked(ctx, result);
  }

  async reverse(
    ctx: TenantRequestContext,
    id: string,
    request: ReverseTransactionRequest,
    key: string | null,
  ): Promise<WriteResult<TransactionResponse>> {
    if (!isUuid(id)) throw new NotFound('transaction');
    const result = await this.writes.run(
      ctx.tenant,
      key,
      requestFingerprint(`transaction.reverse:${id}`, request),
      async (tx) => {
        // Lock the original so two reversals cannot race; the unique reverses_id backs this up.
        const [locked] = await tx.execute<{ id: string }[]>('select id from transactions where id = ? for update', [
          id,
        ]);
        const original = locked ? await this.ledger.find(tx, id) : null;
        if (!original) throw new NotFound('transaction');
        if (original.kind === 'reversal') throw new Conflict('cannot_reverse_reversal');
        if (original.reversed_by_id) throw new Conflict('already_reversed');
        if (original.kind === 'loan_disbursement') {
          throw new Conflict('reverse_loan_disbursement');
        }
        const row = await this.ledger.append(tx, {
          kind: 'reversal',
          direction: -Number(original.direction),
          amount: Number(original.amount),
          currency: original.currency.trim(),
          memberId: original.member_id,
          loanId: original.loan_id,
          category: original.category,
          channel: original.channel,
          externalRef: null,
          memo: null,
          occurredOn: localDate(new Date(), ctx.tenant.timeZone),
          recordedBy: ctx.principal.userId,
          reversesId: original.id,
          reason: request.reason,
        });
        if (original.kind === 'repayment' && original.loan_id) {
          // A repayment taken back reopens a loan it had closed.
          await tx.execute(`update loans set status = 'disbursed' where id = ? and status = 'closed'`, [
            original.loan_id,
          ]);
        }
        return toTransactionResponse(row);
      },
    );
    return this.checked(ctx, result);
  }

  async list(ctx: TenantRequestContext, query: ListTransactionsQuery): Promise<Page<TransactionResponse>> {
    const own = this.ownMember(ctx);
    if (own === null) return { items: [], total: 0, limit: query.limit, offset: query.offset };
    const { items, total } = await this.db.read(ctx.tenant, (em) => this.ledger.list(em, query, own));
    return { items: items.map(toTransactionResponse), total, limit: query.limit, offset: query.offset };
  }

  async get(ctx: TenantRequestContext, id: string): Promise<TransactionResponse> {
    const row = isUuid(id) ? await this.db.read(ctx.tenant, (em) => this.ledger.find(em, id)) : null;
    const own = this.ownMember(ctx);
    if (!row || (own !== undefined && row.member_id !== own)) throw new NotFound('transaction');
    return toTransactionResponse(row);
  }

  balances(ctx: TenantRequestContext): Promise<BalancesResponse> {
    return this.db.read(ctx.tenant, async (em) => {
      const net = await this.ledger.netByKind(em);
      return {
        currency: ctx.tenant.currency,
        cash: await this.ledger.cash(em),
        contributions: net.get('contribution') ?? 0,
        expenses: net.get('expense') ?? 0,
        income: net.get('income') ?? 0,
        penalties: net.get('penalty') ?? 0,
      };
    });
  }

  async memberSummary(ctx: TenantRequestContext, memberId: string): Promise<MemberSummaryResponse> {
    const own = this.ownMember(ctx);
    if (own !== undefined && own !== memberId) throw new NotFound('member');
    return this.db.read(ctx.tenant, async (em) => {
      if (!isUuid(memberId) || !(await this.members.find(em, memberId))) throw new NotFound('member');
      const net = await this.ledger.netByKind(em, memberId);
      return {
        memberId,
        currency: ctx.tenant.currency,
        savings: net.get('contribution') ?? 0,
        penalties: net.get('penalty') ?? 0,
      };
    });
  }

  /** Recomputes every hash from the first entry; names the first link that does not hold. */
  verify(ctx: TenantRequestContext): Promise<LedgerVerification> {
    return this.db.read(ctx.tenant, (em) => this.verifyChain(em));
  }

  private async verifyChain(em: EntityManager): Promise<LedgerVerification> {
    let previous = GENESIS_HASH;
    let expectedSeq = 1;
    let checked = 0;
    for await (const row of this.ledger.chain(em)) {
      const expected = entryHash(previous, sealedFromRow(row));
      if (Number(row.seq) !== expectedSeq || row.prev_hash !== previous || row.hash !== expected) {
        return { ok: false, checked, firstBroken: { seq: Number(row.seq), id: row.id, expected, actual: row.hash } };
      }
      previous = row.hash;
      expectedSeq += 1;
      checked += 1;
    }
    const head = await this.ledger.head(em);
    if (head.seq !== checked || head.hash !== previous) {
      // Entries were removed from the end (or the head was moved): the chain is shorter than recorded.
      return { ok: false, checked, firstBroken: { seq: checked + 1, id: '', expected: head.hash, actual: previous } };
    }
    return { ok: true, checked, firstBroken: null };
  }

  /** Undefined: sees every entry; a member id: only that member's; null: nothing. */
  private ownMember(ctx: TenantRequestContext): string | null | undefined {
    return ownMemberScope(ctx, 'Transaction');
  }

  private async requireMember(tx: EntityManager, memberId: string): Promise<void> {
    const member = await this.members.find(tx, memberId);
    if (!member) throw new ValidationFailed([fieldError('memberId', 'not_a_member')]);
    if (member.status === 'exited') {
      throw new AppError(422, 'member_exited', { errors: [fieldError('memberId', 'member_left')] });
    }
  }
}
