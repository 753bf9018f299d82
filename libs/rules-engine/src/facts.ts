/**
 * The facts a rule can read. They are loaded by the API before evaluation
 * (at most two indexed queries per movement) and handed to the engine as one
 * plain object: rules never fetch anything themselves.
 *
 * Amounts are integers in the currency's minor unit. Dates are ISO strings:
 * calendar dates `YYYY-MM-DD` are already in the cooperative's zone,
 * timestamps are UTC instants (`2026-11-25T17:32:29.000Z`).
 *
 * A rule reads one of the top-level facts below with a simple path
 * (`$.amount`, `$.d30.mean`); a fact that does not apply to the subject
 * (no loan for a contribution) is `null` (a missing one counts as null).
 * Conditions then behave as in json-rules-engine, which both engines follow:
 * - a path on a null fact gives null (the fact itself); a missing property
 *   gives undefined;
 * - on null or undefined, `equal` holds only against null; the numeric
 *   operators, `contains`, `doesNotContain` and every custom operator are
 *   false; but `notEqual` and `notIn` (unless the list holds null) HOLD.
 *   A rule that must not fire without a loan says so:
 *   `{ "fact": "loan", "operator": "notEqual", "value": null }`.
 */

export type MovementKind =
  'contribution' | 'loan_disbursement' | 'repayment' | 'penalty' | 'expense' | 'income' | 'adjustment' | 'reversal';
export type Channel = 'cash' | 'mobile_money' | 'bank';
export type MemberStatus = 'active' | 'suspended' | 'exited';
export type LoanStatus = 'requested' | 'approved' | 'rejected' | 'disbursed' | 'closed' | 'written_off';

/** The movement being checked (scope `movement`). */
export interface MovementFact {
  id: string;
  kind: MovementKind;
  /** +1 money in, -1 money out of the cooperative's cash. */
  direction: 1 | -1;
  amount: number;
  channel: Channel;
  externalRef: string | null;
  category: string | null;
  occurredOn: string;
  recordedAt: string;
  /** Hour of `recordedAt` in the cooperative's zone, 0-23. */
  recordedHour: number;
  recordedBy: string;
  memberId: string | null;
  loanId: string | null;
  reversesId: string | null;
  /** Whether this movement was itself reversed later (backtests and audits). */
  reversed: boolean;
}

export interface MemberFact {
  id: string;
  number: number;
  status: MemberStatus;
  joinedOn: string;
  seniorityDays: number;
  /** Contributions minus reversals, as of the movement. */
  savings: number;
  /** Outstanding balance (principal + interest + penalties) of every disbursed loan. */
  loansOutstanding: number;
  activeLoans: number;
  /** Outstanding balance of other members' loans this member guarantees. */
  guaranteesGiven: number;
  /** The member's expected contribution per period (plan or override); 0 without a plan. */
  expectedContribution: number;
}

export interface LoanFact {
  id: string;
  number: number;
  status: LoanStatus;
  principal: number;
  /** What remains to pay (principal + interest + penalties). */
  outstanding: number;
  daysPastDue: number;
  arrears: number;
  installments: number;
  installmentsPaid: number;
  requestedBy: string;
  decidedBy: string | null;
  /** Who recorded the disbursement, when disbursed. */
  disbursedBy: string | null;
  /** principal ÷ member's savings (savings of 0 count as 1 minor unit). */
  principalToSavings: number;
}

/** Sums and spread of the member's movements of the same kind over a window, before this movement. */
export interface WindowStats {
  count: number;
  sum: number;
  mean: number;
  /** Population standard deviation; 0 with fewer than two movements. */
  stddev: number;
  /** The amount being checked, repeated here so `zScoreAbove` reads one object. */
  amount: number;
}

export interface MemberStatsFact {
  h24: WindowStats & {
    /** Movements of the same kind, amount and member in the last 24 h (near-duplicates). */
    sameAmount: number;
    /** ...and the same channel too. */
    sameAmountAndChannel: number;
    /**
     * Movements of the same kind in the last day, this one included, whose amount is
     * within 10 % below the cooperative's structuring threshold (setting `audit.structuringThreshold`).
     */
    justBelowThreshold: number;
  };
  d30: WindowStats;
  d90: WindowStats;
  /** Timestamp of the member's previous movement, null for a first one. */
  lastMovementAt: string | null;
  daysSinceLastMovement: number | null;
}

export interface CooperativeFact {
  currency: string;
  /** Minor-unit digits of the currency (0 for XOF, 2 for EUR). */
  currencyDigits: number;
  timeZone: string;
  /** Cash balance after this movement. */
  cashBalance: number;
  /** Movements in the whole ledger with the same external reference, this one excluded. */
  sameExternalRef: number;
  graceDays: number;
  /** Usual hours of the office, local `HH:MM`. */
  openingTime: string;
  closingTime: string;
}

/** One due of a member (scope `due`, periodic audits). */
export interface DueFact {
  memberId: string;
  period: string;
  dueOn: string;
  expected: number;
  paid: number;
  status: 'paid' | 'partial' | 'late' | 'upcoming' | 'due';
  daysLate: number;
}

/** The whole cooperative (scope `cooperative`, periodic audits). */
export interface PortfolioFact {
  /** PAR30 in basis points (1 % = 100). */
  par30Bp: number;
  /** Cash computed from the ledger minus the cash balance kept in the summary (0 when they agree). */
  cashDiscrepancy: number;
  cashBalance: number;
  lateDues: number;
  overdueLoans: number;
}

/** Everything a rule may read; absent subjects are null. */
export interface Facts {
  movement: MovementFact | null;
  member: MemberFact | null;
  loan: LoanFact | null;
  stats: MemberStatsFact | null;
  cooperative: CooperativeFact;
  due: DueFact | null;
  portfolio: PortfolioFact | null;
}

export const FACT_NAMES = ['movement', 'member', 'loan', 'stats', 'cooperative', 'due', 'portfolio'] as const;
export type FactName = (typeof FACT_NAMES)[number];

/** When the evaluation happens: date operators compare to this instant, in this zone. */
export interface EvaluationClock {
  /** ISO instant. */
  now: string;
  timeZone: string;
}

/**
 * Fact paths that hold money in the currency's minor unit. Messages show them
 * in the currency's major unit (4500 minor units of EUR read "45,00").
 */
export const MONEY_PATHS: ReadonlySet<string> = new Set([
  'movement.amount',
  'member.savings',
  'member.loansOutstanding',
  'member.guaranteesGiven',
  'member.expectedContribution',
  'loan.principal',
  'loan.outstanding',
  'loan.arrears',
  ...['h24', 'd30', 'd90'].flatMap((w) => ['sum', 'mean', 'stddev', 'amount'].map((f) => `stats.${w}.${f}`)),
  'cooperative.cashBalance',
  'due.expected',
  'due.paid',
  'portfolio.cashDiscrepancy',
  'portfolio.cashBalance',
]);
