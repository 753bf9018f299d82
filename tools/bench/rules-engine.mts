// Benchmark of the rules engine (issue 6): a 50-rule movement set evaluated on many distinct fact
// sets, by the compiled engine and by json-rules-engine 7.3.1 for comparison. One thread, no I/O.
//   npx tsc -b libs/rules-engine/tsconfig.lib.json && node tools/bench/rules-engine.mts [--seconds 5]
// Throughput: evaluations of the whole set per second over a timed loop. Latency: a sample of
// evaluations timed one by one with process.hrtime.bigint() (the timer's own cost included).
import { parseArgs } from 'node:util';
import { percentile } from './bench-support.mts';
import {
  type Condition,
  type EvaluationClock,
  type Facts,
  type RuleDefinition,
  type RuleSet,
  compileRuleSet,
  createReferenceEngine,
} from '../../libs/rules-engine/dist/index.js';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '5' },
    'fact-sets': { type: 'string', default: '20000' },
    sample: { type: 'string', default: '200000' },
    'reference-runs': { type: 'string', default: '3000' },
  },
});
const seconds = Number(values.seconds);
const factSetCount = Number(values['fact-sets']);
const sampleSize = Number(values.sample);
const referenceRuns = Number(values['reference-runs']);

// ---- 50 movement rules: the default pack's kinds of checks, at several thresholds ----

const label = { fr: 'Seuil', en: 'Threshold' };
const c = (fact: string, path: string, operator: string, value: unknown) =>
  ({ fact, path, operator, value }) as Condition;
const kind = (k: string) => c('movement', '$.kind', 'equal', k);

const templates: ((i: number) => { conditions: RuleDefinition['conditions']; params?: RuleDefinition['params'] })[] = [
  (i) => ({
    conditions: { all: [kind('expense'), c('movement', '$.amount', 'greaterThanInclusive', { param: 'amount' })] },
    params: { amount: { value: 500_000 * (i + 1), label } },
  }),
  (i) => ({
    conditions: {
      all: [
        c('movement', '$.kind', 'in', ['contribution', 'repayment', 'expense']),
        c('stats', '$.h24.sameAmountAndChannel', 'greaterThanInclusive', 2 + (i % 3)),
      ],
    },
  }),
  (i) => ({
    conditions: {
      all: [
        c('movement', '$.kind', 'in', ['contribution', 'repayment', 'penalty', 'expense']),
        c('stats', '$.d90', 'zScoreAbove', { threshold: 3 + (i % 3), minCount: 5 }),
      ],
    },
  }),
  (i) => ({
    conditions: {
      all: [kind('expense'), c('movement', '$.amount', 'justBelow', { threshold: 1_000_000 * (i + 1), percent: 10 })],
    },
  }),
  (i) => ({ conditions: { all: [c('movement', '$.occurredOn', 'olderThanDays', 7 + 7 * i)] } }),
  () => ({
    conditions: {
      any: [
        c('movement', '$.recordedAt', 'beforeLocalTime', { fact: 'cooperative', path: '$.openingTime' }),
        c('movement', '$.recordedAt', 'afterLocalTime', { fact: 'cooperative', path: '$.closingTime' }),
      ],
    },
  }),
  (i) => ({
    conditions: {
      all: [
        c('movement', '$.externalRef', 'notEqual', null),
        c('cooperative', '$.sameExternalRef', 'greaterThanInclusive', 1 + i),
      ],
    },
  }),
  (i) => ({ conditions: { all: [c('cooperative', '$.cashBalance', 'lessThan', -1000 * i)] } }),
  () => ({
    conditions: {
      all: [
        kind('contribution'),
        c('member', '$.expectedContribution', 'greaterThan', 0),
        c('movement', '$.amount', 'notMultipleOf', { fact: 'member', path: '$.expectedContribution' }),
      ],
    },
  }),
  (i) => ({
    conditions: {
      all: [c('movement', '$.direction', 'equal', -1), c('movement', '$.amount', 'roundAmount', 100_000 * (i + 1))],
    },
  }),
  (i) => ({
    conditions: { all: [kind('loan_disbursement'), c('member', '$.seniorityDays', 'lessThan', 90 + 30 * i)] },
  }),
  () => ({
    conditions: {
      all: [
        c('member', '$.status', 'in', ['suspended', 'exited']),
        c('movement', '$.kind', 'in', ['contribution', 'loan_disbursement']),
      ],
    },
  }),
  (i) => ({
    conditions: {
      all: [kind('contribution'), c('movement', '$.amount', 'percentOfAbove', { percent: 300 + 100 * i, of: 50_000 })],
    },
  }),
  (i) => ({
    conditions: {
      all: [
        { not: c('movement', '$.channel', 'equal', 'bank') },
        kind('expense'),
        {
          any: [c('movement', '$.amount', 'greaterThan', 2_000_000 + i), c('stats', '$.h24.count', 'greaterThan', 10)],
        },
      ],
    },
  }),
  () => ({
    conditions: {
      all: [
        kind('repayment'),
        c('loan', '$.outstanding', 'greaterThanInclusive', 0),
        c('movement', '$.amount', 'greaterThan', { fact: 'loan', path: '$.outstanding' }),
      ],
    },
  }),
  (i) => ({
    conditions: { all: [kind('loan_disbursement'), c('member', '$.joinedOn', 'withinDays', 30 * (i + 1))] },
  }),
];

