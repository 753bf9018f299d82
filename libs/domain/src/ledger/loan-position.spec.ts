import { addDays } from './iso-date.js';
import { loanPosition } from './loan-position.js';
import { buildSchedule } from './loan-schedule.js';
import { localDate } from './local-date.js';
import { portfolioAtRisk } from './par.js';
import { domainErrorCode, loanTerms } from './testing/builders.js';

// 100 000 F flat at 2 %/month over 3 months, first due 31 January 2024:
// principal 33 333 / 33 333 / 33 334, interest 2 000 each, due Jan 31, Feb 29, Mar 31.
const schedule = buildSchedule(loanTerms({ installments: 3, firstDueDate: '2024-01-31' }));

describe('loanPosition', () => {
  it('shows a fresh loan as upcoming with nothing in arrears', () => {
    const position = loanPosition(schedule, [], '2024-01-10');
    expect(position).toMatchObject({
      outstandingPrincipal: 100_000,
      principalDue: 0,
      interestDue: 0,
      penaltiesDue: 0,
      arrears: 0,
      daysPastDue: 0,
      unallocated: 0,
    });
    expect(position.installments.map((i) => i.status)).toEqual(['upcoming', 'upcoming', 'upcoming']);
  });

  it('is due, not late, on the due date; late with days past due from the next day', () => {
    const onDueDate = loanPosition(schedule, [], '2024-01-31');
    expect(onDueDate).toMatchObject({ arrears: 35_333, principalDue: 33_333, interestDue: 2_000, daysPastDue: 0 });
    expect(onDueDate.installments[0]?.status).toBe('due');
    const nextDay = loanPosition(schedule, [], '2024-02-01');
    expect(nextDay.installments[0]?.status).toBe('late');
    expect(nextDay.daysPastDue).toBe(1);
  });

  it('ages the loan from the oldest unpaid installment', () => {
    const position = loanPosition(schedule, [], '2024-03-10');
    expect(position.daysPastDue).toBe(39);
    expect(position.arrears).toBe(70_666);
    expect(position.installments.map((i) => i.status)).toEqual(['late', 'late', 'upcoming']);
  });

  it('marks a partly paid installment partial before its due date and late after it', () => {
    const payments = [{ date: '2024-01-20', amount: 10_000 }];
    expect(loanPosition(schedule, payments, '2024-01-25').installments[0]).toMatchObject({
      status: 'partial',
      paidInterest: 2_000,
      paidPrincipal: 8_000,
      remaining: 25_333,
    });
    const later = loanPosition(schedule, payments, '2024-02-05');
    expect(later.installments[0]?.status).toBe('late');
    expect(later).toMatchObject({ outstandingPrincipal: 92_000, arrears: 25_333, daysPastDue: 5 });
  });

  it('settles installments on time and moves on to the next one', () => {
    const payments = [
      { date: '2024-01-31', amount: 35_333 },
      { date: '2024-02-28', amount: 35_333 },
    ];
    const position = loanPosition(schedule, payments, '2024-03-01');
    expect(position.installments.map((i) => i.status)).toEqual(['paid', 'paid', 'upcoming']);
    expect(position).toMatchObject({ outstandingPrincipal: 33_334, arrears: 0, daysPastDue: 0 });
  });

  it('pays a penalty first, then interest, then principal', () => {
    const penalties = [{ installmentNumber: 1, assessedOn: '2024-02-05', amount: 1_000 }];
    const position = loanPosition(schedule, [{ date: '2024-02-10', amount: 2_500 }], '2024-02-10', penalties);
    expect(position.installments[0]).toMatchObject({
      penalty: 1_000,
      paidPenalty: 1_000,
      paidInterest: 1_500,
      paidPrincipal: 0,
      status: 'late',
    });
    expect(position).toMatchObject({ penaltiesDue: 0, interestDue: 500, principalDue: 33_333, arrears: 33_833 });
  });

  it('does not pay a penalty charged after the payment with that payment', () => {
    const penalties = [{ installmentNumber: 1, assessedOn: '2024-02-15', amount: 1_000 }];
    const position = loanPosition(schedule, [{ date: '2024-02-10', amount: 2_500 }], '2024-02-20', penalties);
    expect(position.installments[0]).toMatchObject({
      penalty: 1_000,
      paidPenalty: 0,
      paidInterest: 2_000,
      paidPrincipal: 500,
    });
    expect(position.penaltiesDue).toBe(1_000);
  });

  it('reports a penalty left unpaid but does not age the loan for it', () => {
    const penalties = [{ installmentNumber: 1, assessedOn: '2024-02-01', amount: 1_000 }];
    // Paid on 31 Jan before the penalty was charged: the installment itself is settled.
    const position = loanPosition(schedule, [{ date: '2024-01-31', amount: 35_333 }], '2024-02-20', penalties);
    expect(position.installments[0]).toMatchObject({ status: 'paid', remaining: 1_000 });
    expect(position).toMatchObject({ penaltiesDue: 1_000, arrears: 1_000, daysPastDue: 0 });
  });

  it('returns an overpayment as unallocated instead of keeping it', () => {
    const position = loanPosition(schedule, [{ date: '2024-01-15', amount: 110_000 }], '2024-04-01');
    expect(position.installments.every((i) => i.status === 'paid')).toBe(true);
    expect(position).toMatchObject({ outstandingPrincipal: 0, unallocated: 4_000 });
  });

  it('ignores payments and penalties dated after asOf', () => {
    const position = loanPosition(schedule, [{ date: '2024-02-02', amount: 35_333 }], '2024-02-01', [
      { installmentNumber: 1, assessedOn: '2024-02-02', amount: 500 },
    ]);
    expect(position).toMatchObject({ daysPastDue: 1, arrears: 35_333, penaltiesDue: 0 });
  });

  it('replays payments in date order whatever order they arrive in', () => {
    const payments = [
      { date: '2024-02-29', amount: 35_333 },
      { date: '2024-01-31', amount: 35_333 },
    ];
    expect(loanPosition(schedule, payments, '2024-03-01').installments.map((i) => i.status)).toEqual([
      'paid',
      'paid',
      'upcoming',
    ]);
  });

  it('feeds PAR30 with 0, 29, 30 and 31 days past due', () => {
    const dueDate = schedule[0]?.dueDate ?? '';
    const loans = [0, 29, 30, 31].map((days) => {
      const { outstandingPrincipal, daysPastDue } = loanPosition(schedule, [], addDays(dueDate, days));
      return { outstandingPrincipal, daysPastDue };
    });
    expect(loans.map((l) => l.daysPastDue)).toEqual([0, 29, 30, 31]);
    expect(portfolioAtRisk(loans)).toEqual({ atRisk: 100_000, outstanding: 400_000, ratioBasisPoints: 2_500 });
  });

  it('judges lateness on the cooperative’s calendar, not UTC', () => {
    // 23:30 UTC on the due date: already the next day in Kiritimati (UTC+14), still the due date in Adak (UTC-10).
    const instant = new Date('2024-01-31T23:30:00Z');
    const kiritimati = loanPosition(schedule, [], localDate(instant, 'Pacific/Kiritimati'));
    const adak = loanPosition(schedule, [], localDate(instant, 'America/Adak'));
    expect([kiritimati.installments[0]?.status, kiritimati.daysPastDue]).toEqual(['late', 1]);
    expect([adak.installments[0]?.status, adak.daysPastDue]).toEqual(['due', 0]);
  });

  it('refuses bad input with a typed error', () => {
    expect(domainErrorCode(() => loanPosition(schedule, [], '2024-02-30'))).toBe('invalid_date');
    expect(domainErrorCode(() => loanPosition(schedule, [{ date: '2024-01-31', amount: 0 }], '2024-02-01'))).toBe(
      'invalid_amount',
    );
    expect(
      domainErrorCode(() =>
        loanPosition(schedule, [], '2024-02-01', [{ installmentNumber: 9, assessedOn: '2024-02-01', amount: 100 }]),
      ),
    ).toBe('unknown_installment');
    expect(
      domainErrorCode(() =>
        loanPosition([...schedule, { ...schedule[0], number: 1 } as (typeof schedule)[0]], [], '2024-02-01'),
      ),
    ).toBe('invalid_schedule');
  });
});
