import { scheduleFor } from './loan-view.js';
import type { LoanRow } from './loans.repository.js';

const loan = (over: Partial<LoanRow> = {}): LoanRow => ({
  id: 'l1',
  number: 1,
  member_id: 'm1',
  member_name: 'Awa',
  principal: '90000',
  currency: 'XOF',
  annual_rate_bp: 1200,
  method: 'flat',
  installments: 3,
  frequency: 'monthly',
  purpose: 'Stock',
  status: 'approved',
  requested_by: 'u1',
  requested_at: '2026-01-01T00:00:00Z',
  decided_by: 'u2',
  decision_note: null,
  disbursed_on: null,
  write_off_reason: null,
  ...over,
});

describe('scheduleFor', () => {
  it('counts each monthly due date from the disbursement, so month ends do not drift', () => {
    expect(scheduleFor(loan(), '2026-01-31').map((i) => i.dueDate)).toEqual(['2026-02-28', '2026-03-31', '2026-04-30']);
  });

  it('puts weekly installments 7 days apart from the disbursement', () => {
    expect(scheduleFor(loan({ frequency: 'weekly' }), '2026-11-25').map((i) => i.dueDate)).toEqual([
      '2026-12-02',
      '2026-12-09',
      '2026-12-16',
    ]);
  });
});