const rules: RuleDefinition[] = Array.from({ length: 50 }, (_, n) => {
  const template = templates[n % templates.length]!;
  const { conditions, params } = template(Math.floor(n / templates.length));
  return {
    id: `rule-${String(n).padStart(2, '0')}`,
    name: { fr: `Règle ${n}`, en: `Rule ${n}` },
    message: {
      fr: 'Mouvement de {{movement.amount}} ({{movement.kind}})',
      en: 'Movement of {{movement.amount}} ({{movement.kind}})',
    },
    severity: 'medium',
    scope: 'movement',
    enabled: true,
    priority: 1 + (n % 3),
    params: params ?? {},
    conditions,
  };
});
const ruleSet: RuleSet = { pack: 'bench', packVersion: '1.0.0', rules };

// ---- distinct fact sets: mostly ordinary movements, some odd ones ----

let seed = 20261125;
const random = () => {
  seed = (seed + 0x6d2b79f5) >>> 0;
  let t = Math.imul(seed ^ (seed >>> 15), seed | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
const pick = <T,>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
const weighted = <T,>(items: readonly [T, number][]): T => {
  let r = random() * items.reduce((sum, [, weight]) => sum + weight, 0);
  for (const [item, weight] of items) if ((r -= weight) < 0) return item;
  return items[0]![0];
};

const clock: EvaluationClock = { now: '2026-11-25T15:00:00.000Z', timeZone: 'Africa/Abidjan' };
const day = (daysAgo: number) =>
  new Date(Date.parse('2026-11-25T00:00:00Z') - daysAgo * 86_400_000).toISOString().slice(0, 10);
const window = (maxCount: number) => {
  const count = int(0, maxCount);
  const mean = int(1, 100) * 1000;
  const stddev = count < 2 ? 0 : int(100, 20_000);
  return { count, sum: count * mean, mean, stddev, amount: 0 };
};

/** A movement as most are: a contribution or repayment on plan, in office hours; 1 to 3 % of each oddity. */
function factSet(): Facts {
  const movementKind = weighted<string>([
    ['contribution', 60],
    ['repayment', 15],
    ['expense', 10],
    ['loan_disbursement', 5],
    ['penalty', 4],
    ['income', 3],
    ['adjustment', 2],
    ['reversal', 1],
  ]);
  const expectedContribution = pick([0, 5000, 10000, 25000]);
  const base = expectedContribution || pick([5000, 10000, 25000, 50000]);
  const planned = base * int(1, 4) + (random() < 0.03 ? int(1, 999) : 0);
  const amount = random() < 0.02 ? int(5, 60) * 100_000 : planned;
  // Office hours are 08:00 to 17:00 in Abidjan (UTC).
  const minute = random() < 0.03 ? pick([int(-120, -1), int(541, 700)]) : int(0, 540);
  const recordedAt = new Date(Date.parse(`${day(int(0, 2))}T08:00:00Z`) + minute * 60_000).toISOString();
  const d90 = window(60);
  const stats = {
    h24: {
      ...window(5),
      amount,
      sameAmount: int(0, 2),
      sameAmountAndChannel: weighted([
        [0, 90],
        [1, 8],
        [2, 2],
      ]),
      justBelowThreshold: 0,
    },
    d30: { ...window(20), amount },
    // Near the member's usual amounts, 2 % far above them.
    d90: { ...d90, amount: d90.mean + (random() < 0.02 ? 6 : random() * 2 - 1) * d90.stddev },
    lastMovementAt: recordedAt,
    daysSinceLastMovement: int(0, 60),
  };
  return {
    movement: {
      id: `mv-${int(1, 1e9)}`,
      kind: movementKind as NonNullable<Facts['movement']>['kind'],
      direction: movementKind === 'expense' || movementKind === 'loan_disbursement' ? -1 : 1,
      amount,
      channel: pick(['cash', 'mobile_money', 'bank'] as const),
      externalRef: random() < 0.3 ? `MM-${int(1, 1e6)}` : null,
      category: movementKind === 'expense' ? pick(['supplies', 'fees', null]) : null,
      occurredOn: day(
        weighted([
          [0, 85],
          [1, 14],
          [int(2, 60), 1],
        ]),
      ),
      recordedAt,
      recordedHour: Number(recordedAt.slice(11, 13)),
      recordedBy: `user-${int(1, 4)}`,
      memberId: 'mb-1',
      loanId: movementKind === 'repayment' ? 'ln-1' : null,
      reversesId: null,
      reversed: false,
    },
    member: {
      id: 'mb-1',
      number: int(1, 500),
      status: weighted([
        ['active', 98],
        ['suspended', 1.5],
        ['exited', 0.5],
      ]),
      joinedOn: day(int(0, 2000)),
      seniorityDays: int(0, 2000),
      savings: int(0, 200) * 5000,
      loansOutstanding: int(0, 50) * 10000,
      activeLoans: int(0, 2),
      guaranteesGiven: 0,
      expectedContribution,
    },
    loan:
      movementKind === 'repayment'
        ? {
            id: 'ln-1',
            number: int(1, 300),
            status: 'disbursed',
            principal: 500_000,
            outstanding: int(0, 100) * 5000,
            daysPastDue: int(0, 90),
            arrears: 0,
            installments: 12,
            installmentsPaid: int(0, 12),
            requestedBy: 'user-1',
            decidedBy: 'user-2',
            disbursedBy: 'user-2',
            principalToSavings: 2,
          }
        : null,
    stats,
    cooperative: {
      currency: 'XOF',
      currencyDigits: 0,
      timeZone: 'Africa/Abidjan',
      cashBalance: random() < 0.01 ? -int(1, 100_000) : int(0, 10_000_000),
      sameExternalRef: weighted([
        [0, 98],
        [1, 2],
      ]),
      graceDays: 5,
      openingTime: '08:00',
      closingTime: '17:00',
    },
    due: null,
    portfolio: null,
  };
}

const factSets = Array.from({ length: factSetCount }, factSet);

// ---- compiled engine ----

const compiled = compileRuleSet(ruleSet);
let hits = 0;
for (let i = 0; i < 200_000; i++) hits += compiled.evaluate('movement', factSets[i % factSetCount]!, clock).length; // warm-up

hits = 0;
let evaluations = 0;
const deadline = process.hrtime.bigint() + BigInt(Math.round(seconds * 1e9));
const started = process.hrtime.bigint();
while (process.hrtime.bigint() < deadline) {
  for (let i = 0; i < 10_000; i++)
    hits += compiled.evaluate('movement', factSets[(evaluations + i) % factSetCount]!, clock).length;
  evaluations += 10_000;
}
const elapsedNs = Number(process.hrtime.bigint() - started);

// The same loop on the fact sets that hit nothing: the cost of checking, without building hits.
const quiet = factSets.filter((facts) => compiled.evaluate('movement', facts, clock).length === 0);
let quietEvaluations = 0;
const quietStarted = process.hrtime.bigint();
const quietDeadline = quietStarted + BigInt(Math.round((seconds / 2) * 1e9));
while (process.hrtime.bigint() < quietDeadline) {
  for (let i = 0; i < 10_000; i++) compiled.evaluate('movement', quiet[(quietEvaluations + i) % quiet.length]!, clock);
  quietEvaluations += 10_000;
}
const quietElapsedNs = Number(process.hrtime.bigint() - quietStarted);

const latencies = new Float64Array(sampleSize);
for (let i = 0; i < sampleSize; i++) {
  const facts = factSets[i % factSetCount]!;
  const t0 = process.hrtime.bigint();
  compiled.evaluate('movement', facts, clock);
  latencies[i] = Number(process.hrtime.bigint() - t0) / 1000;
}
const sorted = Array.from(latencies).sort((a, b) => a - b);

// ---- json-rules-engine, same rules and fact sets ----

const reference = createReferenceEngine(ruleSet, 'movement', clock);
for (let i = 0; i < 300; i++) await reference.run(factSets[i]!); // warm-up
let disagreements = 0;
const referenceLatencies: number[] = [];
const referenceStarted = process.hrtime.bigint();
for (let i = 0; i < referenceRuns; i++) {
  const facts = factSets[i % factSetCount]!;
  const t0 = process.hrtime.bigint();
  const ids = await reference.run(facts);
  referenceLatencies.push(Number(process.hrtime.bigint() - t0) / 1000);
  const ours = compiled.evaluate('movement', facts, clock).map((hit) => hit.ruleId);
  if (ids.join() !== ours.join()) disagreements++;
}
const referenceElapsedNs = Number(process.hrtime.bigint() - referenceStarted);
referenceLatencies.sort((a, b) => a - b);

const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;
console.log(
  JSON.stringify(
    {
      rules: compiled.ruleCount,
      distinct_fact_sets: factSetCount,
      compiled: {
        evaluations,
        evaluations_per_s: Math.round(evaluations / (elapsedNs / 1e9)),
        rule_evaluations_per_s: Math.round((evaluations * compiled.ruleCount) / (elapsedNs / 1e9)),
        hits_per_evaluation: round(hits / evaluations, 2),
        evaluations_per_s_without_hits: Math.round(quietEvaluations / (quietElapsedNs / 1e9)),
        latency_us: {
          sample: sampleSize,
          p50: round(percentile(sorted, 50), 2),
          p99: round(percentile(sorted, 99), 2),
          p999: round(percentile(sorted, 99.9), 2),
          max: round(sorted.at(-1)!, 0),
        },
      },
      json_rules_engine: {
        evaluations: referenceRuns,
        evaluations_per_s: Math.round(referenceRuns / (referenceElapsedNs / 1e9)),
        latency_us: {
          p50: round(percentile(referenceLatencies, 50), 0),
          p99: round(percentile(referenceLatencies, 99), 0),
        },
        hit_lists_differing_from_compiled: disagreements,
      },
      node: process.version,
    },
    null,
    2,
  ),
);
