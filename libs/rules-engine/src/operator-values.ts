import { LIMITS } from './limits.js';
import { type OperatorName, justBelowFloor } from './operators.js';

/**
 * What each operator accepts as its condition `value`, after parameters are
 * substituted. `factReference` says whether the value may instead be a fact
 * reference (`{ "fact": "cooperative", "path": "$.openingTime" }`), which
 * json-rules-engine resolves at run time; operators whose value must be a
 * literal list or object do not take one (json-rules-engine's `in` would
 * throw on a fact that is not a list).
 */
interface ValueRule {
  factReference: boolean;
  /** A sentence for the problem, or null when the value is acceptable. */
  check(value: unknown): string | null;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isScalar(value: unknown): boolean {
  return value === null || ['string', 'number', 'boolean'].includes(typeof value);
}

function hasExactly(value: Record<string, unknown>, required: string[], optional: string[] = []): boolean {
  const keys = Object.keys(value);
  return (
    required.every((key) => keys.includes(key)) && keys.every((key) => required.includes(key) || optional.includes(key))
  );
}

const scalar: ValueRule = {
  factReference: true,
  check: (value) => {
    if (!isScalar(value)) return 'needs a string, a number, true, false or null';
    if (typeof value === 'string' && value.length > LIMITS.maxStringValueLength) {
      return `takes a string of at most ${LIMITS.maxStringValueLength} characters`;
    }
    return null;
  },
};

const number: ValueRule = {
  factReference: true,
  check: (value) => (typeof value === 'number' ? null : 'needs a number'),
};

const list: ValueRule = {
  factReference: false,
  check: (value) => {
    if (!Array.isArray(value) || value.length === 0) return 'needs a non-empty list of strings, numbers or booleans';
    if (value.length > LIMITS.maxListItems) return `takes at most ${LIMITS.maxListItems} items`;
    return value.every(isScalar) ? null : 'needs a list of strings, numbers, booleans or null';
  },
};

const days: ValueRule = {
  factReference: true,
  check: (value) =>
    Number.isSafeInteger(value) && (value as number) >= 0 && (value as number) <= 36_500
      ? null
      : 'needs a whole number of days between 0 and 36500',
};

const timeOfDay: ValueRule = {
  factReference: true,
  check: (value) =>
    typeof value === 'string' && /^(?:[01][0-9]|2[0-3]):[0-5][0-9]$/.test(value)
      ? null
      : 'needs a local time "HH:MM" (00:00 to 23:59)',
};

const positiveInteger: ValueRule = {
  factReference: true,
  check: (value) => (Number.isSafeInteger(value) && (value as number) > 0 ? null : 'needs a whole number above 0'),
};

const justBelow: ValueRule = {
  factReference: false,
  check: (value) => {
    const shape = 'needs { "threshold": number, "percent": number above 0 and at most 100 }';
    if (!isRecord(value) || !hasExactly(value, ['threshold', 'percent'])) return shape;
    const { threshold, percent } = value;
    if (typeof threshold !== 'number' || typeof percent !== 'number' || percent <= 0 || percent > 100) return shape;
    return justBelowFloor(threshold, percent) < threshold ? null : 'needs a positive threshold';
  },
};

const zScore: ValueRule = {
  factReference: false,
  check: (value) => {
    if (typeof value === 'number') return null;
    const shape = 'needs a number threshold, or { "threshold": number, "minCount": whole number of at least 1 }';
    if (!isRecord(value) || !hasExactly(value, ['threshold'], ['minCount'])) return shape;
    if (typeof value['threshold'] !== 'number') return shape;
    const minCount = value['minCount'];
    return minCount === undefined || (Number.isSafeInteger(minCount) && (minCount as number) >= 1) ? null : shape;
  },
};

const percentOf: ValueRule = {
  factReference: false,
  check: (value) =>
    isRecord(value) &&
    hasExactly(value, ['percent', 'of']) &&
    typeof value['percent'] === 'number' &&
    value['percent'] >= 0 &&
    typeof value['of'] === 'number'
      ? null
      : 'needs { "percent": number of at least 0, "of": number }',
};

export const operatorValues: Record<OperatorName, ValueRule> = {
  equal: scalar,
  notEqual: scalar,
  lessThan: number,
  lessThanInclusive: number,
  greaterThan: number,
  greaterThanInclusive: number,
  in: list,
  notIn: list,
  contains: scalar,
  doesNotContain: scalar,
  withinDays: days,
  olderThanDays: days,
  beforeLocalTime: timeOfDay,
  afterLocalTime: timeOfDay,
  multipleOf: positiveInteger,
  notMultipleOf: positiveInteger,
  roundAmount: positiveInteger,
  justBelow,
  zScoreAbove: zScore,
  percentOfAbove: percentOf,
};
