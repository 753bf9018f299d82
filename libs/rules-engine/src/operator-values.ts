import { LIMITS } from './limits.js';
import { type OperatorName, justBelowFloor } from './operators.js';
import { type ValueProblemCode } from './problems.js';

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
  /** What is wrong with the value (a code, and the bound it breaks), or null when it is acceptable. */
  check(value: unknown): ValueProblem | null;
}

/** The operator (and the parameter the value came from) are added by the caller. */
export interface ValueProblem {
  code: ValueProblemCode;
  max?: number;
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
    if (!isScalar(value)) return { code: 'value_needs_scalar' };
    if (typeof value === 'string' && value.length > LIMITS.maxStringValueLength) {
      return { code: 'value_string_too_long', max: LIMITS.maxStringValueLength };
    }
    return null;
  },
};

const number: ValueRule = {
  factReference: true,
  check: (value) => (typeof value === 'number' ? null : { code: 'value_needs_number' }),
};

const list: ValueRule = {
  factReference: false,
  check: (value) => {
    if (!Array.isArray(value) || value.length === 0) return { code: 'value_needs_list' };
    if (value.length > LIMITS.maxListItems) return { code: 'value_too_many_items', max: LIMITS.maxListItems };
    return value.every(isScalar) ? null : { code: 'value_needs_list' };
  },
};

const MAX_DAYS = 36_500;

const days: ValueRule = {
  factReference: true,
  check: (value) =>
    Number.isSafeInteger(value) && (value as number) >= 0 && (value as number) <= MAX_DAYS
      ? null
      : { code: 'value_needs_days', max: MAX_DAYS },
};

const timeOfDay: ValueRule = {
  factReference: true,
  check: (value) =>
    typeof value === 'string' && /^(?:[01][0-9]|2[0-3]):[0-5][0-9]$/.test(value) ? null : { code: 'value_needs_time' },
};

const positiveInteger: ValueRule = {
  factReference: true,
  check: (value) =>
    Number.isSafeInteger(value) && (value as number) > 0 ? null : { code: 'value_needs_positive_integer' },
};

const justBelow: ValueRule = {
  factReference: false,
  check: (value) => {
    const shape: ValueProblem = { code: 'value_needs_threshold_percent' };
    if (!isRecord(value) || !hasExactly(value, ['threshold', 'percent'])) return shape;
    const { threshold, percent } = value;
    if (typeof threshold !== 'number' || typeof percent !== 'number' || percent <= 0 || percent > 100) return shape;
    return justBelowFloor(threshold, percent) < threshold ? null : { code: 'value_needs_positive_threshold' };
  },
};

const zScore: ValueRule = {
  factReference: false,
  check: (value) => {
    if (typeof value === 'number') return null;
    const shape: ValueProblem = { code: 'value_needs_z_score' };
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
      : { code: 'value_needs_percent_of' },
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
