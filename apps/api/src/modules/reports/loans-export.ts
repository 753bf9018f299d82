import { Injectable } from '@nestjs/common';
import type { CsvDelimiter, LoanResponse } from '@kotizo/contracts';
import { TenantDatabase } from '../../platform/database/tenant-database.js';
import type { TenantContext } from '../../platform/tenancy/tenant-context.js';
import { toLoanResponse } from '../loans/loan-view.js';
import { LoansRepository } from '../loans/loans.repository.js';
import { percentCell } from './csv-cells.js';
import type { CsvCell, CsvFile } from './csv-export.js';
import { type ExportFormat, exportFormat } from './export-format.js';
import { ExportsRepository } from './exports.repository.js';

/** Loans carry their schedules and repayments: fewer per batch than other exports. */
const BATCH = 200;

const COLUMNS = [
  'number',
  'member_number',
  'member_name',
  'principal',
  'annual_rate_percent',
  'method',
  'installments',
  'frequency',
  'purpose',
  'status',
  'disbursed_on',
  'total_interest',
  'paid',
  'outstanding_principal',
  'outstanding_total',
  'arrears',
  'penalties_due',
  'days_past_due',
  'write_off_reason',
  'currency',
] as const;

/** Every loan with its state today, computed as the loan page computes it (empty money columns before payout). */
@Injectable()
export class LoansExport {
  constructor(
    private readonly db: TenantDatabase,
    private readonly exports: ExportsRepository,
    private readonly loans: LoansRepository,
  ) {}

  file(tenant: TenantContext, delimiter: CsvDelimiter | undefined): CsvFile {
    const format = exportFormat(tenant, delimiter);
    return {
      filename: `${tenant.slug}-loans-${format.today}`,
      delimiter: format.delimiter,
      columns: COLUMNS,
      rows: this.rows(tenant, format),
    };
  }

  private async *rows(tenant: TenantContext, format: ExportFormat): AsyncGenerator<CsvCell[]> {
    for (let after = 0; ;) {
      const loans = await this.db.read(tenant, async (em) => {
        const rows = await this.exports.loans(em, after, BATCH);
        const ids = rows.map((r) => r.id);
        const [installments, repayments, penalties] = [
          await this.loans.installmentsOf(em, ids),
          await this.loans.repaymentsOf(em, ids),
          await this.loans.penaltiesOf(em, ids),
        ];
        return rows.map((row) => ({
          memberNumber: row.member_number,
          loan: toLoanResponse(row, {
            guarantorIds: [],
            installments: installments.get(row.id) ?? [],
            repayments: repayments.get(row.id) ?? [],
            penalties: penalties.get(row.id) ?? [],
            today: format.today,
          }),
        }));
      });
      for (const { memberNumber, loan } of loans) yield row(loan, memberNumber, format, tenant.currency);
      if (loans.length < BATCH) return;
      after = loans.at(-1)!.loan.number;
    }
  }
}

function row(loan: LoanResponse, memberNumber: number, format: ExportFormat, currency: string): CsvCell[] {
  const p = loan.position;
  const money = (value: number | undefined) => (value === undefined ? null : format.money(value));
  return [
    loan.number,
    memberNumber,
    loan.memberName,
    format.money(loan.principal),
    percentCell(loan.annualRateBasisPoints, format.mark),
    loan.method,
    loan.installments,
    loan.frequency,
    loan.purpose,
    loan.status,
    loan.disbursedOn,
    format.money(loan.totalInterest),
    money(p?.paid),
    money(p?.outstandingPrincipal),
    money(p?.outstandingTotal),
    money(p?.arrears),
    money(p?.penaltiesDue),
    p ? p.daysPastDue : null,
    loan.writeOffReason,
    currency,
  ];
}
