import { type FactName, type Facts } from './facts.js';

/**
 * The only paths a rule may use: `$.name`, `$.name.sub`, `$.list[0]`.
 * json-rules-engine hands paths to JSONPath-Plus, which would also run
 * descendant searches (`$..x`), wildcards, filters and script expressions;
 * we reject those, and read the simple ones ourselves with the same result.
 */
const SIMPLE_PATH = /^\$(?:\.[A-Za-z_][A-Za-z0-9_]*|\[(?:0|[1-9][0-9]{0,5})\])+$/;
const SEGMENT = /\.([A-Za-z_][A-Za-z0-9_]*)|\[([0-9]+)\]/g;
export const MAX_SEGMENTS = 8;

export function isSimplePath(path: string): boolean {
  return SIMPLE_PATH.test(path) && splitPath(path).length <= MAX_SEGMENTS;
}

/** `$.d30.mean` → `['d30', 'mean']`; `$.list[0]` → `['list', '0']`. Assumes a simple path. */
export function splitPath(path: string): string[] {
  const keys: string[] = [];
  for (const match of path.matchAll(SEGMENT)) keys.push(match[1] ?? match[2]!);
  return keys;
}

/** `movement` + `$.amount` → `movement.amount`: how texts and messages name a value. */
export function factLabel(fact: string, path: string | undefined): string {
  return path ? fact + path.slice(1) : fact;
}

export type FactReader = (facts: Facts) => unknown;

// One reader per fact, each reading a fixed property (a missing fact counts as null).
const ROOTS: Record<FactName, FactReader> = {
  movement: (facts) => facts.movement ?? null,
  member: (facts) => facts.member ?? null,
  loan: (facts) => facts.loan ?? null,
  stats: (facts) => facts.stats ?? null,
  cooperative: (facts) => facts.cooperative ?? null,
  due: (facts) => facts.due ?? null,
  portfolio: (facts) => facts.portfolio ?? null,
};

/**
 * Names that values of JSON data inherit (`constructor`, `length`, `map`,
 * `toFixed`...): a step by such a name must check that the property is the
 * value's own. Any other name is own wherever it is found, since facts are
 * plain data (objects, lists, strings, numbers, booleans).
 */
const INHERITED_NAMES = new Set(
  [
    Object.prototype,
    Array.prototype,
    String.prototype,
    Number.prototype,
    Boolean.prototype,
    Function.prototype,
    Date.prototype,
  ].flatMap((prototype) => Object.getOwnPropertyNames(prototype)),
);

type Step = (value: unknown) => unknown;

/** One step of a path as JSONPath-Plus takes it: an own property of a truthy value, else undefined. */
function stepBy(key: string): Step {
  if (INHERITED_NAMES.has(key)) {
    return (value) =>
      value && Object.hasOwn(value as object, key) ? (value as Record<string, unknown>)[key] : undefined;
  }
  return (value) => (value ? (value as Record<string, unknown>)[key] : undefined);
}

/**
 * Reads `fact` at `path` the way json-rules-engine 7.3.1 does:
 * - a missing (undefined) top-level fact counts as null (we hand every fact
 *   to json-rules-engine, absent ones as null);
 * - a fact that is not an object (null) is returned as is, path ignored
 *   (json-rules-engine's almanac only resolves paths on objects);
 * - each step follows an own property of a truthy value (JSONPath-Plus:
 *   `val && Object.hasOwn(val, key)`), so strings have `length` and `[0]`,
 *   while inherited names (`constructor`) and steps from 0, '' or false
 *   give undefined.
 */
export function factReader(fact: FactName, path: string | undefined): FactReader {
  const root = ROOTS[fact];
  const steps = (path ? splitPath(path) : []).map(stepBy);
  // Specialised for the common lengths: no loop, no array access per read.
  switch (steps.length) {
    case 0:
      return root;
    case 1: {
      const [a] = steps as [Step];
      return (facts) => {
        const value = root(facts);
        return value !== null && typeof value === 'object' ? a(value) : value;
      };
    }
    case 2: {
      const [a, b] = steps as [Step, Step];
      return (facts) => {
        const value = root(facts);
        return value !== null && typeof value === 'object' ? b(a(value)) : value;
      };
    }
    default:
      return (facts) => {
        let value = root(facts);
        if (value === null || typeof value !== 'object') return value;
        for (let i = 0; i < steps.length; i++) value = steps[i]!(value);
        return value;
      };
  }
}
