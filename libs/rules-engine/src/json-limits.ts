import { type RuleSetProblem } from './engine.js';
import { LIMITS } from './limits.js';

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

const kib = (bytes: number) => `${Math.round(bytes / 1024)} KB`;

export function checkJsonLimits(input: unknown): RuleSetProblem[] {
  const problems: RuleSetProblem[] = [];
  // The cheapest refusal first: a set with far too many rules is not walked at all.
  const rules = typeof input === 'object' && input !== null ? (input as { rules?: unknown }).rules : undefined;
  if (Array.isArray(rules) && rules.length > LIMITS.maxRules) {
    return [{ path: '/rules', message: `has ${rules.length} rules; a rule set holds at most ${LIMITS.maxRules}` }];
  }

  // Bytes of the JSON text, estimated while walking (quotes, keys, commas);
  // checked exactly at the end once the input is known to be bounded.
  let estimate = 0;
  const stack: Visit[] = [{ value: input, key: null, parent: null, depth: 0 }];
  while (stack.length > 0) {
    const visit = stack.pop()!;
    const { value, depth } = visit;
    if (estimate > LIMITS.maxBytes) {
      return [{ path: '', message: `is larger than ${kib(LIMITS.maxBytes)} as JSON` }];
    }
    switch (typeof value) {
      case 'string':
        estimate += value.length + 2;
        if (value.length > LIMITS.maxAnyStringLength) {
          problems.push({ path: pointerOf(visit), message: `is longer than ${LIMITS.maxAnyStringLength} characters` });
        }
        break;
      case 'number':
        estimate += 8;
        if (!Number.isFinite(value) || Math.abs(value) > LIMITS.maxMagnitude) {
          problems.push({ path: pointerOf(visit), message: 'must be a finite number between -2^53 and 2^53' });
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
            {
              path: pointerOf(visit),
              message:
                `is nested more than ${LIMITS.maxJsonDepth} levels deep; ` +
                `conditions may nest at most ${LIMITS.maxConditionDepth} all/any/not levels`,
            },
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
          problems.push({ path: pointerOf(visit), message: 'must be plain JSON (found an instance of a class)' });
        }
        break;
      }
      case 'undefined':
      case 'function':
      case 'symbol':
      case 'bigint':
        problems.push({ path: pointerOf(visit), message: `must be plain JSON (found ${typeof value})` });
        break;
    }
    if (problems.length >= LIMITS.maxProblems) return problems;
  }
  if (problems.length > 0) return problems;
  const bytes = utf8Length(JSON.stringify(input));
  if (bytes > LIMITS.maxBytes) {
    return [{ path: '', message: `is ${kib(bytes)} as JSON; a rule set takes at most ${kib(LIMITS.maxBytes)}` }];
  }
  return [];
}
