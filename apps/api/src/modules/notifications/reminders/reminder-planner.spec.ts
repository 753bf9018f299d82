import { buildSchedule } from '@kotizo/domain';
import { planReminders, type ReminderInput } from './reminder-planner.js';

/** A fixed calendar: today is Wednesday 2026-03-11. */
const today = '2026-03-11';
const monthly = { amount: 5_000, frequency: 'monthly' as const, dueDay: 13, startDate: '2026-01-01', graceDays: 3 };

function input(overrides: Partial<ReminderInput>): ReminderInput {
  return { today, daysBefore: 3, lateReminders: true, plan: monthly, members: [], loans: [], ...overrides };
}

describe('planReminders', () => {
  it('reminds of a due coming within the days set, with what is left to pay', () => {
    const reminders = planReminders(
      input({
        members: [
          {
            memberId: 'm1',
            joinedOn: '2026-01-01',
            overrideAmount: null,
            // January and February paid, 1,000 towards March already.
            contributions: [
              { date: '2026-01-10', amount: 5_000 },
              { date: '2026-02-12', amount: 5_000 },
              { date: '2026-03-01', amount: 1_000 },
            ],
          },
        ],
      }),
    );
    expect(reminders).toEqual([
      {
        kind: 'due.upcoming',
        memberId: 'm1',
        ref: '2026-03-13',
        dueOn: '2026-03-13',
        amount: 4_000,
        loanId: null,
        installmentNumber: null,
      },
    ]);
  });

  it('says nothing of a due further away than the days set, or already paid', () => {
    const paid = { memberId: 'm1', joinedOn: '2026-01-01', overrideAmount: null };
    const contributions = [
      { date: '2026-01-10', amount: 5_000 },
      { date: '2026-02-12', amount: 5_000 },
    ];
    expect(planReminders(input({ daysBefore: 1, members: [{ ...paid, contributions }] }))).toEqual([]);
    expect(
      planReminders(
        input({ members: [{ ...paid, contributions: [...contributions, { date: today, amount: 5_000 }] }] }),
      ),
    ).toEqual([]);
  });

  it('sends one late reminder, for the latest late period, with everything late', () => {
    const reminders = planReminders(
      input({
        daysBefore: 0,
        members: [{ memberId: 'm2', joinedOn: '2025-12-01', overrideAmount: 4_000, contributions: [] }],
      }),
    );
    // January 13 and February 13 are past their three days of grace; March 13 is not due yet.
    expect(reminders).toEqual([
      expect.objectContaining({
        kind: 'due.late',
        memberId: 'm2',
        ref: '2026-02-13',
        dueOn: '2026-02-13',
        amount: 8_000,
      }),
    ]);
  });

  it('counts a due within its grace days as coming, not late', () => {
    const reminders = planReminders(
      input({
        today: '2026-03-14',
        members: [{ memberId: 'm3', joinedOn: '2026-03-01', overrideAmount: null, contributions: [] }],
      }),
    );
    expect(reminders).toEqual([]);
    expect(
      planReminders(
        input({
          today: '2026-03-13',
          members: [{ memberId: 'm3', joinedOn: '2026-03-01', overrideAmount: null, contributions: [] }],
        }),
      ),
    ).toEqual([expect.objectContaining({ kind: 'due.upcoming', ref: '2026-03-13', amount: 5_000 })]);
  });

  it('reminds of a loan installment coming, and of a late one with the arrears', () => {
    const schedule = buildSchedule({
      principal: 30_000,
      annualRateBasisPoints: 0,
      method: 'flat',
      installments: 3,
      frequency: 'monthly',
      firstDueDate: '2026-02-12',
    });
    const loan = { loanId: 'l1', memberId: 'm4', schedule, payments: [], penalties: [] };
    expect(planReminders(input({ plan: null, loans: [loan] }))).toEqual([
      {
        kind: 'installment.late',
        memberId: 'm4',
        ref: 'l1:1',
        dueOn: '2026-02-12',
        amount: 10_000,
        loanId: 'l1',
        installmentNumber: 1,
      },
      {
        kind: 'installment.upcoming',
        memberId: 'm4',
        ref: 'l1:2',
        dueOn: '2026-03-12',
        amount: 10_000,
        loanId: 'l1',
        installmentNumber: 2,
      },
    ]);
    const repaid = { ...loan, payments: [{ date: '2026-02-12', amount: 10_000 }] };
    expect(planReminders(input({ plan: null, loans: [repaid] })).map((r) => r.kind)).toEqual(['installment.upcoming']);
  });

  it('reminds only of what is coming when the cooperative turned late reminders off', () => {
    const schedule = buildSchedule({
      principal: 30_000,
      annualRateBasisPoints: 0,
      method: 'flat',
      installments: 3,
      frequency: 'monthly',
      firstDueDate: '2026-02-12',
    });
    const behind = {
      members: [{ memberId: 'm5', joinedOn: '2025-12-01', overrideAmount: null, contributions: [] }],
      loans: [{ loanId: 'l2', memberId: 'm5', schedule, payments: [], penalties: [] }],
    };
    expect(planReminders(input(behind)).map((r) => r.kind)).toEqual([
      'due.late',
      'due.upcoming',
      'installment.late',
      'installment.upcoming',
    ]);
    expect(planReminders(input({ ...behind, lateReminders: false }))).toEqual([
      expect.objectContaining({ kind: 'due.upcoming', ref: '2026-03-13', amount: 5_000 }),
      expect.objectContaining({ kind: 'installment.upcoming', ref: 'l2:2', dueOn: '2026-03-12' }),
    ]);
  });

  it('reminds of a due on its very day only, with no days before', () => {
    const member = { memberId: 'm6', joinedOn: '2026-03-01', overrideAmount: null, contributions: [] };
    expect(planReminders(input({ today: '2026-03-12', daysBefore: 0, members: [member] }))).toEqual([]);
    expect(planReminders(input({ today: '2026-03-13', daysBefore: 0, members: [member] }))).toEqual([
      expect.objectContaining({ kind: 'due.upcoming', ref: '2026-03-13' }),
    ]);
  });

  it('has nothing to say without a plan or loans', () => {
    expect(planReminders(input({ plan: null }))).toEqual([]);
  });
});
