import { type EvaluationClock } from './facts.js';
import { localDayOf, localTimeOfDayMs, parseInstantCached, parseTimeOfDay, todayOf } from './local-time.js';

/**
 * Every operator a condition may use, written once as plain functions. The
 * compiler calls them directly; the reference engine registers the custom
 * ones with json-rules-engine (`engine.addOperator`) and keeps its own
 * built-ins, which ours reproduce exactly, so the differential test checks
 * our copies against the originals.
 *
 * All custom operators are total: a value of the wrong type gives false,
 * never an exception.
 */
export type OperatorFn = (factValue: unknown, value: unknown, clock: EvaluationClock) => boolean;

export const BUILTIN_OPERATORS = [
  'equal',
  'notEqual',
  'lessThan',
  'lessThanInclusive',
  'greaterThan',
  'greaterThanInclusive',
  'in',
  'notIn',
  'contains',
  'doesNotContain',
] as const;
export const CUSTOM_OPERATORS = [
  'withinDays',
  'olderThanDays',
  'beforeLocalTime',
  'afterLocalTime',
  'multipleOf',
  'notMultipleOf',
  'roundAmount',
  'justBelow',
  'zScoreAbove',
  'percentOfAbove',
] as const;
export const OPERATOR_NAMES = [...BUILTIN_OPERATORS, ...CUSTOM_OPERATORS] as const;
export type BuiltinOperatorName = (typeof BUILTIN_OPERATORS)[number];
export type CustomOperatorName = (typeof CUSTOM_OPERATORS)[number];
export type OperatorName = (typeof OPERATOR_NAMES)[number];

export function isOperatorName(name: string): name is OperatorName {
  return (OPERATOR_NAMES as readonly string[]).includes(name);
}

// json-rules-engine's own guard on the numeric operators:
// `Number.parseFloat(factValue).toString() !== 'NaN'`, without the string round trip for numbers.
function numberLike(value: unknown): boolean {
  if (typeof value === 'number') return value === value;
  return !Number.isNaN(Number.parseFloat(value as string));
}

type Indexable = { indexOf(item: unknown): number };

/** The built-ins, as json-rules-engine 7.3.1 defines them (`engine-default-operators.js`). */
export const builtinOperators: Record<BuiltinOperatorName, OperatorFn> = {
  equal: (a, b) => a === b,
  notEqual: (a, b) => a !== b,
  // `b.indexOf(a)`: validation only lets a literal array through as `b`.
  in: (a, b) => (b as Indexable).indexOf(a) > -1,
  notIn: (a, b) => (b as Indexable).indexOf(a) === -1,
  contains: (a, b) => Array.isArray(a) && a.indexOf(b) > -1,
  doesNotContain: (a, b) => Array.isArray(a) && a.indexOf(b) === -1,
  // Relational operators on unknown values, exactly as JavaScript compares them.
  lessThan: (a, b) => numberLike(a) && (a as number) < (b as number),
  lessThanInclusive: (a, b) => numberLike(a) && (a as number) <= (b as number),
  greaterThan: (a, b) => numberLike(a) && (a as number) > (b as number),
  greaterThanInclusive: (a, b) => numberLike(a) && (a as number) >= (b as number),
};

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isSafeInteger(value: unknown): value is number {
  return Number.isSafeInteger(value);
}

function isPositiveInteger(value: unknown): value is number {
  return Number.isSafeInteger(value) && (value as number) > 0;
}

function isDayCount(value: unknown): value is number {
  return Number.isSafeInteger(value) && (value as number) >= 0;
}

/** Days from the fact's local date to today, NaN when either is missing. */
function ageInDays(factValue: unknown, clock: EvaluationClock): number {
  return todayOf(clock) - localDayOf(factValue, clock.timeZone);
}

/** Local time of day of a timestamp minus `HH:MM`, in ms; NaN unless both are well formed. */
function timeOfDayDifference(factValue: unknown, value: unknown, clock: EvaluationClock): number {
  const limit = parseTimeOfDay(value);
  if (limit !== limit || typeof factValue !== 'string') return NaN;
  const instant = parseInstantCached(factValue);
  if (instant !== instant) return NaN;
  return localTimeOfDayMs(instant, clock.timeZone) - limit * 60_000;
}

