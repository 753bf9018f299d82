import { childrenOf, booleanKind, isFactReference, resolveTopCondition } from '../conditions.js';
import { type EvaluationClock, type Facts } from '../facts.js';
import { DAY_MS, parseInstant, zoneOffsetMs } from '../local-time.js';
import { zScoreValue } from '../operators.js';
import { type Condition, type FactCondition, type RuleSet } from '../rule-set.js';

/**
 * Random fact sets for the differential test, seeded and boundary-heavy:
 * values equal to the rules' own thresholds and just around them, nulls,
 * missing properties, values of the wrong type (numeric strings, lists),
 * zero standard deviations, dates and times around local midnight and
 * daylight-saving changes.
 */

export interface Random {
  next(): number;
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  chance(p: number): boolean;
}

/** mulberry32: small, fast, good enough to explore inputs, and reproducible. */
export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (items) => items[Math.floor(next() * items.length)]!,
    chance: (p) => next() < p,
  };
}

/** Values worth trying, gathered from a rule set's conditions. */
export interface Harvest {
  /** By `fact.path` (`movement.amount`): literal values compared there, and their neighbours. */
  values: Map<string, unknown[]>;
  /** Day counts of withinDays / olderThanDays. */
  days: number[];
  /** `HH:MM` of beforeLocalTime / afterLocalTime. */
  times: string[];
  /** zScoreAbove thresholds and minimum counts. */
  zThresholds: number[];
  minCounts: number[];
}

export function harvest(ruleSet: RuleSet): Harvest {
  const found: Harvest = {
    values: new Map(),
    days: [0, 1],
    times: ['08:00', '17:00'],
    zThresholds: [],
    minCounts: [5],
  };
  const add = (key: string, ...items: unknown[]) => {
    const list = found.values.get(key) ?? [];
    list.push(...items);
    found.values.set(key, list);
  };
  const visit = (condition: Condition) => {
    if (booleanKind(condition)) {
      childrenOf(condition).forEach(visit);
      return;
    }
    const { fact, path, operator, value } = condition as FactCondition;
    const key = fact + (path ?? '').slice(1);
    if (isFactReference(value)) return;
    switch (operator) {
      case 'withinDays':
      case 'olderThanDays':
        found.days.push(value as number);
        break;
      case 'beforeLocalTime':
      case 'afterLocalTime':
        found.times.push(value as string);
        break;
      case 'zScoreAbove': {
        const z = zScoreValue(value);
        if (z) {
          found.zThresholds.push(z.threshold);
          found.minCounts.push(z.minCount);
        }
        break;
      }
      case 'justBelow': {
        const { threshold, percent } = value as { threshold: number; percent: number };
        const floor = (threshold * (100 - percent)) / 100;
        add(key, threshold, threshold - 1, floor, floor - 1, Math.ceil(floor), Math.floor(floor) - 1);
        break;
      }
      case 'percentOfAbove': {
        const limit = ((value as { of: number }).of * (value as { percent: number }).percent) / 100;
        add(key, limit, limit + 1, limit - 1);
        break;
      }
      case 'multipleOf':
      case 'notMultipleOf':
      case 'roundAmount': {
        const n = value as number;
        add(key, n, 2 * n, 7 * n, n + 1, 3 * n - 1, -n, 0);
        break;
      }
      case 'in':
      case 'notIn':
        add(key, ...(value as unknown[]));
        break;
      default:
        if (typeof value === 'number') add(key, value, value - 1, value + 1, -value);
        else add(key, value);
    }
  };
  for (const rule of ruleSet.rules) visit(resolveTopCondition(rule.conditions, rule.params));
  return found;
}

const ZONES = ['Africa/Abidjan', 'Europe/Paris', 'America/New_York'] as const;

/** Local wall time (days since epoch + ms of day) in `zone` → the instant (the later one in a DST overlap's doubt). */
export function instantOfLocal(zone: string, day: number, msOfDay: number): number {
  const local = day * DAY_MS + msOfDay;
  const guess = local - zoneOffsetMs(zone, local);
  return local - zoneOffsetMs(zone, guess);
}

function localDayOfInstant(zone: string, instant: number): number {
  return Math.floor((instant + zoneOffsetMs(zone, instant)) / DAY_MS);
}

