import { Injectable } from '@nestjs/common';
import type { MemberStatementQuery } from '@kotizo/contracts';
import { minorUnitDigits } from '@kotizo/domain';
import { ownMemberScope } from '../../platform/authorization/own-records.js';
import { TenantDatabase } from '../../platform/database/tenant-database.js';
import { NotFound, ValidationFailed, fieldError } from '../../platform/errors/app-error.js';
import type { TenantContext, TenantRequestContext } from '../../platform/tenancy/tenant-context.js';
import { isUuid } from '../../platform/validation/uuid.js';
import { signedAmountCell } from './csv-cells.js';
import type { CsvCell, CsvFile } from './csv-export.js';
import { EXPORT_BATCH, type ExportFormat, exportFormat } from './export-format.js';
import { ExportsRepository, type StatementMemberRow } from './exports.repository.js';

const COLUMNS = [
  'date',
  'seq',
  'kind',
  'category',
  'reverses_seq',
  'loan_number',
  'channel',
  'reference',
  'memo',
  'reason',
  'money_in',
  'money_out',
  'savings_balance',
  'currency',
  'recorded_at',
] as const;

interface Statement {
  memberId: string;
  from: string;
  to: string;
  maxSeq: number;
  opening: number;
}

/**
 * One member's statement for a period: an `opening_balance` line (savings
 * from everything dated before `from`), each of the member's movements in
 * date order with the savings balance after it, and a `closing_balance`
 * line. Savings move with contributions and their reversals only; other
 * movements (repayments, fines, loans paid out) are listed with the balance
 * unchanged. Read up to the head of the chain when the export began, like
 * the journal export, so the lines add up to the closing balance.
 */
@Injectable()
export class MemberStatementExport {
  constructor(
    private readonly db: TenantDatabase,
    private readonly exports: ExportsRepository,
  ) {}

  /** A member account gets its own statement only; anyone else's is not found (nor is a member of another cooperative). */
  async file(ctx: TenantRequestContext, memberId: string, query: MemberStatementQuery): Promise<CsvFile> {
    const own = ownMemberScope(ctx, 'Member');
    if ((own !== undefined && own !== memberId) || !isUuid(memberId)) throw new NotFound('member');
    const format = exportFormat(ctx.tenant, query.delimiter);
    const { member, statement } = await this.db.read(ctx.tenant, async (em) => {
      const member = await this.exports.statementMember(em, memberId);
      if (!member) throw new NotFound('member');
      const to = query.to ?? format.today;
      const from = query.from ?? minDate(member.first_day, to);
      if (from > to) throw new ValidationFailed([fieldError('from', 'on_or_before', { date: to })]);
      const maxSeq = await this.exports.lastSeq(em);
      const opening = await this.exports.savingsBefore(em, memberId, from, maxSeq);
      return { member, statement: { memberId, from, to, maxSeq, opening } };
    });
    return {
      filename: `${ctx.tenant.slug}-statement-${member.number}-${statement.from}-${statement.to}`,
      delimiter: format.delimiter,
      columns: COLUMNS,
      rows: this.rows(ctx.tenant, format, member, statement),
    };
  }

  private async *rows(
    tenant: TenantContext,
    format: ExportFormat,
    member: StatementMemberRow,
    statement: Statement,
  ): AsyncGenerator<CsvCell[]> {
    const balance = (minor: number) => signedAmountCell(minor, minorUnitDigits(tenant.currency), format.mark);
    const total = (date: string, kind: string, savings: number): CsvCell[] => [
      date,
      null,
      kind,
      ...Array<null>(9).fill(null),
      balance(savings),
      tenant.currency,
      null,
    ];
    let savings = statement.opening;
    yield total(statement.from, 'opening_balance', savings);
    let after = { day: '0001-01-01', seq: 0 };
    for (;;) {
      const rows = await this.db.read(tenant, (em) =>
        this.exports.statement(em, member.id, { ...statement, timeZone: tenant.timeZone }, after, EXPORT_BATCH),
      );
      for (const r of rows) {
        const amount = Number(r.amount);
        if (r.kind === 'contribution') savings += amount;
        else if (r.kind === 'reversal' && r.reverses_kind === 'contribution') savings -= amount;
        const incoming = Number(r.direction) > 0;
        yield [
          r.occurred_on,
          Number(r.seq),
          r.kind,
          r.category,
          r.reverses_seq === null ? null : Number(r.reverses_seq),
          r.loan_number,
          r.channel,
          r.external_ref,
          r.memo,
          r.reason,
          incoming ? format.money(amount) : null,
          incoming ? null : format.money(amount),
          balance(savings),
          tenant.currency,
          r.recorded_at,
        ];
      }
      if (rows.length < EXPORT_BATCH) break;
      const last = rows.at(-1)!;
      after = { day: last.occurred_on, seq: Number(last.seq) };
    }
    yield total(statement.to, 'closing_balance', savings);
  }
}

function minDate(a: string, b: string): string {
  return a < b ? a : b;
}
