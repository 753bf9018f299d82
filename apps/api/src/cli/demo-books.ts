import type { EntityManager } from '@mikro-orm/postgresql';
import { LedgerRepository } from '../modules/ledger/ledger.repository.js';
import { MembersRepository } from '../modules/members/members.repository.js';
import { scheduleFor } from '../modules/loans/loan-view.js';
import { LoansRepository } from '../modules/loans/loans.repository.js';

const FIRST_NAMES = [
  'Aminata',
  'Koffi',
  'Fatoumata',
  'Ibrahim',
  'Adjoua',
  'Moussa',
  'Akissi',
  'Seydou',
  'Mariam',
  'Yao',
  'Awa',
  'Drissa',
];
const LAST_NAMES = [
  'Koné',
  'Traoré',
  'Ouattara',
  'Kouassi',
  'Diabaté',
  'Coulibaly',
  'Bamba',
  'Touré',
  'Yéo',
  'Kouadio',
];
const EXPENSES = [
  { category: 'transport', amount: 2_500, memo: 'Transport au marché' },
  { category: 'supplies', amount: 6_000, memo: 'Cahiers et stylos' },
  { category: 'bank_charges', amount: 1_500, memo: 'Frais Mobile Money' },
  { category: 'social', amount: 15_000, memo: 'Aide décès' },
];

/** A small deterministic pseudo-random sequence, so the demo is the same at every start. */
function sequence(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1_664_525 + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/**
 * A year of books for a demo cooperative: members, monthly contributions
 * (some late or missed), a few expenses, one mistake reversed. Runs only
 * on a cooperative that has no members yet.
 */
export async function seedDemoBooks(
  tx: EntityManager,
  options: {
    seed: number;
    members: number;
    monthlyContribution: number;
    currency: string;
    recordedBy: string;
    today: Date;
  },
): Promise<boolean> {
  const membersRepo = new MembersRepository();
  const ledger = new LedgerRepository();
  const [{ n }] = (await tx.execute<{ n: string }[]>('select count(*) as n from members')) as [{ n: string }];
  if (Number(n) > 0) return false;
  const random = sequence(options.seed);
  const start = new Date(Date.UTC(options.today.getUTCFullYear() - 1, options.today.getUTCMonth(), 1));
  const ids: string[] = [];
  for (let i = 0; i < options.members; i++) {
    const name = `${FIRST_NAMES[i % FIRST_NAMES.length]} ${LAST_NAMES[(i * 7) % LAST_NAMES.length]}`;
    const phone = `+22507${String(10_000_000 + Math.floor(random() * 89_999_999)).slice(0, 8)}`;
    const member = await membersRepo.insert(tx, { fullName: name, phone, nationalId: null, joinedOn: isoDate(start) });
    await membersRepo.addEvent(tx, {
      memberId: member.id,
      actorUserId: options.recordedBy,
      action: 'created',
      changes: { fullName: name },
    });
    ids.push(member.id);
  }
  const base = {
    currency: options.currency,
    loanId: null,
    externalRef: null,
    recordedBy: options.recordedBy,
    reversesId: null,
    reason: null,
  };
  for (let month = 0; month < 12; month++) {
    for (const [index, memberId] of ids.entries()) {
      const roll = random();
      if (roll < 0.08 && index % 3 === 0) continue; // a missed due, now and then
      const day = roll < 0.15 ? 12 + Math.floor(random() * 10) : 1 + Math.floor(random() * 5);
      const date = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + month, day));
      if (date > options.today) continue;
      await ledger.append(tx, {
        ...base,
        kind: 'contribution',
        direction: 1,
        amount: options.monthlyContribution,
        memberId,
        category: null,
        channel: random() < 0.6 ? 'mobile_money' : 'cash',
        memo: null,
        occurredOn: isoDate(date),
      });
    }
    const expense = EXPENSES[month % EXPENSES.length]!;
    const date = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + month, 20));
    if (date <= options.today) {
      await ledger.append(tx, {
        ...base,
        kind: 'expense',
        direction: -1,
        amount: expense.amount,
        memberId: null,
        category: expense.category,
        channel: 'cash',
        memo: expense.memo,
        occurredOn: isoDate(date),
      });
    }
  }
  await seedDemoLoans(tx, ledger, ids, {
    ...base,
    today: options.today,
    monthlyContribution: options.monthlyContribution,
  });
  await plantAnomalies(tx, ledger, ids, {
    ...base,
    today: options.today,
    monthlyContribution: options.monthlyContribution,
  });
  const mistake = await ledger.append(tx, {
    ...base,
    kind: 'expense',
    direction: -1,
    amount: 25_000,
    memberId: null,
    category: 'rent',
    channel: 'cash',
    memo: 'Loyer de la salle (saisi deux fois)',
    occurredOn: isoDate(options.today),
  });
  await ledger.append(tx, {
    ...base,
    kind: 'reversal',
    direction: 1,
    amount: 25_000,
    memberId: null,
    category: 'rent',
    channel: 'cash',
    memo: null,
    occurredOn: isoDate(options.today),
    reversesId: mistake.id,
    reason: 'Saisi deux fois',
  });
  return true;
}