export interface ZScoreValue {
  threshold: number;
  minCount: number;
}

/** `3` or `{ threshold: 3, minCount: 10 }` → both fields; null when malformed. */
export function zScoreValue(value: unknown): ZScoreValue | null {
  if (typeof value === 'number') return { threshold: value, minCount: 5 };
  if (!isRecord(value) || typeof value['threshold'] !== 'number') return null;
  const minCount = value['minCount'] ?? 5;
  return typeof minCount === 'number' ? { threshold: value['threshold'], minCount } : null;
}

/** The z-score of a window's `amount`, or NaN when the window is not a WindowStats object. */
export function zScoreOf(stats: unknown): number {
  if (!isRecord(stats)) return NaN;
  const { amount, mean, stddev } = stats;
  if (typeof amount !== 'number' || typeof mean !== 'number' || typeof stddev !== 'number') return NaN;
  return (amount - mean) / stddev;
}

function zScoreAbove(stats: unknown, value: unknown): boolean {
  if (!isRecord(stats)) return false;
  const { count, mean, stddev, amount } = stats;
  if (typeof count !== 'number' || typeof mean !== 'number') return false;
  if (typeof stddev !== 'number' || typeof amount !== 'number') return false;
  // Read without building an object: evaluations allocate nothing on a miss.
  let threshold: unknown = value;
  let minCount: unknown = 5;
  if (isRecord(value)) {
    threshold = value['threshold'];
    minCount = value['minCount'] ?? 5;
  }
  if (typeof threshold !== 'number' || typeof minCount !== 'number') return false;
  return count >= minCount && stddev > 0 && (amount - mean) / stddev > threshold;
}

/** Lower bound of `justBelow`: `threshold × (100 − percent) / 100`. */
export function justBelowFloor(threshold: number, percent: number): number {
  return (threshold * (100 - percent)) / 100;
}

export const customOperators: Record<CustomOperatorName, OperatorFn> = {
  /** The date (or the timestamp's local date) is today or at most N days before. */
  withinDays: (a, n, clock) => {
    if (!isDayCount(n)) return false;
    const age = ageInDays(a, clock);
    return age >= 0 && age <= n;
  },
  /** The date (or the timestamp's local date) is more than N days before today. */
  olderThanDays: (a, n, clock) => isDayCount(n) && ageInDays(a, clock) > n,
  beforeLocalTime: (a, hhmm, clock) => timeOfDayDifference(a, hhmm, clock) < 0,
  afterLocalTime: (a, hhmm, clock) => timeOfDayDifference(a, hhmm, clock) > 0,
  multipleOf: (a, n) => isSafeInteger(a) && isPositiveInteger(n) && a % n === 0,
  notMultipleOf: (a, n) => isSafeInteger(a) && isPositiveInteger(n) && a % n !== 0,
  /** A positive amount that is a multiple of the unit (10 000 for "round" XOF amounts). */
  roundAmount: (a, unit) => isSafeInteger(a) && a > 0 && isPositiveInteger(unit) && a % unit === 0,
  /** threshold × (100 − percent) / 100 <= x < threshold: kept just under a reporting threshold. */
  justBelow: (a, value) => {
    if (typeof a !== 'number' || !isRecord(value)) return false;
    const { threshold, percent } = value;
    if (typeof threshold !== 'number' || typeof percent !== 'number') return false;
    return justBelowFloor(threshold, percent) <= a && a < threshold;
  },
  zScoreAbove,
  /** x > of × percent / 100. */
  percentOfAbove: (a, value) => {
    if (typeof a !== 'number' || !isRecord(value)) return false;
    const { percent, of } = value;
    return typeof percent === 'number' && typeof of === 'number' && a > (of * percent) / 100;
  },
};

export const operators: Record<OperatorName, OperatorFn> = { ...builtinOperators, ...customOperators };
