import { allocateRepayment, balanceTotal, type InstallmentBalance } from './repayment-allocation.js';
import { domainErrorCode, installmentBalance } from './testing/builders.js';
import { seededRandom } from './testing/seeded-random.js';

const AS_OF = '2024-03-10';
const first = installmentBalance({ number: 1, dueDate: '2024-01-31', penalty: 500, interest: 1_000, principal: 8_000 });
const second = installmentBalance({
  number: 2,
  dueDate: '2024-02-29',
  penalty: 200,
  interest: 1_000,
  principal: 8_000,
});
const upcoming = installmentBalance({ number: 3, dueDate: '2024-03-31', interest: 1_000, principal: 8_000 });

describe('allocateRepayment', () => {
  it('pays penalty, then interest, then principal', () => {
    expect(allocateRepayment([first], 500, AS_OF).allocations).toEqual([
      { number: 1, dueDate: '2024-01-31', penalty: 500, interest: 0, principal: 0, total: 500 },
    ]);
    expect(allocateRepayment([first], 1_200, AS_OF).allocations).toEqual([
      { number: 1, dueDate: '2024-01-31', penalty: 500, interest: 700, principal: 0, total: 1_200 },
    ]);
    expect(allocateRepayment([first], 2_000, AS_OF).allocations[0]).toMatchObject({
      penalty: 500,
      interest: 1_000,
      principal: 500,
    });
  });

  it('clears the oldest installment completely before the next gets anything', () => {
    const result = allocateRepayment([second, first], 10_000, AS_OF);
    expect(result.allocations).toEqual([
      { number: 1, dueDate: '2024-01-31', penalty: 500, interest: 1_000, principal: 8_000, total: 9_500 },
      { number: 2, dueDate: '2024-02-29', penalty: 200, interest: 300, principal: 0, total: 500 },
    ]);
    expect(result.remaining).toEqual([
      { ...first, penalty: 0, interest: 0, principal: 0 },
      { ...second, penalty: 0, interest: 700 },
    ]);
    expect(result.unallocated).toBe(0);
  });

  it('takes partial payments and continues where the last one stopped', () => {
    const once = allocateRepayment([first, second], 3_000, AS_OF);
    const twice = allocateRepayment(once.remaining, 7_000, AS_OF);
    expect(twice.allocations).toEqual([
      { number: 1, dueDate: '2024-01-31', penalty: 0, interest: 0, principal: 6_500, total: 6_500 },
      { number: 2, dueDate: '2024-02-29', penalty: 200, interest: 300, principal: 0, total: 500 },
    ]);
  });

  it('pays upcoming installments in advance once the due ones are cleared', () => {
    const result = allocateRepayment([first, second, upcoming], 20_000, AS_OF);
    expect(result.allocations.map((a) => [a.number, a.total])).toEqual([
      [1, 9_500],
      [2, 9_200],
      [3, 1_300],
    ]);
    expect(result.allocations[2]).toMatchObject({ interest: 1_000, principal: 300 });
  });

  it('returns what is above the whole outstanding as unallocated, never absorbing it', () => {
    const owed = [first, second, upcoming].reduce((sum, b) => sum + balanceTotal(b), 0);
    const result = allocateRepayment([first, second, upcoming], owed + 2_500, AS_OF);
    expect(result.unallocated).toBe(2_500);
    expect(result.remaining.every((b) => balanceTotal(b) === 0)).toBe(true);
  });

  it('can refuse to prepay: what is above the amount due comes back', () => {
    const result = allocateRepayment([first, second, upcoming], 20_000, AS_OF, { prepayUpcoming: false });
    expect(result.allocations.map((a) => a.number)).toEqual([1, 2]);
    expect(result.unallocated).toBe(20_000 - 9_500 - 9_200);
    expect(result.remaining[2]).toEqual(upcoming);
  });

  it('counts an installment due on asOf as due, not upcoming', () => {
    const dueToday = installmentBalance({ number: 1, dueDate: AS_OF, interest: 100, principal: 900 });
    expect(allocateRepayment([dueToday], 1_000, AS_OF, { prepayUpcoming: false }).unallocated).toBe(0);
  });

  it('does not modify its input', () => {
    const balances = Object.freeze([Object.freeze({ ...first }), Object.freeze({ ...second })]);
    allocateRepayment(balances, 12_000, AS_OF);
    expect(balances[0]).toEqual(first);
  });

  it('refuses a non-positive or fractional amount and a malformed schedule', () => {
    expect(domainErrorCode(() => allocateRepayment([first], 0, AS_OF))).toBe('invalid_amount');
    expect(domainErrorCode(() => allocateRepayment([first], 10.5, AS_OF))).toBe('invalid_amount');
    expect(domainErrorCode(() => allocateRepayment([first, { ...second, number: 1 }], 10, AS_OF))).toBe(
      'invalid_schedule',
    );
    expect(domainErrorCode(() => allocateRepayment([{ ...first, interest: -1 }], 10, AS_OF))).toBe('invalid_amount');
    expect(domainErrorCode(() => allocateRepayment([first], 10, '10/03/2024'))).toBe('invalid_date');
  });

  it('accounts for every franc of 1,000 seeded random payments (property)', () => {
    const random = seededRandom(1_000);
    const problems: string[] = [];
    for (let run = 0; run < 1_000; run += 1) {
      const balances: InstallmentBalance[] = Array.from({ length: random.int(1, 12) }, (_, i) =>
        installmentBalance({
          number: i + 1,
          dueDate: `2024-${String(i + 1).padStart(2, '0')}-15`,
          penalty: random.chance(0.3) ? random.int(0, 5_000) : 0,
          interest: random.int(0, 20_000),
          principal: random.int(0, 200_000),
        }),
      );
      const amount = random.int(1, 2_500_000);
      const result = allocateRepayment(balances, amount, '2024-06-30', { prepayUpcoming: random.chance(0.5) });
      const allocated = result.allocations.reduce((sum, a) => sum + a.total, 0);
      const before = balances.reduce((sum, b) => sum + balanceTotal(b), 0);
      const after = result.remaining.reduce((sum, b) => sum + balanceTotal(b), 0);
      // Settled installments form a prefix: nothing is paid while an older one still owes.
      const firstOwing = result.remaining.findIndex((b) => balanceTotal(b) > 0);
      const paidAfterOwing = result.allocations.some((a) => firstOwing >= 0 && a.number > firstOwing + 1);
      if (allocated + result.unallocated !== amount || before - after !== allocated || paidAfterOwing) {
        problems.push(`run ${run}: amount ${amount}, allocated ${allocated}, unallocated ${result.unallocated}`);
      }
    }
    expect(problems).toEqual([]);
  });
});
