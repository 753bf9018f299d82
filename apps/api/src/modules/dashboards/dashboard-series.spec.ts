import { series } from './dashboard.service.js';

describe('dashboard series', () => {
  it('puts each kind in its bucket and carries the cash balance across empty buckets', () => {
    const buckets = series(
      [
        { start: '2025-01-01', end: '2025-01-31', kind: 'contribution', amount: 10_000, cash: 10_000 },
        { start: '2025-01-01', end: '2025-01-31', kind: 'expense', amount: 2_500, cash: -2_500 },
        { start: '2025-02-01', end: '2025-02-28', kind: null, amount: 0, cash: 0 },
        { start: '2025-03-01', end: '2025-03-15', kind: 'adjustment', amount: 300, cash: -300 },
        { start: '2025-03-01', end: '2025-03-15', kind: 'loan_disbursement', amount: 5_000, cash: -5_000 },
      ],
      1_000,
    );
    expect(buckets.map((b) => [b.start, b.end, b.contributions, b.expenses, b.loansDisbursed, b.cash])).toEqual([
      ['2025-01-01', '2025-01-31', 10_000, 2_500, 0, 8_500],
      ['2025-02-01', '2025-02-28', 0, 0, 0, 8_500],
      ['2025-03-01', '2025-03-15', 0, 0, 5_000, 3_200],
    ]);
  });
});
