import { type RuleSetProblem } from './engine.js';
import { LIMITS } from './limits.js';
import { problem } from './problems.js';

/**
 * The first look at a submitted rule set, before the schema: is it plain
 * JSON, and small and shallow enough to validate at all? Iterative, so a
 * 10,000-level object cannot overflow the stack; stops at the first bound
 * crossed, so a huge input costs little.
 */

interface Visit {
  value: unknown;
  key: string | null;
  parent: Visit | null;
  depth: number;
}

function pointerOf(visit: Visit): string {
  const keys: string[] = [];
  for (let v: Visit | null = visit; v && v.key !== null; v = v.parent) keys.push(v.key);
  return keys
    .reverse()
    .map((key) => '/' + escapePointer(key))
    .join('');
}

export function escapePointer(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}

function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      bytes += 4; // a surrogate pair: one 4-byte character
      i++;
    } else bytes += 3;
  }
  return bytes;
}

const maxKb = Math.round(LIMITS.maxBytes / 1024);

export function checkJsonLimits(input: unknown): RuleSetProblem[] {
  const problems: RuleSetProblem[] = [];
  // The cheapest refusal first: a set with far too many rules is not walked at all.
  const rules = typeof input === 'object' && input !== null ? (input as { rules?: unknown }).rules : undefined;
  if (Array.isArray(rules) && rules.length > LIMITS.maxRules) {
    return [problem('/rules', 'too_many_rules', { count: rules.length, max: LIMITS.maxRules })];
  }

  // Bytes of the JSON text, estimated while walking (quotes, keys, commas);
  // checked exactly at the end once the input is known to be bounded.
  let estimate = 0;
  const stack: Visit[] = [{ value: input, key: null, parent: null, depth: 0 }];
  while (stack.length > 0) {
    const visit = stack.pop()!;
    const { value, depth } = visit;
    if (estimate > LIMITS.maxBytes) {
      return [problem('', 'rule_set_too_large', { maxKb })];
    }
    switch (typeof value) {
      case 'string':
        estimate += value.length + 2;
        if (value.length > LIMITS.maxAnyStringLength) {
          problems.push(problem(pointerOf(visit), 'too_long', { max: LIMITS.maxAnyStringLength }));
        }
        break;
      case 'number':
        estimate += 8;
        if (!Number.isFinite(value) || Math.abs(value) > LIMITS.maxMagnitude) {
          problems.push(problem(pointerOf(visit), 'unsafe_number', {}));
        }
        break;
      case 'boolean':
        estimate += 5;
        break;
      case 'object': {
        if (value === null) {
          estimate += 4;
          break;
        }
        if (depth >= LIMITS.maxJsonDepth) {
          return [
            problem(pointerOf(visit), 'nested_too_deep', {
              max: LIMITS.maxJsonDepth,
              maxConditionDepth: LIMITS.maxConditionDepth,
            }),
          ];
        }
        estimate += 2;
        if (Array.isArray(value)) {
          for (let i = value.length - 1; i >= 0; i--) {
            estimate += 1;
            stack.push({ value: value[i], key: String(i), parent: visit, depth: depth + 1 });
          }
        } else if (Object.getPrototypeOf(value) === Object.prototype || Object.getPrototypeOf(value) === null) {
          const keys = Object.keys(value);
          for (let i = keys.length - 1; i >= 0; i--) {
            const key = keys[i]!;
            const item = (value as Record<string, unknown>)[key];
            // An undefined property is absent in JSON.
            if (item === undefined) continue;
            estimate += key.length + 4;
            stack.push({ value: item, key, parent: visit, depth: depth + 1 });
          }
        } else {
          problems.push(problem(pointerOf(visit), 'not_plain_object', {}));
        }
        break;
      }
      case 'undefined':
      case 'function':
      case 'symbol':
      case 'bigint':
        problems.push(problem(pointerOf(visit), 'not_json_value', { found: typeof value }));
        break;
    }
    if (problems.length >= LIMITS.maxProblems) return problems;
  }
  if (problems.length > 0) return problems;
  const bytes = utf8Length(JSON.stringify(input));
  if (bytes > LIMITS.maxBytes) return [problem('', 'rule_set_too_large', { maxKb })];
  return [];
}