/**
 * What the default audit rules are there to catch, so the demo opens with
 * cases to work: a contribution entered twice, a large expense, one mobile
 * money reference used for two members, and deposits split just under the
 * structuring threshold. (The late loan and the missed dues are found by the
 * periodic audit.)
 */
async function plantAnomalies(
  tx: EntityManager,
  ledger: LedgerRepository,
  memberIds: string[],
  options: { currency: string; recordedBy: string; today: Date; monthlyContribution: number },
): Promise<void> {
  const base = {
    currency: options.currency,
    loanId: null,
    recordedBy: options.recordedBy,
    reversesId: null,
    reason: null,
    memo: null,
    category: null,
    occurredOn: isoDate(options.today),
  };
  const twice = { ...base, kind: 'contribution', direction: 1, memberId: memberIds[2]!, externalRef: null };
  for (let i = 0; i < 2; i++) {
    await ledger.append(tx, { ...twice, amount: options.monthlyContribution, channel: 'cash' });
  }
  await ledger.append(tx, {
    ...base,
    kind: 'expense',
    direction: -1,
    amount: 150_000,
    memberId: null,
    category: 'supplies',
    channel: 'cash',
    externalRef: null,
    memo: 'Bâches et chaises pour la réunion',
  });
  for (const memberId of [memberIds[3]!, memberIds[5]!]) {
    await ledger.append(tx, {
      ...base,
      kind: 'contribution',
      direction: 1,
      amount: options.monthlyContribution,
      memberId,
      channel: 'mobile_money',
      externalRef: 'MP240117.1532.A88411',
    });
  }
  for (const amount of [95_000, 97_500, 98_000]) {
    await ledger.append(tx, {
      ...base,
      kind: 'income',
      direction: 1,
      amount,
      memberId: memberIds[7]!,
      channel: 'cash',
      externalRef: null,
      memo: 'Versement',
    });
  }
}

/**
 * Three loans: one repaid on time so far, one late (nothing paid since the
 * first installment), and one request waiting for a decision.
 */
async function seedDemoLoans(
  tx: EntityManager,
  ledger: LedgerRepository,
  memberIds: string[],
  options: { currency: string; recordedBy: string; today: Date; monthlyContribution: number },
): Promise<void> {
  const loans = new LoansRepository();
  const plans = [
    {
      member: memberIds[1]!,
      principal: options.monthlyContribution * 20,
      monthsAgo: 2,
      repaidInstallments: 2,
      purpose: 'Stock de marchandises',
    },
    {
      member: memberIds[4]!,
      principal: options.monthlyContribution * 12,
      monthsAgo: 4,
      repaidInstallments: 1,
      purpose: 'Frais de scolarité',
    },
    {
      member: memberIds[6]!,
      principal: options.monthlyContribution * 8,
      monthsAgo: -1,
      repaidInstallments: 0,
      purpose: 'Achat de semences',
    },
  ];
  for (const plan of plans) {
    const loan = await loans.insert(tx, {
      memberId: plan.member,
      principal: plan.principal,
      annualRateBasisPoints: 2400,
      method: 'flat',
      installments: 6,
      frequency: 'monthly',
      purpose: plan.purpose,
      guarantorIds: [memberIds[0]!],
      currency: options.currency,
      requestedBy: options.recordedBy,
    });
    await loans.addEvent(tx, loan.id, options.recordedBy, 'requested');
    if (plan.monthsAgo < 0) continue;
    const on = new Date(Date.UTC(options.today.getUTCFullYear(), options.today.getUTCMonth() - plan.monthsAgo, 3));
    const disbursedOn = isoDate(on);
    const entry = await ledger.append(tx, {
      kind: 'loan_disbursement',
      direction: -1,
      amount: plan.principal,
      currency: options.currency,
      memberId: plan.member,
      loanId: loan.id,
      category: null,
      channel: 'mobile_money',
      externalRef: null,
      memo: null,
      occurredOn: disbursedOn,
      recordedBy: options.recordedBy,
      reversesId: null,
      reason: null,
    });
    const schedule = scheduleFor(loan, disbursedOn);
    await loans.saveSchedule(tx, loan.id, schedule);
    await loans.setStatus(tx, loan.id, {
      status: 'disbursed',
      disbursed_on: disbursedOn,
      disbursement_id: entry.id,
      decided_at: new Date().toISOString(),
    });
    await loans.addEvent(tx, loan.id, options.recordedBy, 'disbursed');
    for (const installment of schedule.slice(0, plan.repaidInstallments)) {
      if (installment.dueDate > isoDate(options.today)) break;
      await ledger.append(tx, {
        kind: 'repayment',
        direction: 1,
        amount: installment.total,
        currency: options.currency,
        memberId: plan.member,
        loanId: loan.id,
        category: null,
        channel: 'cash',
        externalRef: null,
        memo: null,
        occurredOn: installment.dueDate,
        recordedBy: options.recordedBy,
        reversesId: null,
        reason: null,
      });
    }
  }
}