/** Clocks around local midnight, around the 2026 daylight-saving changes, and anywhere. */
export function makeClocks(random: Random, count: number): EvaluationClock[] {
  const special = [
    '2026-03-29T00:59:59.999Z', // Paris: last second of winter time
    '2026-03-29T01:00:00.000Z', // Paris: first instant of summer time
    '2026-10-24T22:00:00.000Z', // Paris: local midnight on the night summer time ends
    '2026-10-25T00:59:59.000Z',
    '2026-10-25T01:00:00.000Z',
    '2026-03-08T07:00:00.000Z', // New York: spring forward
    '2026-11-25T23:00:00.000Z', // Paris midnight, Abidjan 23:00
    '2026-11-25T23:59:59.000Z',
    '2026-11-26T00:00:00.000Z',
    '2026-12-31T23:30:00.000Z',
  ];
  const clocks: EvaluationClock[] = [];
  for (let i = 0; i < count; i++) {
    const timeZone = random.pick(ZONES);
    let now: string;
    if (i < special.length * 2) now = special[i % special.length]!;
    else {
      // Near a local midnight of a random day in 2026, or anywhere in it.
      const day = 20454 + random.int(0, 364);
      const msOfDay = random.chance(0.6)
        ? random.pick([0, 1000, DAY_MS - 1000, DAY_MS - 1])
        : random.int(0, DAY_MS - 1);
      now = new Date(instantOfLocal(timeZone, day, msOfDay)).toISOString();
    }
    clocks.push({ now, timeZone });
  }
  return clocks;
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** An instant written with a given offset from UTC, in one of the accepted ISO forms. */
function isoWithOffset(random: Random, instant: number, offsetMinutes: number): string {
  const local = new Date(instant + offsetMinutes * 60_000).toISOString(); // "YYYY-MM-DDTHH:MM:SS.sssZ"
  const form = random.int(0, 2);
  const body = form === 0 ? local.slice(0, 16) : form === 1 ? local.slice(0, 19) : local.slice(0, 23);
  if (offsetMinutes === 0 && random.chance(0.7)) return body + 'Z';
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  return `${body}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

function calendarDate(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

class FactFactory {
  private readonly zone: string;
  private readonly today: number;
  private readonly nowMs: number;

  constructor(
    private readonly random: Random,
    private readonly found: Harvest,
    clock: EvaluationClock,
  ) {
    this.zone = clock.timeZone;
    this.nowMs = parseInstant(clock.now);
    this.today = localDayOfInstant(this.zone, this.nowMs);
  }

  /** Sometimes a value of the wrong type or shape, as a buggy loader could hand over. */
  private odd(typical: unknown): unknown {
    return this.random.pick([null, undefined, '', '12abc', '150000', [150000], true, 0, -1, typical, { x: 1 }]);
  }

  private harvested(key: string): unknown[] {
    return this.found.values.get(key) ?? [];
  }

  amount(key: string, typicalMax = 2_000_000): unknown {
    const r = this.random;
    const known = this.harvested(key);
    if (r.chance(0.03)) return this.odd(r.int(0, typicalMax));
    if (known.length > 0 && r.chance(0.5)) return r.pick(known);
    if (r.chance(0.2)) return r.pick([0, 1, 1000, 5000, 20000, 50000, 100000, 150000, 500000, 1000000]);
    return r.chance(0.5) ? r.int(0, 200) * 1000 : r.int(-1000, typicalMax);
  }

  count(key: string, max = 20): unknown {
    const r = this.random;
    const known = this.harvested(key);
    if (r.chance(0.03)) return this.odd(r.int(0, max));
    if (known.length > 0 && r.chance(0.5)) return r.pick(known);
    return r.int(0, max);
  }

  choice(key: string, values: readonly unknown[]): unknown {
    const r = this.random;
    if (r.chance(0.03)) return this.odd(values[0]);
    const known = this.harvested(key);
    return known.length > 0 && r.chance(0.3) ? r.pick(known) : r.pick(values);
  }

  /** Days back from today worth trying: the rules' day counts and their neighbours, the future, anything. */
  private daysAgo(): number {
    const r = this.random;
    if (r.chance(0.7)) return r.pick(this.found.days) + r.pick([-1, 0, 0, 1]);
    return r.int(-3, 400);
  }

  date(): unknown {
    if (this.random.chance(0.03))
      return this.random.pick([null, '2026-02-30', '2026-1-01', '', 20260101, '2026-13-01']);
    return calendarDate(this.today - this.daysAgo());
  }

  timestamp(): unknown {
    const r = this.random;
    if (r.chance(0.03)) return r.pick([null, '2026-11-25T10:00:00', '2026-11-25', 'yesterday', 1764064800000]);
    const day = this.today - this.daysAgo();
    let msOfDay: number;
    if (r.chance(0.4)) {
      // At one of the rules' times of day, or a second or a minute around it.
      const [h, m] = r.pick(this.found.times).split(':').map(Number) as [number, number];
      msOfDay = (h * 60 + m) * 60_000 + r.pick([0, 0, -1000, 1000, -60_000, 60_000, 1]);
    } else if (r.chance(0.5)) {
      msOfDay = r.pick([0, 1, 1000, DAY_MS - 1000, DAY_MS - 1, 3_600_000 * 2, 3_600_000 * 3]);
    } else {
      msOfDay = r.int(0, DAY_MS - 1);
    }
    const instant = instantOfLocal(this.zone, day, Math.max(0, Math.min(DAY_MS - 1, msOfDay)));
    const offset = r.pick([0, 0, 60, 120, -300, 330]);
    return isoWithOffset(r, instant, offset);
  }

  timeOfDay(): unknown {
    const r = this.random;
    if (r.chance(0.03)) return r.pick([null, '8:00', '24:00', 800]);
    return r.chance(0.6) ? r.pick(this.found.times) : `${pad(r.int(0, 23))}:${pad(r.pick([0, 30, 59]))}`;
  }

  /** A WindowStats whose z-score often sits exactly on a rule's threshold. */
  window(): unknown {
    const r = this.random;
    if (r.chance(0.05)) return this.odd({});
    const minCount = r.pick(this.found.minCounts);
    const count = r.chance(0.6) ? minCount + r.pick([-1, 0, 1]) : r.int(0, 40);
    const mean = r.int(0, 200) * 500;
    const stddev = r.chance(0.2) ? 0 : r.pick([1, 100, 2500, r.int(1, 50_000)]);
    const z = r.chance(0.6) && this.found.zThresholds.length > 0 ? r.pick(this.found.zThresholds) : r.next() * 6 - 1;
    const amount = mean + (z + r.pick([0, 0, 0.001, -0.001, 0.5])) * stddev;
    const stats: Record<string, unknown> = { count, sum: count * mean, mean, stddev, amount };
    if (r.chance(0.03)) delete stats[r.pick(['count', 'mean', 'stddev', 'amount'])];
    return stats;
  }

  /** Half the time a present fact, now and then null or missing altogether. */
  maybe<T>(make: () => T, nullChance = 0.1): T | null | undefined {
    const r = this.random.next();
    if (r < nullChance) return null;
    if (r < nullChance + 0.02) return undefined;
    return make();
  }
}

const MOVEMENT_KINDS = [
  'contribution',
  'loan_disbursement',
  'repayment',
  'penalty',
  'expense',
  'income',
  'adjustment',
  'reversal',
];
const CHANNELS = ['cash', 'mobile_money', 'bank'];

export function generateFacts(random: Random, found: Harvest, clock: EvaluationClock): Partial<Facts> {
  const f = new FactFactory(random, found, clock);
  const r = random;
  const id = () => (r.chance(0.5) ? 'user-1' : `user-${r.int(1, 3)}`);
  const facts: Record<string, unknown> = {
    movement: f.maybe(
      () => ({
        id: 'mv-1',
        kind: f.choice('movement.kind', MOVEMENT_KINDS),
        direction: f.choice('movement.direction', [1, -1]),
        amount: f.amount('movement.amount'),
        channel: f.choice('movement.channel', CHANNELS),
        externalRef: r.pick([null, 'MM-2026-000123', 'REF1', '', 'TX-1234567890']),
        category: r.pick([null, 'fees', 'supplies', 'salaries', 'f', ['fees'], ['supplies', 'fees'], [], 's']),
        occurredOn: f.date(),
        recordedAt: f.timestamp(),
        recordedHour: f.count('movement.recordedHour', 23),
        recordedBy: id(),
        memberId: r.pick([null, 'mb-1']),
        loanId: r.pick([null, 'ln-1']),
        reversesId: null,
        reversed: f.choice('movement.reversed', [false, true]),
      }),
      0.05,
    ),
    member: f.maybe(() => ({
      id: 'mb-1',
      number: r.int(1, 500),
      status: f.choice('member.status', ['active', 'suspended', 'exited']),
      joinedOn: f.date(),
      seniorityDays: f.count('member.seniorityDays', 800),
      savings: f.amount('member.savings', 1_000_000),
      loansOutstanding: f.amount('member.loansOutstanding'),
      activeLoans: f.count('member.activeLoans', 4),
      guaranteesGiven: f.amount('member.guaranteesGiven'),
      expectedContribution: r.pick([0, 0, 5000, 10000, 25000, 50000, 3, 1]),
    })),
    loan: f.maybe(
      () => ({
        id: 'ln-1',
        number: r.int(1, 300),
        status: f.choice('loan.status', ['requested', 'approved', 'rejected', 'disbursed', 'closed', 'written_off']),
        principal: f.amount('loan.principal'),
        outstanding: f.amount('loan.outstanding'),
        daysPastDue: f.count('loan.daysPastDue', 400),
        arrears: f.amount('loan.arrears', 300_000),
        installments: f.count('loan.installments', 24),
        installmentsPaid: f.count('loan.installmentsPaid', 24),
        requestedBy: id(),
        decidedBy: r.chance(0.2) ? null : id(),
        disbursedBy: r.chance(0.2) ? null : id(),
        principalToSavings: r.pick([0, 1, 2.5, 3, 3.0001, 10, r.next() * 8]),
      }),
      0.35,
    ),
    stats: f.maybe(() => ({
      h24: {
        ...(f.window() as object),
        sameAmount: f.count('stats.h24.sameAmount', 5),
        sameAmountAndChannel: f.count('stats.h24.sameAmountAndChannel', 5),
        justBelowThreshold: f.count('stats.h24.justBelowThreshold', 5),
      },
      d30: f.window(),
      d90: f.window(),
      lastMovementAt: r.chance(0.1) ? null : f.timestamp(),
      daysSinceLastMovement: r.chance(0.1) ? null : f.count('stats.daysSinceLastMovement', 400),
    })),
    cooperative: {
      currency: 'XOF',
      currencyDigits: 0,
      timeZone: clock.timeZone,
      cashBalance: f.amount('cooperative.cashBalance', 5_000_000),
      sameExternalRef: f.count('cooperative.sameExternalRef', 2),
      graceDays: f.choice('cooperative.graceDays', [0, 1, 5, 10, 30, -1, 2.5]),
      openingTime: f.timeOfDay(),
      closingTime: f.timeOfDay(),
    },
    due: f.maybe(() => ({
      memberId: 'mb-1',
      period: '2026-11',
      dueOn: f.date(),
      expected: f.amount('due.expected', 100_000),
      paid: f.amount('due.paid', 100_000),
      status: f.choice('due.status', ['paid', 'partial', 'late', 'upcoming', 'due']),
      daysLate: f.count('due.daysLate', 120),
    })),
    portfolio: f.maybe(() => ({
      par30Bp: f.count('portfolio.par30Bp', 3000),
      cashDiscrepancy: r.pick([0, 0, 0, 1, -1, 5000, -5000]),
      cashBalance: f.amount('portfolio.cashBalance', 5_000_000),
      lateDues: f.count('portfolio.lateDues', 40),
      overdueLoans: f.count('portfolio.overdueLoans', 20),
    })),
  };
  // A loader may leave a property out (read as undefined), or a fact entirely (read as null).
  for (const fact of Object.values(facts)) {
    if (typeof fact === 'object' && fact !== null && r.chance(0.1)) {
      delete (fact as Record<string, unknown>)[r.pick(Object.keys(fact))];
    }
  }
  if (r.chance(0.02)) delete facts[r.pick(['movement', 'member', 'loan', 'stats', 'due', 'portfolio'])];
  return facts as Partial<Facts>;
}
